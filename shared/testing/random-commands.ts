// Random command sequences for property tests: a small language of ops (a command with
// random figures), the arbitraries that make them, and runOp, which runs one op as a
// command on a test desk. properties.test.ts (one desk) and merged-journals.ts (two desks
// merged) each build their mix of ops from these.
import fc from 'fast-check';
import { isZero } from '../money.ts';
import { plan, type TestJournal } from './ledgerHarness.ts';
import type { Appointment, CommandResult } from '../ledger/index.ts';
import {
  allocateFunderMoney,
  assignUnappliedPayment,
  bookAppointment,
  cancelAppointment,
  checkOutAppointment,
  convertFeeToCredit,
  expirePackage,
  grantCourtesyCredit,
  invoicesOfPatient,
  markNoShow,
  packagesOfPatient,
  paymentsOfPatient,
  recordFunderLumpSum,
  recordPayment,
  recordUnappliedPayment,
  refundCredit,
  reverseEntry,
  sellPackage,
  transferCredit,
  unapplyCredit,
  waiveFee,
  writeOffCredit,
} from '../ledger/index.ts';

/** A positive amount of up to 300.00, as a decimal string. */
export const amount = fc
  .integer({ min: 1, max: 30000 })
  .map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
/** An index into whatever list an op picks from (taken modulo its length). */
export const pick = fc.nat({ max: 1000 });

export type Op =
  | { op: 'pay'; p: string; a: string; method: 'card' | 'cash' }
  | { op: 'funderPay'; p: string; a: string }
  | { op: 'lumpSum'; p: string; a: string; share: boolean }
  | { op: 'allocate'; p: string; a: string }
  | { op: 'unapplied'; p: string; a: string; assign: boolean }
  | { op: 'assign'; p: string }
  | { op: 'courtesy'; p: string; a: string }
  | { op: 'transfer'; from: string; to: string; a: string }
  // method: which of the payment's methods to refund to (modulo); i when absent
  | { op: 'refund'; p: string; i: number; a: string; method?: number }
  | { op: 'writeOff'; p: string; a: string }
  | { op: 'sell'; p: string; sessions: number; price: string; paid: string; toCredit: boolean }
  | {
      op: 'checkout';
      p: string;
      price: string;
      auto: boolean;
      pkg: boolean;
      pay: string;
      fund: string;
      split: boolean;
    }
  | { op: 'missed'; p: string; noShow: boolean; fee: string; pkg: boolean }
  | { op: 'invoice'; what: 'unapply' | 'convert' | 'waive'; p: string; i: number }
  | { op: 'expire'; p: string; days: number }
  | { op: 'reverse'; i: number };

export interface OpLimits {
  /** the most sessions a package sold may have */
  maxSessions: number;
  /** the most days an expiry op moves the clock on */
  maxExpiryDays: number;
}

/** One arbitrary per op, over the patients `patient` draws. */
export function opArbitraries(patient: fc.Arbitrary<string>, limits: OpLimits) {
  const invoiceOf = (what: fc.Arbitrary<'unapply' | 'convert' | 'waive'>): fc.Arbitrary<Op> =>
    fc.record({ op: fc.constant('invoice' as const), what, p: patient, i: pick });
  return {
    pay: fc.record({
      op: fc.constant('pay' as const),
      p: patient,
      a: amount,
      method: fc.constantFrom('card' as const, 'cash' as const),
    }),
    funderPay: fc.record({ op: fc.constant('funderPay' as const), p: patient, a: amount }),
    lumpSum: fc.record({
      op: fc.constant('lumpSum' as const),
      p: patient,
      a: amount,
      share: fc.boolean(),
    }),
    allocate: fc.record({ op: fc.constant('allocate' as const), p: patient, a: amount }),
    unapplied: fc.record({
      op: fc.constant('unapplied' as const),
      p: patient,
      a: amount,
      assign: fc.boolean(),
    }),
    courtesy: fc.record({ op: fc.constant('courtesy' as const), p: patient, a: amount }),
    transfer: fc.record({
      op: fc.constant('transfer' as const),
      from: patient,
      to: patient,
      a: amount,
    }),
    refund: fc.record({ op: fc.constant('refund' as const), p: patient, i: pick, a: amount }),
    writeOff: fc.record({ op: fc.constant('writeOff' as const), p: patient, a: amount }),
    sell: fc.record({
      op: fc.constant('sell' as const),
      p: patient,
      sessions: fc.integer({ min: 1, max: limits.maxSessions }),
      price: amount,
      paid: fc.oneof(fc.constant('0'), amount),
      toCredit: fc.boolean(),
    }),
    checkout: fc.record({
      op: fc.constant('checkout' as const),
      p: patient,
      price: amount,
      auto: fc.boolean(),
      pkg: fc.boolean(),
      pay: fc.oneof(fc.constant('0'), amount),
      fund: fc.oneof(fc.constant('0'), amount),
      split: fc.boolean(),
    }),
    missed: fc.record({
      op: fc.constant('missed' as const),
      p: patient,
      noShow: fc.boolean(),
      fee: fc.oneof(fc.constant('0'), amount),
      pkg: fc.boolean(),
    }),
    /** unapply, convert or waive an invoice */
    invoice: invoiceOf(fc.constantFrom('unapply' as const, 'convert' as const, 'waive' as const)),
    /** one of those three, always */
    invoiceOf: (what: 'unapply' | 'convert' | 'waive') => invoiceOf(fc.constant(what)),
    expire: fc.record({
      op: fc.constant('expire' as const),
      p: patient,
      days: fc.integer({ min: 0, max: limits.maxExpiryDays }),
    }),
    reverse: fc.record({ op: fc.constant('reverse' as const), i: pick }),
  };
}

