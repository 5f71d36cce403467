// What the reports at a date over the whole history (credit, deferred revenue, packages,
// the trend, and which entries the funders report folds) read of an entry — and nothing
// else, so a copy of the journal kept for them is a fraction of the journal. Their
// builders take `SlimEntry`, so the compiler holds them to this list (a full entry is a
// SlimEntry too). Takings, needs attention and the exports read full entries.
import { parseAccount, REVENUE_BREAKAGE } from '../ledger/accounts.ts';
import type { JournalEntry, JsonValue, Line } from '../ledger/entry.ts';

export type SlimEntry = Pick<
  JournalEntry,
  'id' | 'kind' | 'occurredAt' | 'patientId' | 'funderId' | 'packageId'
> & {
  readonly lines: readonly Line[];
  readonly data: { readonly [key: string]: JsonValue | undefined };
};

/** Account types whose lines those reports add up; every other line is left out. */
const KEPT_LINE_TYPES = new Set([
  'credit', // credit liability, trend
  'unearned', // deferred revenue, packages, trend
  'funderHeld', // trend; which entries touch a funder
  'funderUnallocated',
  'funderReceivable',
]);

/** `data` they read: a package's sale, sessions used and expiry (counts), who paid for it. */
const KEPT_COUNTS = ['packageSold', 'sessionsUsed', 'packageExpired'] as const;

const NO_LINES: readonly Line[] = Object.freeze([]);
const NO_DATA: SlimEntry['data'] = Object.freeze({});

/** Whether the funders report folds this entry (a funder named, paid for its package, or its money moved). */
export function touchesFunder(entry: SlimEntry): boolean {
  if (entry.funderId || entry.data['packageFunderId']) return true;
  return entry.lines.some((line) => {
    const type = parseAccount(line.account).type;
    return type === 'funderHeld' || type === 'funderUnallocated' || type === 'funderReceivable';
  });
}

function keptLine(line: Line): boolean {
  return line.account === REVENUE_BREAKAGE || KEPT_LINE_TYPES.has(parseAccount(line.account).type);
}

/**
 * The entry as those reports see it: id, kind, business time, patient, funder, package,
 * the lines they add up and the `data` they read (a count of 0 or a '' funder is left
 * out: they read it as none). `intern` shares strings that recur (accounts, amounts,
 * ids of patients and packages). Null when the entry changes nothing they show (a card
 * payment that settles an invoice, say).
 */
export function slimEntry(entry: JournalEntry, intern: (text: string) => string): SlimEntry | null {
  const kept = entry.lines.filter(keptLine);
  const lines =
    kept.length === 0
      ? NO_LINES
      : kept.map((line) => ({ account: intern(line.account), amount: intern(line.amount) }));
  let data = NO_DATA;
  const { package: sale, packageFunderId } = entry.data;
  const counts = KEPT_COUNTS.filter((key) => entry.data[key]);
  if ((sale && typeof sale === 'object') || packageFunderId || counts.length > 0) {
    const picked: { [key: string]: JsonValue } = {};
    if (sale && typeof sale === 'object') picked['package'] = sale;
    if (packageFunderId) picked['packageFunderId'] = packageFunderId;
    for (const key of counts) picked[key] = entry.data[key] as JsonValue;
    data = picked;
  }
  const lastVisit = entry.kind === 'checkout' && entry.patientId !== '';
  if (kept.length === 0 && !entry.packageId && !lastVisit && !touchesFunder(entry)) return null;
  return {
    id: entry.id,
    kind: intern(entry.kind) as JournalEntry['kind'],
    occurredAt: entry.occurredAt,
    patientId: intern(entry.patientId),
    funderId: intern(entry.funderId),
    packageId: intern(entry.packageId),
    lines,
    data,
  };
}
