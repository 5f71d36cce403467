// The lean clinic-wide state answers needs-attention exactly as the full LedgerState does,
// over journals merged from two desks that worked offline (where attention items arise),
// in any arrival order, with entries delivered more than once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isZero, negate } from '../money.ts';
import { TestJournal } from '../testing/ledgerHarness.ts';
import { testDesk } from '../testing/ledgerContext.ts';
import type { JournalEntry, LedgerState } from './index.ts';
import { invoiceDue } from './state.ts';
import {
  applyEntry,
  bookAppointment,
  convertFeeToCredit,
  fromEntries,
  isGuardedLiability,
  markNoShow,
  needsAttention,
  recordPayment,
  writeOffCredit,
} from './index.ts';
import type { AttentionState } from './attention-state.ts';
import {
  applyToAttentionState,
  attentionStateFrom,
  createAttentionState,
  snapshotAttentionState,
} from './attention-state.ts';
import { mergedJournal, offline, ops, withUlids } from '../testing/merged-journals.ts';
import { testEntry } from '../testing/journal-entry.ts';
import { shuffled } from '../testing/random-commands.ts';

/** Every figure the lean state holds, read from it … */
function leanFigures(lean: AttentionState): unknown {
  const snapshot = snapshotAttentionState(lean);
  return {
    balances: snapshot['balances'],
    invoices: snapshot['invoices'],
    payments: snapshot['payments'],
    packages: [...lean.packages]
      .filter(([, p]) => p.sessions >= 0)
      .map(([id, p]) => [id, p.used, p.sessions, p.name, p.patientId])
      .sort(),
  };
}

/** … and the same figures read from the full LedgerState. */
function fullFigures(full: LedgerState): unknown {
  const byId = <T>(rows: [string, T][]) => rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return {
    balances: byId(
      [...full.balances].filter(
        ([account, balance]) => isGuardedLiability(account) && !isZero(balance),
      ),
    ),
    invoices: byId(
      [...full.invoices].map(([id, r]): [string, unknown] => [
        id,
        [invoiceDue(r), r.number, r.patientId],
      ]),
    ),
    payments: byId(
      [...full.payments]
        .filter(([, r]) => r.byMethod.size > 0)
        .map(([id, r]): [string, unknown] => [
          id,
          [r.patientId, r.entryId, [...r.byMethod].sort((a, b) => (a[0] < b[0] ? -1 : 1))],
        ]),
    ),
    packages: [...full.packages]
      .filter(([, p]) => p.sale)
      .map(([id, p]) => [id, p.used, p.sale?.sessions, p.sale?.name, p.sale?.patientId])
      .sort(),
  };
}

