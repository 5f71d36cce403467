// Daily takings: money in by day, desk and payment method, as the card terminal and
// the cash drawer settle it. Refunds and reversals are shown apart from takings, so
// the net matches the terminal's settlement and the refunds can be checked one by one.
import { add, isPositive, negate, subtract, zeroAmount } from '../money.ts';
import type { Amount } from '../money.ts';
import { parseAccount } from '../ledger/accounts.ts';
import type { JournalEntry } from '../ledger/entry.ts';
import { LocalDays } from './local-days.ts';
import type { ClinicFrame, ReportTable } from './report-table.ts';
import { byText } from './report-table.ts';

interface Cell {
  date: string;
  deskId: string;
  method: string;
  takings: Amount;
  refunds: Amount;
  reversals: Amount;
}

export function dailyTakings(
  entries: readonly JournalEntry[],
  range: { from: string; to: string },
  frame: ClinicFrame,
): ReportTable {
  const zero = zeroAmount(frame.currency);
  const days = new LocalDays(range.from, range.to, frame.timeZone);
  const cells = new Map<string, Cell>();
  const cell = (date: string, deskId: string, method: string): Cell => {
    const key = `${date}|${deskId}|${method}`;
    let found = cells.get(key);
    if (!found) {
      found = { date, deskId, method, takings: zero, refunds: zero, reversals: zero };
      cells.set(key, found);
    }
    return found;
  };
  for (const entry of entries) {
    const date = days.dateOf(entry.occurredAt);
    if (!date) continue;
    for (const line of entry.lines) {
      const parsed = parseAccount(line.account);
      if (parsed.type !== 'money') continue;
      const target = cell(date, entry.deskId, parsed.method);
      if (entry.kind === 'reversal') target.reversals = add(target.reversals, line.amount);
      else if (isPositive(line.amount)) target.takings = add(target.takings, line.amount);
      else target.refunds = add(target.refunds, negate(line.amount));
    }
  }
  const sorted = [...cells.values()].sort(
    (a, b) => byText(a.date, b.date) || byText(a.deskId, b.deskId) || byText(a.method, b.method),
  );
  const net = (c: Cell) => add(subtract(c.takings, c.refunds), c.reversals);
  const rows = sorted.map((c) => [
    c.date,
    c.deskId,
    c.method,
    c.takings,
    c.refunds,
    c.reversals,
    net(c),
  ]);
  // Period totals per method, all desks: what the bank statement shows per channel.
  const perMethod = new Map<string, Cell>();
  for (const c of sorted) {
    const total = perMethod.get(c.method) ?? {
      date: 'Period',
      deskId: 'All desks',
      method: c.method,
      takings: zero,
      refunds: zero,
      reversals: zero,
    };
    total.takings = add(total.takings, c.takings);
    total.refunds = add(total.refunds, c.refunds);
    total.reversals = add(total.reversals, c.reversals);
    perMethod.set(c.method, total);
  }
  const methodRows = [...perMethod.values()]
    .sort((a, b) => byText(a.method, b.method))
    .map((c) => [c.date, c.deskId, c.method, c.takings, c.refunds, c.reversals, net(c)]);
  const totals = ['Total', '', '', zero, zero, zero, zero];
  for (const c of sorted) {
    totals[3] = add(totals[3] ?? zero, c.takings);
    totals[4] = add(totals[4] ?? zero, c.refunds);
    totals[5] = add(totals[5] ?? zero, c.reversals);
    totals[6] = add(totals[6] ?? zero, net(c));
  }
  const perDay = new Map<string, Amount>(days.dates.map((date) => [date, zero]));
  for (const c of sorted) perDay.set(c.date, add(perDay.get(c.date) ?? zero, net(c)));
  return {
    report: 'takings',
    title: 'Daily takings',
    period: range.from === range.to ? range.from : `${range.from} to ${range.to}`,
    currency: frame.currency,
    columns: [
      { label: 'Date', kind: 'date' },
      { label: 'Desk', kind: 'text' },
      { label: 'Method', kind: 'text' },
      { label: 'Takings', kind: 'money' },
      { label: 'Refunds', kind: 'money' },
      { label: 'Reversals', kind: 'money' },
      { label: 'Net', kind: 'money' },
    ],
    rows: [...rows, ...methodRows],
    totals,
    charts: [{ label: 'Net takings per day', points: [...perDay].map(([x, y]) => ({ x, y })) }],
    notes: [
      'Refunds are money paid back to patients; reversals correct entries recorded in error (signed).',
      'Rows dated "Period" total each method over all desks.',
    ],
  };
}
