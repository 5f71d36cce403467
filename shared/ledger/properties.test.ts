// Property tests over random sequences of commands on one desk.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { add, compare, isNegative, isZero, subtract } from '../money.ts';
import { plan, TestJournal } from '../testing/ledgerHarness.ts';
import type { Appointment, CommandResult, JournalEntry, LedgerState } from './index.ts';
import {
  applyEntry,
  balanceOf,
  bookAppointment,
  cancelAppointment,
  checkInvariants,
  checkOutAppointment,
  convertFeeToCredit,
  createLedgerState,
  creditFlows,
  creditOf,
  expirePackage,
  grantCourtesyCredit,
  invoicesOfPatient,
  markNoShow,
  needsAttention,
  packagesOfPatient,
  paymentsOfPatient,
  recordPayment,
  recordUnappliedPayment,
  assignUnappliedPayment,
  refundCredit,
  reverseEntry,
  sellPackage,
  snapshotState,
  transferCredit,
  unapplyCredit,
  waiveFee,
  writeOffCredit,
} from './index.ts';

const PATIENTS = ['p1', 'p2', 'p3'] as const;
const patient = fc.constantFrom(...PATIENTS);
const amount = fc
  .integer({ min: 1, max: 30000 })
  .map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
const pick = fc.nat({ max: 1000 });

type Op =
  | { op: 'pay'; p: string; a: string; method: 'card' | 'cash' }
  | { op: 'unapplied'; a: string; p: string }
  | { op: 'courtesy'; p: string; a: string }
  | { op: 'transfer'; from: string; to: string; a: string }
  | { op: 'refund'; p: string; i: number; a: string }
  | { op: 'writeOff'; p: string; a: string }
  | {
      op: 'sell';
      p: string;
      sessions: number;
      price: string;
      paid: string;
      rule: 'breakage' | 'credit';
    }
  | {
      op: 'checkout';
      p: string;
      price: string;
      credit: 'auto' | '0';
      usePackage: boolean;
      pay: string;
    }
  | { op: 'missed'; p: string; noShow: boolean; fee: string; usePackage: boolean }
  | { op: 'unapply'; p: string; i: number }
  | { op: 'convert'; p: string; i: number }
  | { op: 'waive'; p: string; i: number }
  | { op: 'expire'; p: string; days: number }
  | { op: 'reverse'; i: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('pay' as const),
    p: patient,
    a: amount,
    method: fc.constantFrom('card' as const, 'cash' as const),
  }),
  fc.record({ op: fc.constant('unapplied' as const), a: amount, p: patient }),
  fc.record({ op: fc.constant('courtesy' as const), p: patient, a: amount }),
  fc.record({ op: fc.constant('transfer' as const), from: patient, to: patient, a: amount }),
  fc.record({ op: fc.constant('refund' as const), p: patient, i: pick, a: amount }),
  fc.record({ op: fc.constant('writeOff' as const), p: patient, a: amount }),
  fc.record({
    op: fc.constant('sell' as const),
    p: patient,
    sessions: fc.integer({ min: 1, max: 7 }),
    price: amount,
    paid: fc.oneof(fc.constant('0'), amount),
    rule: fc.constantFrom('breakage' as const, 'credit' as const),
  }),
  fc.record({
    op: fc.constant('checkout' as const),
    p: patient,
    price: amount,
    credit: fc.constantFrom('auto' as const, '0' as const),
    usePackage: fc.boolean(),
    pay: fc.oneof(fc.constant('0'), amount),
  }),
  fc.record({
    op: fc.constant('missed' as const),
    p: patient,
    noShow: fc.boolean(),
    fee: fc.oneof(fc.constant('0'), amount),
    usePackage: fc.boolean(),
  }),
  fc.record({ op: fc.constant('unapply' as const), p: patient, i: pick }),
  fc.record({ op: fc.constant('convert' as const), p: patient, i: pick }),
  fc.record({ op: fc.constant('waive' as const), p: patient, i: pick }),
  fc.record({
    op: fc.constant('expire' as const),
    p: patient,
    days: fc.integer({ min: 0, max: 120 }),
  }),
  fc.record({ op: fc.constant('reverse' as const), i: pick }),
);

function nth<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

