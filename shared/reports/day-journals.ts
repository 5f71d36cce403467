// The journal summarised as one balanced journal per local day, in the categories of
// the chart of accounts: what the manual-journal exports write. Lines are net sums
// per (category, kind of event, debit or credit side), so a day reads like
// "Card clearing — Payments received 1,240.00 Dr; Patient account credit — Visits
// checked out 180.00 Dr", and every day sums to exactly zero because every entry does.
import { add, isNegative, isZero, zeroAmount } from '../money.ts';
import type { Amount } from '../money.ts';
import { parseAccount } from '../ledger/accounts.ts';
import type { EntryKind, JournalEntry } from '../ledger/entry.ts';
import { effectiveKind } from '../ledger/state.ts';
import type { LedgerCategory } from './account-mapping.ts';
import { categoryOf, LEDGER_CATEGORIES } from './account-mapping.ts';
import { LocalDays } from './local-days.ts';
import type { ClinicFrame, Directory } from './report-table.ts';
import { byText } from './report-table.ts';

const KIND_LABELS: Record<EntryKind, string> = {
  paymentReceived: 'Payments received',
  unappliedReceived: 'Money of unknown payer received',
  unappliedAssigned: 'Unknown-payer money assigned',
  funderLumpSumReceived: 'Funder lump sums received',
  funderMoneyAllocated: 'Funder money split to patients',
  packageSold: 'Packages sold',
  checkout: 'Visits checked out (revenue per session)',
  sessionForfeited: 'Sessions forfeited (late cancel / no-show)',
  feeCharged: 'Late-cancel and no-show fees',
  feeConvertedToCredit: 'Fees converted to credit',
  feeWaived: 'Fees waived',
  creditTransferred: 'Credit transferred between patients',
  creditRefunded: 'Credit refunded',
  creditUnapplied: 'Credit taken off invoices',
  creditWrittenOff: 'Credit written off',
  courtesyCredit: 'Courtesy credit granted',
  packageExpired: 'Packages expired (breakage or credit)',
  openingBalance: 'Opening balances brought over',
  reversal: 'Reversals',
};
const KIND_ORDER = new Map(Object.keys(KIND_LABELS).map((kind, index) => [kind, index]));
const CATEGORY_ORDER = new Map(LEDGER_CATEGORIES.map((category, index) => [category, index]));

export interface DayJournalLine {
  category: LedgerCategory;
  description: string;
  /** the patient or funder, for receivable lines when asked for (QuickBooks needs a Name there) */
  party: string;
  /** positive is a debit, negative a credit */
  amount: Amount;
}

export interface DayJournal {
  date: string;
  lines: DayJournalLine[];
  entryCount: number;
}

export interface DayJournalOptions {
  /** split receivable lines per patient or funder and name them */
  partyForReceivables: boolean;
}

function partyOf(account: string, directory: Directory): string {
  const parsed = parseAccount(account);
  if (parsed.type === 'patientReceivable') return directory.patient(parsed.patientId).name;
  if (parsed.type === 'funderReceivable') return directory.funder(parsed.funderId).name;
  return '';
}

/** One balanced journal per local day of the range that has entries, oldest first. */
export function dayJournals(
  entries: readonly JournalEntry[],
  range: { from: string; to: string },
  frame: ClinicFrame,
  directory: Directory,
  options: DayJournalOptions,
): DayJournal[] {
  const zero = zeroAmount(frame.currency);
  const days = new LocalDays(range.from, range.to, frame.timeZone);
  interface Sum {
    category: LedgerCategory;
    kind: EntryKind;
    reversal: boolean;
    debit: boolean;
    party: string;
    amount: Amount;
  }
  const byDay = new Map<string, { sums: Map<string, Sum>; entryCount: number }>();
  for (const entry of entries) {
    const date = days.dateOf(entry.occurredAt);
    if (!date) continue;
    let day = byDay.get(date);
    if (!day) byDay.set(date, (day = { sums: new Map(), entryCount: 0 }));
    day.entryCount += 1;
    const kind = effectiveKind(entry);
    const reversal = entry.kind === 'reversal';
    for (const line of entry.lines) {
      if (isZero(line.amount)) continue;
      const category = categoryOf(line.account);
      const party =
        options.partyForReceivables &&
        (category === 'patientReceivable' || category === 'funderReceivable')
          ? partyOf(line.account, directory)
          : '';
      const debit = !isNegative(line.amount);
      const key = `${category}|${kind}|${reversal}|${debit}|${party}`;
      const sum = day.sums.get(key);
      if (sum) sum.amount = add(sum.amount, line.amount);
      else
        day.sums.set(key, {
          category,
          kind,
          reversal,
          debit,
          party,
          amount: add(zero, line.amount),
        });
    }
  }
  const journals: DayJournal[] = [];
  for (const date of days.dates) {
    const day = byDay.get(date);
    if (!day) continue;
    const sums = [...day.sums.values()].sort(
      (a, b) =>
        (CATEGORY_ORDER.get(a.category) ?? 0) - (CATEGORY_ORDER.get(b.category) ?? 0) ||
        (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
        Number(a.reversal) - Number(b.reversal) ||
        Number(b.debit) - Number(a.debit) ||
        byText(a.party, b.party),
    );
    journals.push({
      date,
      entryCount: day.entryCount,
      lines: sums.map((sum) => ({
        category: sum.category,
        description: `${sum.reversal ? 'Reversed: ' : ''}${KIND_LABELS[sum.kind]}`,
        party: sum.party,
        amount: sum.amount,
      })),
    });
  }
  return journals;
}
