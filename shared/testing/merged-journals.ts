// Random journals for property tests: a shared history, then two desks that each work
// offline (mostly spending what the history left), merged as replication merges them —
// where needs-attention items arise. Used by attention-state.test.ts and
// paged-invariants.test.ts (shared/ledger/). The ops come from random-commands.ts.
import fc from 'fast-check';
import { TestJournal } from './ledgerHarness.ts';
import { testDesk } from './ledgerContext.ts';
import type { JournalEntry } from '../ledger/index.ts';
import type { Op } from './random-commands.ts';
import { amount, opArbitraries, pick, runOp } from './random-commands.ts';

export const PATIENTS = ['p1', 'p2'] as const;
const patient = fc.constantFrom(...PATIENTS);

const arbitraries = opArbitraries(patient, { maxSessions: 4, maxExpiryDays: 60 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  arbitraries.pay,
  arbitraries.funderPay,
  arbitraries.lumpSum,
  arbitraries.allocate,
  arbitraries.unapplied,
  arbitraries.courtesy,
  arbitraries.transfer,
  arbitraries.refund,
  arbitraries.writeOff,
  arbitraries.sell,
  arbitraries.checkout,
  arbitraries.missed,
  arbitraries.invoice,
  arbitraries.expire,
  arbitraries.reverse,
);

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
  for (const op of [...SEED, ...shared]) runOp(start, op);
  const deskA = new TestJournal('AUD', testDesk('A', start.desk.now));
  const deskB = new TestJournal('AUD', testDesk('B', start.desk.now));
  for (const entry of start.entries) {
    deskA.add(entry);
    deskB.add(entry);
  }
  for (const op of onA) runOp(deskA, op);
  for (const op of onB) runOp(deskB, op);
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
