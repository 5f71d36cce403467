// Packages that need a word with the patient: those expiring within N days of a date,
// and those with one session left.
import type { SlimEntry } from './slim-entry.ts';
import { addDays, endOfLocalDay, localDateOf } from './local-days.ts';
import { packagesAt } from './packages-at.ts';
import type { ClinicFrame, Directory, ReportTable } from './report-table.ts';
import { byText } from './report-table.ts';

export function packagesDue(
  entries: readonly SlimEntry[],
  at: string,
  withinDays: number,
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  const cutoff = endOfLocalDay(at, frame.timeZone);
  const horizon = endOfLocalDay(addDays(at, withinDays), frame.timeZone);
  const rows: string[][] = [];
  for (const pkg of packagesAt(entries, cutoff, frame.currency).values()) {
    const sale = pkg.sale;
    if (!sale || pkg.sold <= 0 || pkg.expired > 0) continue;
    const expired = sale.expiresAt !== '' && sale.expiresAt < cutoff;
    const left = sale.sessions - pkg.used;
    if (expired || left <= 0) continue;
    const reasons: string[] = [];
    if (sale.expiresAt && sale.expiresAt < horizon) reasons.push('expires soon');
    if (left === 1) reasons.push('one session left');
    if (reasons.length === 0) continue;
    rows.push([
      directory.patient(sale.patientId).name,
      sale.patientId,
      sale.name,
      localDateOf(sale.soldAt, frame.timeZone),
      sale.expiresAt ? localDateOf(sale.expiresAt, frame.timeZone) : '',
      `${pkg.used} of ${sale.sessions}`,
      String(left),
      pkg.unearned,
      reasons.join(', '),
    ]);
  }
  rows.sort((a, b) => byText(a[4] || '9999', b[4] || '9999') || byText(a[0] ?? '', b[0] ?? ''));
  return {
    report: 'packages',
    title: `Packages expiring within ${withinDays} days or with one session left`,
    period: `at ${at}`,
    currency: frame.currency,
    columns: [
      { label: 'Patient', kind: 'text' },
      { label: 'Patient id', kind: 'text' },
      { label: 'Package', kind: 'text' },
      { label: 'Sold', kind: 'date' },
      { label: 'Expires', kind: 'date' },
      { label: 'Used', kind: 'text' },
      { label: 'Left', kind: 'count' },
      { label: 'Unused value', kind: 'money' },
      { label: 'Why', kind: 'text' },
    ],
    rows,
    totals: null,
    charts: [],
    notes: [],
  };
}
