// Random journals for property tests: a shared history, then two desks that each work
// offline (mostly spending what the history left), merged as replication merges them —
// where needs-attention items arise. Used by attention-state.test.ts and
// paged-invariants.test.ts (shared/ledger/).
import fc from 'fast-check';
import { isZero } from '../money.ts';
import { plan, TestJournal } from './ledgerHarness.ts';
import { testDesk } from './ledgerContext.ts';
import type { Appointment, CommandResult, JournalEntry } from '../ledger/index.ts';
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

export const PATIENTS = ['p1', 'p2'] as const;
const patient = fc.constantFrom(...PATIENTS);
const amount = fc
  .integer({ min: 1, max: 30000 })
  .map((cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
const pick = fc.nat({ max: 1000 });

type Op =
  | { op: 'pay'; p: string; a: string; method: 'card' | 'cash' }
  | { op: 'funderPay'; p: string; a: string }
  | { op: 'lumpSum'; p: string; a: string; share: boolean }
  | { op: 'allocate'; p: string; a: string }
  | { op: 'unapplied'; p: string; a: string; assign: boolean }
  | { op: 'assign'; p: string }
  | { op: 'courtesy'; p: string; a: string }
  | { op: 'transfer'; from: string; to: string; a: string }
  | { op: 'refund'; p: string; i: number; a: string }
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

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('pay' as const),
    p: patient,
    a: amount,
    method: fc.constantFrom('card' as const, 'cash' as const),
  }),
  fc.record({ op: fc.constant('funderPay' as const), p: patient, a: amount }),
  fc.record({ op: fc.constant('lumpSum' as const), p: patient, a: amount, share: fc.boolean() }),
  fc.record({ op: fc.constant('allocate' as const), p: patient, a: amount }),
  fc.record({ op: fc.constant('unapplied' as const), p: patient, a: amount, assign: fc.boolean() }),
  fc.record({ op: fc.constant('courtesy' as const), p: patient, a: amount }),
  fc.record({ op: fc.constant('transfer' as const), from: patient, to: patient, a: amount }),
  fc.record({ op: fc.constant('refund' as const), p: patient, i: pick, a: amount }),
  fc.record({ op: fc.constant('writeOff' as const), p: patient, a: amount }),
  fc.record({
    op: fc.constant('sell' as const),
    p: patient,
    sessions: fc.integer({ min: 1, max: 4 }),
    price: amount,
    paid: fc.oneof(fc.constant('0'), amount),
    toCredit: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('checkout' as const),
    p: patient,
    price: amount,
    auto: fc.boolean(),
    pkg: fc.boolean(),
    pay: fc.oneof(fc.constant('0'), amount),
    fund: fc.oneof(fc.constant('0'), amount),
    split: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('missed' as const),
    p: patient,
    noShow: fc.boolean(),
    fee: fc.oneof(fc.constant('0'), amount),
    pkg: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('invoice' as const),
    what: fc.constantFrom('unapply' as const, 'convert' as const, 'waive' as const),
    p: patient,
    i: pick,
  }),
  fc.record({
    op: fc.constant('expire' as const),
    p: patient,
    days: fc.integer({ min: 0, max: 60 }),
  }),
  fc.record({ op: fc.constant('reverse' as const), i: pick }),
);

function nth<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

/** Run one command on a desk; refusals write nothing and are fine. */
function run(j: TestJournal, op: Op): void {
  const s = j.state;
  const d = j.desk;
  d.advance(5);
  const accept = (result: CommandResult<object>): void => {
    if (result.ok) for (const entry of result.entries) j.add(entry);
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
              method: nth(payment.unrefundedByMethod, op.i)?.method ?? 'card',
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

const SEED: Op[] = PATIENTS.flatMap((p): Op[] => [
  { op: 'pay', p, a: '200.00', method: 'card' },
  { op: 'sell', p, sessions: 2, price: '150.00', paid: '150.00', toCredit: p === 'p2' },
  { op: 'lumpSum', p, a: '120.00', share: true },
  { op: 'unapplied', p, a: '80.00', assign: false },
]);

/** A shared history, then two desks that each work offline; the union of their journals. */
export function mergedJournal(shared: Op[], onA: Op[], onB: Op[]): JournalEntry[] {
  const start = new TestJournal('AUD', testDesk('S'));
  // Money and sessions for both desks to spend, so their offline work can collide.
  for (const op of [...SEED, ...shared]) run(start, op);
  const deskA = new TestJournal('AUD', testDesk('A', start.desk.now));
  const deskB = new TestJournal('AUD', testDesk('B', start.desk.now));
  for (const entry of start.entries) {
    deskA.add(entry);
    deskB.add(entry);
  }
  for (const op of onA) run(deskA, op);
  for (const op of onB) run(deskB, op);
  return [
    ...start.entries,
    ...deskA.entries.slice(start.entries.length),
    ...deskB.entries.slice(start.entries.length),
  ];
}

/**
 * The same journal under ULIDs (the ids the app makes, which IdSlots packs): every test
 * id renamed, in the same order, wherever it appears.
 */
export function withUlids(entries: readonly JournalEntry[]): JournalEntry[] {
  const text = JSON.stringify(entries);
  const testIds = [...new Set(text.match(/\d{8}T\d{9}Z-[A-Z]-\d{6}/g) ?? [])].sort();
  const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const ulidOf = new Map(
    testIds.map((id, index) => {
      let digits = '';
      for (let n = index; digits.length < 8; n = Math.floor(n / 32))
        digits = crockford.charAt(n % 32) + digits;
      // A fixed time and random part, then a counter that keeps the order.
      return [id, `01JC7K3QW9X2M5PR8T${digits}`];
    }),
  );
  return JSON.parse(
    text.replace(/\d{8}T\d{9}Z-[A-Z]-\d{6}/g, (id) => ulidOf.get(id) ?? id),
  ) as JournalEntry[];
}

export function shuffled<T>(list: readonly T[], randoms: Iterator<number>): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const k = (randoms.next().value as number) % (i + 1);
    [out[i], out[k]] = [out[k] as T, out[i] as T];
  }
  return out;
}

export const ops = (max: number) => fc.array(opArb, { minLength: 0, maxLength: max });

// Offline, each desk mostly spends what the shared history left: the same credit, the
// same sessions, the same parked money, the same payment's refundable amount.
const spendArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: opArb, weight: 3 },
  {
    arbitrary: fc.record({
      op: fc.constant('checkout' as const),
      p: patient,
      price: amount,
      auto: fc.constant(true),
      pkg: fc.boolean(),
      pay: fc.oneof(fc.constant('0'), fc.constant('30.00')),
      split: fc.boolean(),
      fund: fc.oneof(fc.constant('0'), fc.constant('60.00')),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('assign' as const), p: patient }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      p: patient,
      i: pick,
      a: fc.constant('60.00'),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ op: fc.constant('reverse' as const), i: pick }),
    weight: 1,
  },
);
export const offline = fc.array(spendArb, { minLength: 1, maxLength: 8 });
