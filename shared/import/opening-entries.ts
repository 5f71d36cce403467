// Opening balances as journal entries. Money the clinic already holds for a
// patient (account credit, the unused value of a package) was received under
// the previous system; it is not new income, a payment or a courtesy. Each
// balance is one `openingBalance` entry against the OPENING_BALANCES account
// (an equity-like conversion account, as bookkeepers keep for a system
// change), so the journal balances, each patient's credit shows where it came
// from, and nothing lands in revenue or courtesy expense.
import { negate } from '../money.ts';
import type { JournalEntry } from '../ledger/entry.ts';
import { accounts, OPENING_BALANCES } from '../ledger/accounts.ts';
import type { SoldPackage } from '../ledger/packagePlan.ts';
import type { PlannedCredit, PlannedPackage } from './plan.ts';
import type { ImportSource } from './layouts.ts';

export const OPENING_BALANCE_REASON = 'opening-balance';

export interface OpeningContext {
  /** ISO instant: when the balances are taken over (the import) */
  now: string;
  newId: () => string;
  deskId: string;
  staffId: string;
  /** the import batch, recorded on each entry */
  batchId: string;
  source: ImportSource;
  /** the instant a package expiring on this local date stops (the next local midnight) */
  endOfDay: (date: string) => string;
}

const SOURCE_WORDS: Record<ImportSource, string> = {
  cliniko: 'Cliniko',
  generic: 'the previous system',
};

function base(ctx: OpeningContext, key: string, patientId: string, memo: string) {
  return {
    id: ctx.newId(),
    kind: 'openingBalance' as const,
    occurredAt: ctx.now,
    recordedAt: ctx.now,
    deskId: ctx.deskId,
    staffId: ctx.staffId,
    patientId,
    counterpartyPatientId: '',
    funderId: '',
    appointmentId: '',
    invoiceId: '',
    paymentId: '',
    reverses: '',
    reasonCode: OPENING_BALANCE_REASON,
    memo,
    number: '',
    importData: { importKey: key, importBatch: ctx.batchId },
  };
}

export function openingCreditEntry(
  item: PlannedCredit,
  patientId: string,
  ctx: OpeningContext,
): JournalEntry {
  const memo = `Credit brought over from ${SOURCE_WORDS[ctx.source]}${item.note ? `: ${item.note}` : ''}`;
  const { importData, ...fields } = base(ctx, item.key, patientId, memo);
  return {
    ...fields,
    packageId: '',
    lines: [
      { account: OPENING_BALANCES, amount: item.amount },
      { account: accounts.credit(patientId), amount: negate(item.amount) },
    ],
    data: { ...importData },
  };
}

export function openingPackageEntry(
  item: PlannedPackage,
  patientId: string,
  packageId: string,
  ctx: OpeningContext,
): JournalEntry {
  // The package starts here with what was left: its size is the sessions remaining and
  // its price the value remaining, so each session still recognises an exact share.
  const sold: SoldPackage = {
    ...item.plan,
    sessions: item.sessionsRemaining,
    price: item.value,
    packageId,
    patientId,
    payer: 'patient',
    funderId: '',
    soldAt: ctx.now,
    expiresAt: item.expiry ? ctx.endOfDay(item.expiry) : '',
    invoiceId: '',
  };
  const memo = `${item.plan.name}: ${item.sessionsRemaining} session${item.sessionsRemaining === 1 ? '' : 's'} brought over from ${SOURCE_WORDS[ctx.source]}${item.note ? ` (${item.note})` : ''}`;
  const { importData, ...fields } = base(ctx, item.key, patientId, memo);
  return {
    ...fields,
    packageId,
    lines: [
      { account: OPENING_BALANCES, amount: item.value },
      { account: accounts.unearned(packageId), amount: negate(item.value) },
    ],
    data: {
      ...importData,
      package: JSON.parse(JSON.stringify(sold)) as JournalEntry['data'][string],
      packageSold: 1,
      packageFunderId: '',
    },
  };
}
