// Credit liability, funder money held and deferred revenue at the end of each day of
// a range, in one pass: what the charts draw over time.
import { add, negate, zeroAmount } from '../money.ts';
import type { Amount } from '../money.ts';
import { parseAccount } from '../ledger/accounts.ts';
import type { SlimEntry } from './slim-entry.ts';
import { LocalDays } from './local-days.ts';
import type { ClinicFrame, ReportTable } from './report-table.ts';

type Series = 'credit' | 'held' | 'deferred';

function seriesOf(account: string): Series | null {
  const type = parseAccount(account).type;
  if (type === 'credit') return 'credit';
  if (type === 'funderHeld' || type === 'funderUnallocated') return 'held';
  if (type === 'unearned') return 'deferred';
  return null;
}

export function liabilityTrend(
  entries: readonly SlimEntry[],
  range: { from: string; to: string },
  frame: ClinicFrame,
): ReportTable {
  const zero = zeroAmount(frame.currency);
  const days = new LocalDays(range.from, range.to, frame.timeZone);
  const opening: Record<Series, Amount> = { credit: zero, held: zero, deferred: zero };
  const perDay = new Map<string, Record<Series, Amount>>(
    days.dates.map((date) => [date, { credit: zero, held: zero, deferred: zero }]),
  );
  for (const entry of entries) {
    if (entry.occurredAt >= days.end) continue;
    const date = days.dateOf(entry.occurredAt);
    const target = date ? perDay.get(date) : opening;
    if (!target) continue;
    for (const line of entry.lines) {
      const series = seriesOf(line.account);
      if (series) target[series] = add(target[series], negate(line.amount));
    }
  }
  const running = { ...opening };
  const rows: string[][] = [];
  for (const date of days.dates) {
    const change = perDay.get(date);
    if (change) {
      running.credit = add(running.credit, change.credit);
      running.held = add(running.held, change.held);
      running.deferred = add(running.deferred, change.deferred);
    }
    rows.push([date, running.credit, running.held, running.deferred]);
  }
  const points = (column: number) =>
    rows.map((row) => ({ x: row[0] ?? '', y: row[column] ?? zero }));
  return {
    report: 'trend',
    title: 'Liabilities over time',
    period: `${range.from} to ${range.to}`,
    currency: frame.currency,
    columns: [
      { label: 'Date', kind: 'date' },
      { label: 'Account credit', kind: 'money' },
      { label: 'Funder money held', kind: 'money' },
      { label: 'Deferred revenue', kind: 'money' },
    ],
    rows,
    totals: null,
    charts: [
      { label: 'Account credit', points: points(1) },
      { label: 'Deferred revenue', points: points(3) },
    ],
    notes: ['Balances at the end of each day.'],
  };
}
