// "Needs attention": what merged offline work (or a bad reversal) left wrong, for a person
// to resolve. Kept up to date incrementally by applyEntry.
import type { AttentionItem, LedgerState } from '../state.ts';

export function needsAttention(state: LedgerState): AttentionItem[] {
  return [...state.attention.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function needsAttentionForPatient(state: LedgerState, patientId: string): AttentionItem[] {
  return needsAttention(state).filter((item) => item.patientId === patientId);
}
