// One entry point for the three export formats.
import type { JournalEntry } from '../ledger/entry.ts';
import type { AccountMapping } from './account-mapping.ts';
import type { ExportFile, ExportFormat } from './export-file.ts';
import { qboJournalEntries } from './qbo-journals.ts';
import type { ClinicFrame, Directory } from './report-table.ts';
import { xeroSalesInvoices } from './xero-invoices.ts';
import { xeroManualJournals } from './xero-journals.ts';

export function buildExport(
  format: ExportFormat,
  entries: readonly JournalEntry[],
  range: { from: string; to: string },
  frame: ClinicFrame,
  directory: Directory,
  mapping: AccountMapping,
): ExportFile[] {
  switch (format) {
    case 'xero-invoices':
      return xeroSalesInvoices(entries, range, frame, directory, mapping);
    case 'xero-journals':
      return xeroManualJournals(entries, range, frame, directory, mapping);
    case 'qbo-journals':
      return qboJournalEntries(entries, range, frame, directory, mapping);
  }
}
