// QuickBooks Online journal entries import (CSV): one journal entry per day, debits
// and credits in their own columns, accounts by name; receivable lines carry the
// customer's name, which QuickBooks requires on Accounts Receivable lines.
import { isNegative, negate } from '../money.ts';
import type { JournalEntry } from '../ledger/entry.ts';
import type { AccountMapping } from './account-mapping.ts';
import { dayJournals } from './day-journals.ts';
import type { ExportFile } from './export-file.ts';
import { splitIntoFiles } from './export-file.ts';
import { regionalDate } from './local-days.ts';
import type { ClinicFrame, Directory } from './report-table.ts';

/** QuickBooks Online's journal entry import columns, in order. */
export const QBO_JOURNAL_COLUMNS = [
  'Journal No.',
  'Journal Date',
  'Account Name',
  'Description',
  'Debits',
  'Credits',
  'Name',
] as const;

export function qboJournalEntries(
  entries: readonly JournalEntry[],
  range: { from: string; to: string },
  frame: ClinicFrame,
  directory: Directory,
  mapping: AccountMapping,
): ExportFile[] {
  const journals = dayJournals(entries, range, frame, directory, { partyForReceivables: true });
  const groups = journals.map((journal) =>
    journal.lines.map((line) => {
      const credit = isNegative(line.amount);
      return [
        `PC-${journal.date}`,
        regionalDate(journal.date, frame.locale),
        mapping[line.category].name,
        line.description,
        credit ? '' : line.amount,
        credit ? negate(line.amount) : '',
        line.party,
      ];
    }),
  );
  return splitIntoFiles(
    groups,
    {},
    QBO_JOURNAL_COLUMNS,
    `qbo-journals-${range.from}-to-${range.to}`,
  );
}
