// Needs attention at a date (the ledger's list: overdrawn balances, packages used
// beyond their size, over-paid invoices, over-refunded payments), from a fold of
// everything that happened up to then.
import type { JournalEntry } from '../ledger/entry.ts';
import { fromEntries } from '../ledger/state.ts';
import type { AttentionItem } from '../ledger/state.ts';
import { needsAttention } from '../ledger/projections/attention.ts';
import { endOfLocalDay } from './local-days.ts';
import type { ClinicFrame, Directory, ReportTable } from './report-table.ts';
import { byText } from './report-table.ts';

export function needsAttentionAt(
  entries: readonly JournalEntry[],
  at: string,
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  const cutoff = endOfLocalDay(at, frame.timeZone);
  const state = fromEntries(
    entries.filter((entry) => entry.occurredAt < cutoff),
    frame.currency,
  );
  return attentionTable(needsAttention(state), at, frame, directory);
}

/** The table of a needs-attention list (from a fold at a date, or the desk's live projection). */
export function attentionTable(
  items: readonly AttentionItem[],
  at: string,
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  const rows = items
    .map((item) => [
      item.kind,
      item.patientId ? directory.patient(item.patientId).name : '',
      item.patientId,
      item.message,
      item.amount,
    ])
    .sort((a, b) => byText(a[0] ?? '', b[0] ?? '') || byText(a[1] ?? '', b[1] ?? ''));
  return {
    report: 'attention',
    title: 'Needs attention',
    period: `at ${at}`,
    currency: frame.currency,
    columns: [
      { label: 'Kind', kind: 'text' },
      { label: 'Patient', kind: 'text' },
      { label: 'Patient id', kind: 'text' },
      { label: 'What', kind: 'text' },
      { label: 'Amount', kind: 'money' },
    ],
    rows,
    totals: null,
    charts: [],
    notes: rows.length === 0 ? ['Nothing needs attention.'] : [],
  };
}