export function nth<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

/**
 * Run one op as a command on a desk; refusals write nothing and are fine (`onRefused`
 * sees each one).
 */
export function runOp(
  j: TestJournal,
  op: Op,
  onRefused?: (result: CommandResult<object>) => void,
): void {
  const s = j.state;
  const d = j.desk;
  d.advance(5);
  const accept = (result: CommandResult<object>): void => {
    if (result.ok) for (const entry of result.entries) j.add(entry);
    else onRefused?.(result);
  };
  const book = (p: string, price: string, pkg: boolean): Appointment | undefined => {
    const packageId = pkg
      ? (packagesOfPatient(s, p, d.now).find((v) => v.status === 'active')?.packageId ?? '')
      : '';
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
  switch (op.op) {
    case 'pay':
      return accept(
        recordPayment(
          s,
          { payer: { type: 'patient', patientId: op.p }, method: op.method, amount: op.a },
          d,
        ),
      );
    case 'funderPay':
      return accept(
        recordPayment(
          s,
          {
            payer: { type: 'funder', funderId: 'f1', patientId: op.p },
            method: 'eft',
            amount: op.a,
          },
          d,
        ),
      );
    case 'lumpSum':
      return accept(
        recordFunderLumpSum(
          s,
          {
            funderId: 'f1',
            method: 'eft',
            amount: op.a,
            ...(op.share ? { splits: [{ patientId: op.p, amount: op.a }] } : {}),
          },
          d,
        ),
      );
    case 'allocate':
      return accept(
        allocateFunderMoney(s, { funderId: 'f1', splits: [{ patientId: op.p, amount: op.a }] }, d),
      );
    case 'unapplied': {
      const r = recordUnappliedPayment(s, { method: 'eft', amount: op.a }, d);
      accept(r);
      if (r.ok && op.assign)
        accept(
          assignUnappliedPayment(
            s,
            { paymentId: r.paymentId, to: { type: 'patient', patientId: op.p } },
            d,
          ),
        );
      return;
    }
    case 'assign': {
      // Parked money of unknown payer (the seed leaves one payment of it).
      const parked = [...s.payments.values()].find((payment) => !isZero(payment.unapplied));
      if (parked)
        accept(
          assignUnappliedPayment(
            s,
            { paymentId: parked.paymentId, to: { type: 'patient', patientId: op.p } },
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
              method: nth(payment.unrefundedByMethod, op.method ?? op.i)?.method ?? 'card',
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
      const snapshot = plan({
        sessions: op.sessions,
        price: op.price,
        validityDays: 30,
        expiryRule: op.toCredit ? 'credit' : 'breakage',
      });
      return accept(sellPackage(s, { patientId: op.p, plan: snapshot, settlement }, d));
    }
    case 'checkout': {
      const appointment = book(op.p, op.price, op.pkg);
      if (!appointment) return;
      // Some check-outs take two methods under one payment.
      const payments = isZero(op.pay)
        ? []
        : [
            { method: 'cash' as const, amount: op.pay },
            ...(op.split ? [{ method: 'card' as const, amount: '10.00' }] : []),
          ];
      const funderHeld = isZero(op.fund) ? [] : [{ funderId: 'f1', amount: op.fund }];
      return accept(
        checkOutAppointment(
          s,
          { appointment, credit: op.auto ? 'auto' : '0', payments, funderHeld },
          d,
        ),
      );
    }
    case 'missed': {
      const appointment = book(op.p, '90.00', op.pkg);
      if (!appointment) return;
      const input = { appointment, ...(isZero(op.fee) ? {} : { fee: op.fee }) };
      return accept(
        op.noShow ? markNoShow(s, input, d) : cancelAppointment(s, { ...input, late: true }, d),
      );
    }
    case 'invoice': {
      const invoice = nth(invoicesOfPatient(s, op.p), op.i);
      if (!invoice) return;
      const invoiceId = invoice.invoiceId;
      if (op.what === 'unapply') return accept(unapplyCredit(s, { invoiceId }, d));
      if (op.what === 'convert') return accept(convertFeeToCredit(s, { invoiceId }, d));
      return accept(waiveFee(s, { invoiceId, reasonCode: 'manager' }, d));
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

/** A Fisher–Yates shuffle driven by a stream of random naturals. */
export function shuffled<T>(list: readonly T[], randoms: Iterator<number>): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const k = (randoms.next().value as number) % (i + 1);
    [out[i], out[k]] = [out[k] as T, out[i] as T];
  }
  return out;
}
