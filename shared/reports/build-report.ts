// One entry point for every report, by name: what the screen, the operation and the
// command line call.
import type { JournalEntry } from '../ledger/entry.ts';
import { creditLiability } from './credit-liability.ts';
import { dailyTakings } from './daily-takings.ts';
import { deferredRevenue } from './deferred-revenue.ts';
import { funderPositionsAt } from './funder-positions.ts';
import { liabilityTrend } from './liability-trend.ts';
import { needsAttentionAt } from './needs-attention.ts';
import { packagesDue } from './packages-due.ts';
import type { ClinicFrame, Directory, ReportTable } from './report-table.ts';
import type { SlimEntry } from './slim-entry.ts';

export const REPORT_NAMES = [
  'takings',
  'credit',
  'deferred',
  'funders',
  'packages',
  'attention',
  'trend',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** Range reports read from..to; the others read `at` (the end of that day). */
export interface ReportRequest {
  report: ReportName;
  at: string;
  from: string;
  to: string;
  /** packages: expiring within this many days */
  withinDays: number;
}

/** Range reports need entries from..to (trend: everything before `to` too); the others up to `at`. */
export function isRangeReport(report: ReportName): boolean {
  return report === 'takings' || report === 'trend';
}

/** Reports of the history before a date that read only slim entries (see slim-entry.ts). */
export type SlimReportName = 'credit' | 'deferred' | 'packages' | 'trend';

export function isSlimReport(report: ReportName): report is SlimReportName {
  return (
    report === 'credit' || report === 'deferred' || report === 'packages' || report === 'trend'
  );
}

export function buildReport(
  request: ReportRequest,
  entries: readonly JournalEntry[],
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  const { report } = request;
  if (isSlimReport(report))
    return buildSlimReport({ ...request, report }, entries, frame, directory);
  switch (report) {
    case 'takings':
      return dailyTakings(entries, { from: request.from, to: request.to }, frame);
    case 'funders':
      return funderPositionsAt(entries, request.at, frame, directory);
    case 'attention':
      return needsAttentionAt(entries, request.at, frame, directory);
  }
}

/** The same tables as buildReport, from slim entries (or whole ones). */
export function buildSlimReport(
  request: ReportRequest & { report: SlimReportName },
  entries: readonly SlimEntry[],
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  switch (request.report) {
    case 'trend':
      return liabilityTrend(entries, { from: request.from, to: request.to }, frame);
    case 'credit':
      return creditLiability(entries, request.at, frame, directory);
    case 'deferred':
      return deferredRevenue(entries, request.at, frame);
    case 'packages':
      return packagesDue(entries, request.at, request.withinDays, frame, directory);
  }
}
