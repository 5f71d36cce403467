// Reports and accounting exports built from journal entries: pure functions of the
// entries, the clinic's frame (currency, zone, locale) and a directory of names.
export type {
  ChartSeries,
  ClinicFrame,
  ColumnKind,
  Directory,
  ReportColumn,
  ReportTable,
} from './report-table.ts';
export { directoryOf } from './report-table.ts';
export {
  addDays,
  datesFrom,
  endOfLocalDay,
  isIsoDate,
  localDateOf,
  LocalDays,
  regionalDate,
  startOfLocalDay,
} from './local-days.ts';
export { entriesAsOf } from './cutoff.ts';
export { dailyTakings } from './daily-takings.ts';
export { creditByPatient, creditLiability } from './credit-liability.ts';
export type { CreditRow } from './credit-liability.ts';
export { deferredRevenue } from './deferred-revenue.ts';
export { funderPositionsAt, funderPositionsOf } from './funder-positions.ts';
export { packagesDue } from './packages-due.ts';
export { attentionTable, needsAttentionAt } from './needs-attention.ts';
export { liabilityTrend } from './liability-trend.ts';
export type { AccountMapping, LedgerCategory, MappedAccount } from './account-mapping.ts';
export {
  CATEGORY_LABELS,
  categoryOf,
  DEFAULT_ACCOUNT_MAPPING,
  LEDGER_CATEGORIES,
} from './account-mapping.ts';
export { dayJournals } from './day-journals.ts';
export type { DayJournal, DayJournalLine } from './day-journals.ts';
export type { ExportFile, ExportFormat } from './export-file.ts';
export { EXPORT_FORMATS, splitIntoFiles } from './export-file.ts';
export {
  XERO_JOURNAL_COLUMNS,
  XERO_JOURNAL_LINES_PER_FILE,
  xeroManualJournals,
} from './xero-journals.ts';
export { QBO_JOURNAL_COLUMNS, qboJournalEntries } from './qbo-journals.ts';
export {
  XERO_INVOICE_COLUMNS,
  XERO_INVOICES_PER_FILE,
  xeroSalesInvoices,
} from './xero-invoices.ts';
export { buildExport } from './build-export.ts';
export {
  buildReport,
  buildSlimReport,
  isRangeReport,
  isSlimReport,
  REPORT_NAMES,
} from './build-report.ts';
export type { ReportName, ReportRequest, SlimReportName } from './build-report.ts';
export { slimEntry, touchesFunder } from './slim-entry.ts';
export type { SlimEntry } from './slim-entry.ts';