describe('the lean clinic-wide state (attention-state.ts)', () => {
  test('gives the same needs-attention as the full LedgerState, in any order, applied any number of times', () => {
    let withItems = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(
        ops(15),
        offline,
        offline,
        fc.infiniteStream(fc.nat()),
        fc.boolean(),
        (shared, onA, onB, randoms, ulids) => {
          const merged = mergedJournal(shared, onA, onB);
          const entries = ulids ? withUlids(merged) : merged;
          const full = fromEntries(entries, 'AUD');
          const expected = needsAttention(full);
          if (expected.length > 0) withItems += 1;
          for (const item of expected) kinds.add(item.kind);

          const it = randoms[Symbol.iterator]();
          const lean = createAttentionState('AUD');
          const delivered = shuffled([...entries, ...entries.filter((_, i) => i % 3 === 0)], it);
          for (const entry of delivered) applyToAttentionState(lean, entry);
          assert.deepEqual(needsAttention(lean), expected);
          assert.equal(lean.entryCount, full.entryCount);
          assert.equal(lean.lineTotal, full.lineTotal);
          assert.deepEqual(leanFigures(lean), fullFigures(full));
          // Arrival order and repeats change nothing at all.
          assert.deepEqual(
            snapshotAttentionState(lean),
            snapshotAttentionState(attentionStateFrom(entries, 'AUD')),
          );
        },
      ),
      { numRuns: 300 },
    );
    // The merges must actually produce items to compare, of several kinds.
    assert.ok(withItems >= 50, `only ${withItems} of 300 merged journals needed attention`);
    for (const kind of [
      'negative-balance',
      'invoice-overpaid',
      'payment-overrefunded',
      'package-overused',
    ])
      assert.ok(kinds.has(kind), `no ${kind} item was produced: ${[...kinds].join(', ')}`);
  });

  test('tracks the full state entry by entry while a journal grows', () => {
    fc.assert(
      fc.property(ops(10), offline, offline, (shared, onA, onB) => {
        const entries = mergedJournal(shared, onA, onB);
        const full = fromEntries([], 'AUD');
        const lean = createAttentionState('AUD');
        for (const entry of entries) {
          applyEntry(full, entry);
          assert.equal(applyToAttentionState(lean, entry), true);
          assert.equal(applyToAttentionState(lean, entry), false, 'a second delivery is a no-op');
          assert.deepEqual(needsAttention(lean), needsAttention(full));
        }
      }),
      { numRuns: 100 },
    );
  });

  test('two desks spending the same credit offline: the overdrawn credit, with its patient and message', () => {
    const shared = new TestJournal('AUD', testDesk('S'));
    shared.ok(
      recordPayment(
        shared.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'card', amount: '50.00' },
        shared.desk,
      ),
    );
    const deskA = new TestJournal('AUD', testDesk('A', shared.desk.now));
    const deskB = new TestJournal('AUD', testDesk('B', shared.desk.now));
    for (const entry of shared.entries) [deskA, deskB].forEach((desk) => desk.add(entry));
    for (const desk of [deskA, deskB])
      desk.ok(
        writeOffCredit(
          desk.state,
          { patientId: 'p1', amount: '30.00', reasonCode: 'x' },
          desk.desk,
        ),
      );
    const lean = attentionStateFrom([...deskA.entries, ...deskB.entries.slice(1)], 'AUD');
    assert.deepEqual(
      needsAttention(lean).map((item) => [item.key, item.patientId, item.amount, item.message]),
      [['balance:credit:p1', 'p1', '-10.00', 'Account credit of patient p1 is overdrawn by 10.00']],
    );
    // Keeps only non-zero guarded balances: the card account and zeros are not held.
    assert.deepEqual([...lean.balances.keys()], ['credit:p1']);
  });

  test('a paid fee turned into credit is neither due nor over-paid', () => {
    const j = new TestJournal('AUD', testDesk('S'));
    const visit = bookAppointment(
      j.state,
      {
        patientId: 'p1',
        serviceId: 'physio',
        practitionerId: 'dr',
        start: j.desk.now,
        durationMinutes: 30,
        price: '90.00',
      },
      j.desk,
    );
    assert.ok(visit.ok);
    const fee = j.ok(markNoShow(j.state, { appointment: visit.appointment, fee: '40.00' }, j.desk));
    j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'card', amount: '40.00' },
        j.desk,
      ),
    );
    j.ok(convertFeeToCredit(j.state, { invoiceId: fee.invoiceId }, j.desk));
    const lean = attentionStateFrom(j.entries, 'AUD');
    assert.deepEqual(leanFigures(lean), fullFigures(j.state));
    const slot = lean.invoices.ids.slotOf(fee.invoiceId);
    assert.equal(lean.invoices.due[slot], '0.00');
    assert.deepEqual(needsAttention(lean), []);
  });

  test("a payment's patient is that of the earliest entry bringing its money in, whatever the order", () => {
    const received = (id: string, patientId: string): JournalEntry =>
      testEntry({
        id,
        kind: 'paymentReceived',
        occurredAt: '2025-03-03T09:00:00.000Z',
        deskId: 'A',
        staffId: 'staff1',
        patientId,
        paymentId: '01JC0000000000000000PAYMNT',
        lines: [
          { account: 'card', amount: '10.00' },
          { account: `credit:${patientId}`, amount: '-10.00' },
        ],
      });
    const refund: JournalEntry = {
      ...received('01JC0000000000000000000003', 'p1'),
      kind: 'creditRefunded',
      lines: [
        { account: 'credit:p1', amount: '30.00' },
        { account: 'card', amount: '-30.00' },
      ],
    };
    const later = received('01JC0000000000000000000002', 'p1');
    const earlier = received('01JC0000000000000000000001', 'p2');
    for (const order of [
      [later, earlier, refund],
      [earlier, later, refund],
      [refund, later, earlier],
    ]) {
      const lean = attentionStateFrom(order, 'AUD');
      const items = needsAttention(lean).filter((item) => item.kind === 'payment-overrefunded');
      assert.deepEqual(
        items.map((item) => [item.patientId, item.amount]),
        [['p2', '10.00']],
      );
      assert.deepEqual(needsAttention(lean), needsAttention(fromEntries(order, 'AUD')));
      // Reversing the refund clears the item again.
      const reversal: JournalEntry = {
        ...refund,
        id: '01JC0000000000000000000004',
        kind: 'reversal',
        reverses: refund.id,
        lines: refund.lines.map((line) => ({ ...line, amount: negate(line.amount) })),
        data: { reversedKind: 'creditRefunded' },
      };
      assert.equal(applyToAttentionState(lean, reversal), true);
      assert.deepEqual(
        needsAttention(lean).filter((item) => item.kind === 'payment-overrefunded'),
        [],
      );
    }
  });

  test('an entry whose lines do not balance shows in the trial balance total, as in the full state', () => {
    const base = {
      kind: 'courtesyCredit' as const,
      occurredAt: '2025-03-03T09:00:00.000Z',
      deskId: 'A',
      staffId: 'staff1',
      patientId: 'p1',
    };
    const entries: JournalEntry[] = [
      testEntry({
        ...base,
        id: 'e1',
        lines: [
          { account: 'expense:courtesy', amount: '10.00' },
          { account: 'credit:p1', amount: '-10.00' },
        ],
      }),
      testEntry({
        ...base,
        id: 'e2',
        lines: [
          { account: 'expense:courtesy', amount: '10.00' },
          { account: 'credit:p1', amount: '-9.00' },
        ],
      }),
      testEntry({
        ...base,
        id: 'e3',
        lines: [
          { account: 'expense:courtesy', amount: '-1.00' },
          { account: 'credit:p1', amount: '1.50' },
        ],
      }),
    ];
    const lean = attentionStateFrom(entries, 'AUD');
    assert.equal(lean.lineTotal, '1.50');
    assert.equal(lean.lineTotal, fromEntries(entries, 'AUD').lineTotal);
  });
});
