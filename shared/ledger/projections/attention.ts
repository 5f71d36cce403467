// "Needs attention": what merged offline work (or a bad reversal) left wrong, for a person
// to resolve. Kept up to date incrementally by applyEntry (the full LedgerState) and by
// applyToAttentionState (the lean clinic-wide state, attention-state.ts): both hold the
// items in `attention`.
import type { AttentionItem } from '../state.ts';

/** Either fold: a LedgerState or an AttentionState. */
export interface AttentionSource {
  readonly attention: ReadonlyMap<string, AttentionItem>;
}

export function needsAttention(state: AttentionSource): AttentionItem[] {
  return [...state.attention.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function needsAttentionForPatient(
  state: AttentionSource,
  patientId: string,
): AttentionItem[] {
  return needsAttention(state).filter((item) => item.patientId === patientId);
}
