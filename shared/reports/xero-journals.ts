// Xero manual journals import (CSV): one journal per day, positive amounts are
// debits, at most 300 lines per file (Xero's limit for one import).
import type { JournalEntry } from '../ledger/entry.ts';
import type { AccountMapping } from './account-mapping.ts';
import { dayJournals } from './day-journals.ts';
import type { ExportFile } from './export-file.ts';
import { splitIntoFiles } from './export-file.ts';
import { regionalDate } from './local-days.ts';
import type { ClinicFrame, Directory } from './report-table.ts';

/** Xero's manual journal template, in its order. */
export const XERO_JOURNAL_COLUMNS = [
  '*Narration',
  '*Date',
  'Description',
  '*AccountCode',
  '*TaxRate',
  '*Amount',
  'TrackingName1',
  'TrackingOption1',
  'TrackingName2',
  'TrackingOption2',
] as const;

export const XERO_JOURNAL_LINES_PER_FILE = 300;

export function xeroManualJournals(
  entries: readonly JournalEntry[],
  range: { from: string; to: string },
  frame: ClinicFrame,
  directory: Directory,
  mapping: AccountMapping,
): ExportFile[] {
  const journals = dayJournals(entries, range, frame, directory, { partyForReceivables: false });
  const groups = journals.map((journal) =>
    journal.lines.map((line) => {
      const account = mapping[line.category];
      return [
        `Punchcard day journal ${journal.date}`,
        regionalDate(journal.date, frame.locale),
        line.description,
        account.code,
        account.taxType,
        line.amount,
        '',
        '',
        '',
        '',
      ];
    }),
  );
  return splitIntoFiles(
    groups,
    { rows: XERO_JOURNAL_LINES_PER_FILE },
    XERO_JOURNAL_COLUMNS,
    `xero-journals-${range.from}-to-${range.to}`,
  );
}
