// Funder positions at a date: for each funder and patient, what the funder gave,
// what was spent on the patient's care, what expired, and what remains — plus money
// a funder sent that is not yet split between patients, and what a funder owes.
import { add, isZero, zeroAmount } from '../money.ts';
import type { JournalEntry } from '../ledger/entry.ts';
import { parseAccount } from '../ledger/accounts.ts';
import { fromEntries, type LedgerState } from '../ledger/state.ts';
import { funderOwing, funderPositions, funderUnallocated } from '../ledger/projections/funders.ts';
import { endOfLocalDay } from './local-days.ts';
import type { ClinicFrame, Directory, ReportTable } from './report-table.ts';
import { byText } from './report-table.ts';
import { touchesFunder } from './slim-entry.ts';

export function funderPositionsAt(
  entries: readonly JournalEntry[],
  at: string,
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  const cutoff = endOfLocalDay(at, frame.timeZone);
  const relevant = entries.filter((entry) => entry.occurredAt < cutoff && touchesFunder(entry));
  return funderPositionsOf(fromEntries(relevant, frame.currency), at, frame, directory);
}

/**
 * The table from a fold of the entries that touch a funder and happened before the end of
 * `at`, applied in id order (as fromEntries does) — however they were read.
 */
export function funderPositionsOf(
  state: LedgerState,
  at: string,
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  const zero = zeroAmount(frame.currency);
  const funderIds = new Set<string>();
  for (const record of state.funderPatients.values()) funderIds.add(record.funderId);
  for (const account of state.balances.keys()) {
    const parsed = parseAccount(account);
    if (parsed.type === 'funderUnallocated' || parsed.type === 'funderReceivable')
      funderIds.add(parsed.funderId);
  }
  const funders = [...funderIds]
    .map((id) => ({ id, name: directory.funder(id).name }))
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
  const rows: string[][] = [];
  const totals = { received: zero, spent: zero, expired: zero, remaining: zero, held: zero };
  for (const funder of funders) {
    const positions = funderPositions(state, funder.id)
      .map((p) => ({ ...p, name: directory.patient(p.patientId).name }))
      .sort((a, b) => byText(a.name, b.name));
    for (const p of positions) {
      rows.push([
        funder.name,
        p.name,
        p.patientId,
        p.received,
        p.spent,
        p.expired,
        p.remaining,
        p.held,
      ]);
      totals.received = add(totals.received, p.received);
      totals.spent = add(totals.spent, p.spent);
      totals.expired = add(totals.expired, p.expired);
      totals.remaining = add(totals.remaining, p.remaining);
      totals.held = add(totals.held, p.held);
    }
    const unallocated = funderUnallocated(state, funder.id);
    if (!isZero(unallocated)) {
      rows.push([
        funder.name,
        '(not yet split between patients)',
        '',
        unallocated,
        zero,
        zero,
        unallocated,
        unallocated,
      ]);
      totals.received = add(totals.received, unallocated);
      totals.remaining = add(totals.remaining, unallocated);
      totals.held = add(totals.held, unallocated);
    }
    const owing = funderOwing(state, funder.id);
    if (!isZero(owing))
      rows.push([funder.name, '(owed by the funder on its invoices)', '', '', '', '', owing, '']);
  }
  return {
    report: 'funders',
    title: 'Funder positions',
    period: `at ${at}`,
    currency: frame.currency,
    columns: [
      { label: 'Funder', kind: 'text' },
      { label: 'Patient', kind: 'text' },
      { label: 'Patient id', kind: 'text' },
      { label: 'Received', kind: 'money' },
      { label: 'Spent', kind: 'money' },
      { label: 'Expired', kind: 'money' },
      { label: 'Remaining', kind: 'money' },
      { label: 'Held as money', kind: 'money' },
    ],
    rows,
    totals: [
      'Total',
      '',
      '',
      totals.received,
      totals.spent,
      totals.expired,
      totals.remaining,
      totals.held,
    ],
    charts: [],
    notes: [
      'Received includes packages a funder bought for the patient; Remaining less Held as money is unused package value.',
    ],
  };
}