/** Run one op; refusals are fine (and must not write anything). */
function run(j: TestJournal, op: Op): void {
  const s = j.state;
  const d = j.desk;
  d.advance(5);
  const accept = (result: CommandResult<object>): void => {
    if (result.ok) for (const entry of result.entries) j.add(entry);
    else assert.equal('entries' in result, false);
  };
  const bookFor = (p: string, price: string, packageId: string): Appointment | undefined => {
    const r = bookAppointment(
      s,
      {
        patientId: p,
        serviceId: 'physio',
        practitionerId: 'dr',
        start: d.now,
        durationMinutes: 30,
        price,
        ...(packageId ? { packageId } : {}),
      },
      d,
    );
    return r.ok ? r.appointment : undefined;
  };
  const usablePackage = (p: string): string =>
    packagesOfPatient(s, p, d.now).find((v) => v.status === 'active')?.packageId ?? '';
  switch (op.op) {
    case 'pay':
      return accept(
        recordPayment(
          s,
          { payer: { type: 'patient', patientId: op.p }, method: op.method, amount: op.a },
          d,
        ),
      );
    case 'unapplied': {
      const r = recordUnappliedPayment(s, { method: 'eft', amount: op.a }, d);
      accept(r);
      if (r.ok)
        accept(
          assignUnappliedPayment(
            s,
            { paymentId: r.paymentId, to: { type: 'patient', patientId: op.p } },
            d,
          ),
        );
      return;
    }
    case 'courtesy':
      return accept(
        grantCourtesyCredit(s, { patientId: op.p, amount: op.a, reasonCode: 'goodwill' }, d),
      );
    case 'transfer':
      return accept(
        transferCredit(s, { fromPatientId: op.from, toPatientId: op.to, amount: op.a }, d),
      );
    case 'refund': {
      const payment = nth(paymentsOfPatient(s, op.p), op.i);
      if (payment)
        accept(
          refundCredit(
            s,
            {
              patientId: op.p,
              paymentId: payment.paymentId,
              amount: op.a,
              method: payment.unrefundedByMethod[0]?.method ?? 'card',
            },
            d,
          ),
        );
      return;
    }
    case 'writeOff':
      return accept(writeOffCredit(s, { patientId: op.p, amount: op.a, reasonCode: 'dormant' }, d));
    case 'sell': {
      const settlement = isZero(op.paid)
        ? {}
        : { payments: [{ method: 'card' as const, amount: op.paid }] };
      return accept(
        sellPackage(
          s,
          {
            patientId: op.p,
            plan: plan({
              sessions: op.sessions,
              price: op.price,
              validityDays: 30,
              expiryRule: op.rule,
            }),
            settlement,
          },
          d,
        ),
      );
    }
    case 'checkout': {
      const packageId = op.usePackage ? usablePackage(op.p) : '';
      const appointment = bookFor(op.p, op.price, packageId);
      if (!appointment) return;
      const payments = isZero(op.pay) ? [] : [{ method: 'cash' as const, amount: op.pay }];
      return accept(checkOutAppointment(s, { appointment, credit: op.credit, payments }, d));
    }
    case 'missed': {
      const appointment = bookFor(op.p, '90.00', op.usePackage ? usablePackage(op.p) : '');
      if (!appointment) return;
      const input = { appointment, ...(isZero(op.fee) ? {} : { fee: op.fee }) };
      return accept(
        op.noShow ? markNoShow(s, input, d) : cancelAppointment(s, { ...input, late: true }, d),
      );
    }
    case 'unapply': {
      const invoice = nth(invoicesOfPatient(s, op.p), op.i);
      if (invoice) accept(unapplyCredit(s, { invoiceId: invoice.invoiceId }, d));
      return;
    }
    case 'convert': {
      const invoice = nth(invoicesOfPatient(s, op.p), op.i);
      if (invoice) accept(convertFeeToCredit(s, { invoiceId: invoice.invoiceId }, d));
      return;
    }
    case 'waive': {
      const invoice = nth(invoicesOfPatient(s, op.p), op.i);
      if (invoice) accept(waiveFee(s, { invoiceId: invoice.invoiceId, reasonCode: 'manager' }, d));
      return;
    }
    case 'expire': {
      d.advance(op.days * 24 * 60);
      const pkg = packagesOfPatient(s, op.p, d.now)[0];
      if (pkg) accept(expirePackage(s, { packageId: pkg.packageId }, d));
      return;
    }
    case 'reverse': {
      const entry = nth(j.entries, op.i);
      if (entry) accept(reverseEntry(s, { entry, reasonCode: 'mistake' }, d));
      return;
    }
  }
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
        const shuffled = [...j.entries];
        const it = randoms[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const k = (it.next().value as number) % (i + 1);
          [shuffled[i], shuffled[k]] = [shuffled[k] as JournalEntry, shuffled[i] as JournalEntry];
        }
        const state = createLedgerState('AUD');
        for (const entry of shuffled) applyEntry(state, entry);
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
