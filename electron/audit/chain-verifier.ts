// Checks every desk's hash chain and names the first broken link of each:
// an entry whose contents no longer match its hash (altered), a number
// missing from the sequence (removed), an entry that does not name the hash of
// the one before it (reordered or replaced), a number used twice, or an entry
// with no link at all. Fed one stored document at a time, it keeps only a few
// short strings per entry, so a 300,000-entry journal is checked in one pass.
import type { EntryChain } from '../../shared/ledger/entry.ts';
import { entryHash } from './entry-chain.ts';

export type ChainProblem = 'altered' | 'missing' | 'out-of-order' | 'duplicate' | 'unchained';

export interface ChainBreak {
  deskId: string;
  /** the position in the desk's chain where it breaks */
  seq: number;
  /** the entry where the break shows */
  entryId: string;
  problem: ChainProblem;
  message: string;
}

export interface DeskChain {
  deskId: string;
  entries: number;
  /** the last link that checked out */
  verifiedThrough: number;
  firstBreak: ChainBreak | null;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  desks: DeskChain[];
}

interface Link {
  id: string;
  seq: number;
  prev: string;
  hash: string;
  intact: boolean;
}

export interface ChainVerifier {
  add(doc: { id?: unknown; deskId?: unknown; chain?: unknown }): void;
  report(): ChainReport;
}

function isChain(value: unknown): value is EntryChain {
  const chain = value as Partial<EntryChain> | null;
  return (
    typeof chain === 'object' &&
    chain !== null &&
    Number.isInteger(chain.seq) &&
    (chain.seq ?? 0) >= 1 &&
    typeof chain.prev === 'string' &&
    typeof chain.hash === 'string'
  );
}

export function createChainVerifier(): ChainVerifier {
  const desks = new Map<string, { links: Link[]; unchained: string[] }>();
  let count = 0;

  return {
    add(doc) {
      count += 1;
      const deskId = String(doc.deskId ?? '');
      const id = String(doc.id ?? '');
      let desk = desks.get(deskId);
      if (!desk) desks.set(deskId, (desk = { links: [], unchained: [] }));
      const chain = doc.chain;
      if (!isChain(chain)) {
        desk.unchained.push(id);
        return;
      }
      desk.links.push({
        id,
        seq: chain.seq,
        prev: chain.prev,
        hash: chain.hash,
        intact: entryHash(doc, chain.seq, chain.prev) === chain.hash,
      });
    },

    report() {
      const result: DeskChain[] = [...desks.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([deskId, desk]) => checkDesk(deskId, desk.links, desk.unchained));
      return { ok: result.every((desk) => !desk.firstBreak), entries: count, desks: result };
    },
  };
}

function checkDesk(deskId: string, links: Link[], unchained: string[]): DeskChain {
  links.sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
  const entries = links.length + unchained.length;
  let previous = '';
  let expected = 1;
  const broken = (link: Link, seq: number, problem: ChainProblem, message: string): DeskChain => ({
    deskId,
    entries,
    verifiedThrough: expected - 1,
    firstBreak: { deskId, seq, entryId: link.id, problem, message },
  });
  for (const link of links) {
    const where = `entry ${link.id} (no. ${link.seq} of desk ${deskId})`;
    if (link.seq < expected) {
      return broken(
        link,
        link.seq,
        'duplicate',
        `Two entries of desk ${deskId} are no. ${link.seq}; ${link.id} is one.`,
      );
    }
    if (link.seq > expected) {
      return broken(
        link,
        expected,
        'missing',
        `Entry no. ${expected} of desk ${deskId} is missing: the chain goes from no. ${expected - 1} to ${where}.`,
      );
    }
    if (!link.intact) {
      return broken(link, link.seq, 'altered', `The ${where} was changed after it was written.`);
    }
    if (link.prev !== previous) {
      return broken(
        link,
        link.seq,
        'out-of-order',
        `The ${where} does not follow the entry before it: entries were reordered or replaced.`,
      );
    }
    previous = link.hash;
    expected += 1;
  }
  const [first] = [...unchained].sort();
  if (first !== undefined) {
    return {
      deskId,
      entries,
      verifiedThrough: expected - 1,
      firstBreak: {
        deskId,
        seq: expected,
        entryId: first,
        problem: 'unchained',
        message: `Entry ${first} of desk ${deskId} has no link in the chain: it was not written by Punchcard.`,
      },
    };
  }
  return { deskId, entries, verifiedThrough: expected - 1, firstBreak: null };
}
