// Each desk's journal entries form a hash chain: entry n carries
// sha-256("punchcard-chain-v1", n, the hash of entry n-1, the entry's canonical
// JSON without its chain). Altering, removing or reordering an entry breaks the
// chain at that point (chain-verifier.ts finds it). The chain is evidence, not
// a lock: someone who rewrites an entry and every hash after it is caught only
// by comparing with a copy (another desk, a backup) holding the real hashes.
import { createHash } from 'node:crypto';
import type { EntryChain, JournalEntry } from '../../shared/ledger/entry.ts';
import { canonicalJson } from '../core/canonical-json.ts';

export interface ChainHead {
  seq: number;
  hash: string;
}

/** Before a desk's first entry. */
export const CHAIN_START: ChainHead = { seq: 0, hash: '' };

/** The entry as hashed: no chain, none of the store's own `_` fields. */
export function hashedContent(entry: object): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key !== 'chain' && !key.startsWith('_')) content[key] = value;
  }
  return content;
}

export function entryHash(entry: object, seq: number, prev: string): string {
  return createHash('sha256')
    .update(`punchcard-chain-v1\n${seq}\n${prev}\n${canonicalJson(hashedContent(entry))}`)
    .digest('hex');
}

/** The entries with their links, continuing from `head`, and the new head. */
export function linkEntries(
  entries: readonly JournalEntry[],
  head: ChainHead,
): { entries: JournalEntry[]; head: ChainHead } {
  let current = head;
  const linked = entries.map((entry) => {
    const seq = current.seq + 1;
    const chain: EntryChain = {
      seq,
      prev: current.hash,
      hash: entryHash(entry, seq, current.hash),
    };
    current = { seq, hash: chain.hash };
    return { ...entry, chain };
  });
  return { entries: linked, head: current };
}
