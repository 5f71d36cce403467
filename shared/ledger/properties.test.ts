// Property tests over random sequences of commands on one desk.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { add, compare, isNegative, isZero, subtract } from '../money.ts';
import { TestJournal } from '../testing/ledgerHarness.ts';
import type { Op } from '../testing/random-commands.ts';
import { opArbitraries, runOp, shuffled } from '../testing/random-commands.ts';
import type { LedgerState } from './index.ts';
import {
  applyEntry,
  balanceOf,
  checkInvariants,
  createLedgerState,
  creditFlows,
  creditOf,
  invoicesOfPatient,
  needsAttention,
  packagesOfPatient,
  paymentsOfPatient,
  reverseEntry,
  snapshotState,
} from './index.ts';

const PATIENTS = ['p1', 'p2', 'p3'] as const;
const arbitraries = opArbitraries(fc.constantFrom(...PATIENTS), {
  maxSessions: 7,
  maxExpiryDays: 120,
});

// One desk's mix: no funder money and no parked payment left unassigned; a refund goes
// back to the payment's first method.
const opArb: fc.Arbitrary<Op> = fc.oneof(
  arbitraries.pay,
  arbitraries.unapplied.map((op) => ({ ...op, assign: true })),
  arbitraries.courtesy,
  arbitraries.transfer,
  arbitraries.refund.map((op) => ({ ...op, method: 0 })),
  arbitraries.writeOff,
  arbitraries.sell,
  arbitraries.checkout.map((op) => ({ ...op, fund: '0', split: false })),
  arbitraries.missed,
  arbitraries.invoiceOf('unapply'),
  arbitraries.invoiceOf('convert'),
  arbitraries.invoiceOf('waive'),
  arbitraries.expire,
  arbitraries.reverse,
);

/** Run one op; refusals are fine (and must not write anything). */
function run(j: TestJournal, op: Op): void {
  runOp(j, op, (result) => {
    assert.equal('entries' in result, false);
  });
}

function journalOf(ops: Op[]): TestJournal {
  const j = new TestJournal();
  for (const op of ops) run(j, op);
  return j;
}

/** What a person reads: every non-zero balance, package usage and invoice amounts. */
function figures(state: LedgerState): unknown {
  const snapshot = snapshotState(state) as {
    balances: [string, string][];
    packages: [string, { used: number; sold: number; expired: number }][];
  };
  return {
    balances: snapshot.balances.filter(([, v]) => !isZero(v)),
    // A reversed sale or invoice leaves a record of zeros behind: the same figures as none.
    packages: snapshot.packages
      .filter(([, r]) => r.used || r.sold || r.expired)
      .map(([id, r]) => [id, r.used, r.sold, r.expired]),
    invoices: PATIENTS.flatMap((p) =>
      invoicesOfPatient(state, p)
        .filter((v) => !isZero(v.due) || !isZero(v.charged) || !isZero(v.settled))
        .map((v) => [v.invoiceId, v.due, v.charged, v.settled]),
    ),
    payments: PATIENTS.flatMap((p) =>
      paymentsOfPatient(state, p)
        .filter((v) => !isZero(v.unrefunded) || !isZero(v.unapplied))
        .map((v) => [v.paymentId, v.unrefunded]),
    ),
  };
}

const ops = fc.array(opArb, { minLength: 1, maxLength: 40 });

describe('properties over random single-desk command sequences', () => {
  test('every entry balances, trial balance is zero, incremental equals recomputation, nothing needs attention', () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const j = journalOf(sequence);
        assert.deepEqual(checkInvariants(j.entries, j.state), []);
        for (const entry of j.entries) {
          assert.ok(isZero(entry.lines.reduce((sum, line) => add(sum, line.amount), '0.00')));
          assert.equal(
            JSON.stringify(JSON.parse(JSON.stringify(entry))),
            JSON.stringify(entry),
            'plain JSON',
          );
        }
        assert.ok(isZero(j.state.lineTotal));
        // One desk alone never overdraws credit, overuses a package or over-pays an invoice.
        assert.deepEqual(needsAttention(j.state), []);
        for (const [account, balance] of j.state.balances) {
          if (/^(credit|funderHeld|unearned|unapplied)/.test(account))
            assert.ok(!isNegative(subtract('0.00', balance)), `${account} ${balance}`);
        }
        for (const p of PATIENTS)
          for (const pkg of packagesOfPatient(j.state, p)) assert.ok(pkg.used <= pkg.size);
      }),
      { numRuns: 150 },
    );
  });

  test('credit = money in + granted + transfers in − applied − refunded − transfers out − written off', () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const j = journalOf(sequence);
        for (const p of PATIENTS) {
          const f = creditFlows(j.state, p);
          let expected = add(add(f.moneyIn, f.granted), f.transferIn);
          for (const out of [f.applied, f.refunded, f.transferOut, f.writtenOff])
            expected = subtract(expected, out);
          assert.equal(compare(creditOf(j.state, p), expected), 0);
          for (const value of Object.values(f))
            assert.ok(!isNegative(value), `${p} ${JSON.stringify(f)}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('entries applied in any order (as replication delivers them) give the same projections', () => {
    fc.assert(
      fc.property(ops, fc.infiniteStream(fc.nat()), (sequence, randoms) => {
        const j = journalOf(sequence);
        const state = createLedgerState('AUD');
        for (const entry of shuffled(j.entries, randoms[Symbol.iterator]()))
          applyEntry(state, entry);
        assert.deepEqual(snapshotState(state), snapshotState(j.state));
      }),
      { numRuns: 100 },
    );
  });

  test('reversing an entry restores every figure it changed', () => {
    fc.assert(
      fc.property(ops, opArb, (sequence, last) => {
        const j = journalOf(sequence);
        const before = figures(j.state);
        const count = j.entries.length;
        run(j, last);
        const added = j.entries.slice(count);
        // Reverse the newest first, as a person undoing the last action would.
        for (const entry of [...added].reverse()) {
          if (entry.kind === 'reversal') return; // reversals are not reversible (see reverse.ts)
          const r = reverseEntry(j.state, { entry, reasonCode: 'undo' }, j.desk);
          if (!r.ok) return; // refused: it would overdraw something; the property covers accepted ones
          for (const e of r.entries) j.add(e);
        }
        assert.deepEqual(figures(j.state), before);
        assert.equal(
          balanceOf(j.state, 'card'),
          (before as { balances: [string, string][] }).balances.find(([a]) => a === 'card')?.[1] ??
            '0.00',
        );
      }),
      { numRuns: 150 },
    );
  });
});
