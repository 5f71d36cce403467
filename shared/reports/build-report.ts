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

export function buildReport(
  request: ReportRequest,
  entries: readonly JournalEntry[],
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  const range = { from: request.from, to: request.to };
  switch (request.report) {
    case 'takings':
      return dailyTakings(entries, range, frame);
    case 'trend':
      return liabilityTrend(entries, range, frame);
    case 'credit':
      return creditLiability(entries, request.at, frame, directory);
    case 'deferred':
      return deferredRevenue(entries, request.at, frame);
    case 'funders':
      return funderPositionsAt(entries, request.at, frame, directory);
    case 'packages':
      return packagesDue(entries, request.at, request.withinDays, frame, directory);
    case 'attention':
      return needsAttentionAt(entries, request.at, frame, directory);
  }
}
