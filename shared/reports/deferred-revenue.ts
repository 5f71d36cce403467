// Deferred revenue at a date: the value of package sessions sold but not yet used,
// by plan and by the month the package was bought. Breakage recognised at expiry is
// shown beside it, so the bookkeeper sees where unused value went.
import { isZero, zeroAmount } from '../money.ts';
import type { Amount } from '../money.ts';
import type { SlimEntry } from './slim-entry.ts';
import { endOfLocalDay, localDateOf } from './local-days.ts';
import { packagesAt, plus } from './packages-at.ts';
import type { ClinicFrame, ReportTable } from './report-table.ts';
import { byText } from './report-table.ts';

interface Group {
  plan: string;
  month: string;
  packages: number;
  sessionsLeft: number;
  unearned: Amount;
  breakage: Amount;
}

export function deferredRevenue(
  entries: readonly SlimEntry[],
  at: string,
  frame: ClinicFrame,
): ReportTable {
  const { currency } = frame;
  const zero = zeroAmount(currency);
  const cutoff = endOfLocalDay(at, frame.timeZone);
  const groups = new Map<string, Group>();
  for (const pkg of packagesAt(entries, cutoff, currency).values()) {
    if (isZero(pkg.unearned) && isZero(pkg.breakage)) continue;
    const plan = pkg.sale?.name ?? '(sale not on file)';
    const month = pkg.sale ? localDateOf(pkg.sale.soldAt, frame.timeZone).slice(0, 7) : '';
    const key = `${plan}|${month}`;
    const group = groups.get(key) ?? {
      plan,
      month,
      packages: 0,
      sessionsLeft: 0,
      unearned: zero,
      breakage: zero,
    };
    if (!isZero(pkg.unearned)) {
      group.packages += 1;
      if (pkg.sale && pkg.expired === 0)
        group.sessionsLeft += Math.max(0, pkg.sale.sessions - pkg.used);
    }
    group.unearned = plus(group.unearned, pkg.unearned, currency);
    group.breakage = plus(group.breakage, pkg.breakage, currency);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => byText(a.plan, b.plan) || byText(a.month, b.month),
  );
  let unearned = zero;
  let breakage = zero;
  let packages = 0;
  let sessions = 0;
  for (const group of sorted) {
    unearned = plus(unearned, group.unearned, currency);
    breakage = plus(breakage, group.breakage, currency);
    packages += group.packages;
    sessions += group.sessionsLeft;
  }
  return {
    report: 'deferred',
    title: 'Deferred revenue (unused package value)',
    period: `at ${at}`,
    currency,
    columns: [
      { label: 'Plan', kind: 'text' },
      { label: 'Purchased', kind: 'text' },
      { label: 'Packages with value', kind: 'count' },
      { label: 'Sessions left', kind: 'count' },
      { label: 'Unused value', kind: 'money' },
      { label: 'Breakage recognised', kind: 'money' },
    ],
    rows: sorted.map((g) => [
      g.plan,
      g.month,
      String(g.packages),
      String(g.sessionsLeft),
      g.unearned,
      g.breakage,
    ]),
    totals: ['Total', '', String(packages), String(sessions), unearned, breakage],
    charts: [],
    notes: [
      'Breakage: value recognised as revenue when a package expired unused, up to this date.',
    ],
  };
}
