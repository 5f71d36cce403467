// The clinic-wide projection's snapshot on disk: the lean state with the change
// checkpoint it has folded up to, so a start loads it and folds only the entries written
// since (clinic-projection.ts decides whether it still fits the journal). One file in
// the desk's data directory, written atomically (temporary name, flushed, renamed):
//   4 bytes:  the header's length (uint32, little-endian)
//   header:   JSON — format version, currency, checkpoint, documents, the sections' sizes,
//             sha256
//   sections: the state (attention-snapshot-codec.ts): its node:v8 part, then each typed
//             array as it is in memory (this machine's byte order), each on a multiple of 8
// The sha256 covers the header's other fields and every section. Written in parts, so a
// save adds little to the process's memory (one 18 MB buffer, and node:v8 growing it,
// added ~40 MB at clinic size). Anything that does not read back exactly is reported as a
// reason, never half used.
import { createHash, type Hash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import {
  decodeAttentionState,
  encodeAttentionState,
  kindOf,
  SNAPSHOT_ARRAY_KINDS,
  type SnapshotArray,
  type SnapshotArrayKind,
} from './attention-snapshot-codec.ts';
import { CLINIC_SNAPSHOT_VERSION } from './clinic-snapshot-version.ts';
import type { JournalCheckpoint } from './journal-queries.ts';

/** The snapshot's name in the desk's data directory. */
export const CLINIC_SNAPSHOT_FILE = 'clinic-projection.snapshot';

export function clinicSnapshotPath(dataDirectory: string): string {
  return join(dataDirectory, CLINIC_SNAPSHOT_FILE);
}

/** How far a state has folded the journal. */
export interface FoldMark {
  /** null: nothing yet */
  checkpoint: JournalCheckpoint | null;
  /** live journal documents up to and including the checkpoint */
  documents: number;
}

interface Header {
  version: number;
  currency: string;
  checkpoint: JournalCheckpoint | null;
  documents: number;
  /** bytes of the node:v8 part */
  rest: number;
  /** the typed arrays, in file order: path, kind, element count */
  arrays: [string, SnapshotArrayKind, number][];
  sha256: string;
}

export type LoadedSnapshot =
  { ok: true; state: AttentionState; mark: FoldMark } | { ok: false; reason: string };

/** Each section starts on a multiple of 8 bytes, so the arrays are read in place. */
const ALIGN = 8;
const padding = (offset: number) => (ALIGN - (offset % ALIGN)) % ALIGN;

/** The checksum covers the header's other fields, then every section. */
function startDigest(fields: Omit<Header, 'sha256'>): Hash {
  return createHash('sha256').update(JSON.stringify(fields)).update('\n');
}

function bytesOf(array: SnapshotArray): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * The file's parts for a state folded up to `mark`, made at once (the state cannot move
 * between the checkpoint and the bytes; the arrays handed out do not change afterwards:
 * ids' words are only ever appended). Parts, not one buffer: nothing is copied to save.
 */
export function snapshotBytes(state: AttentionState, mark: FoldMark): Buffer[] {
  const { rest, arrays } = encodeAttentionState(state);
  const sections = [rest, ...arrays.map(([, array]) => bytesOf(array))];
  const fields: Omit<Header, 'sha256'> = {
    version: CLINIC_SNAPSHOT_VERSION,
    currency: state.currency,
    checkpoint: mark.checkpoint,
    documents: mark.documents,
    rest: rest.length,
    arrays: arrays.map(([path, array]) => [path, kindOf(array), array.length]),
  };
  const hash = startDigest(fields);
  for (const section of sections) hash.update(section);
  const header = Buffer.from(JSON.stringify({ ...fields, sha256: hash.digest('hex') }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const parts: Buffer[] = [length, header];
  let offset = 4 + header.length;
  for (const section of sections) {
    const pad = padding(offset);
    if (pad > 0) parts.push(Buffer.alloc(pad));
    parts.push(section);
    offset += pad + section.length;
  }
  return parts;
}

export async function writeSnapshotFile(file: string, parts: readonly Buffer[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      // writeFile writes from the current position, and all of it.
      for (const part of parts) await handle.writeFile(part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function loadSnapshotFile(file: string, currency: string): Promise<LoadedSnapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { ok: false, reason: 'no snapshot' };
  }
  try {
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as Header;
    if (header.version !== CLINIC_SNAPSHOT_VERSION) {
      return { ok: false, reason: `snapshot version ${header.version}` };
    }
    if (header.currency !== currency) {
      return { ok: false, reason: `snapshot in ${header.currency}` };
    }
    let offset = 4 + length;
    const section = (size: number): Buffer => {
      offset += padding(offset);
      if (!Number.isSafeInteger(size) || size < 0 || offset + size > bytes.length) {
        throw new Error('shorter than its header says');
      }
      const part = bytes.subarray(offset, offset + size);
      offset += size;
      return part;
    };
    const rest = section(header.rest);
    const arrays = header.arrays.map(([path, kind, count]): [string, SnapshotArray] => {
      if (!Object.hasOwn(SNAPSHOT_ARRAY_KINDS, kind)) throw new Error(`no arrays of kind ${kind}`);
      const Kind = SNAPSHOT_ARRAY_KINDS[kind];
      const part = section(count * Kind.BYTES_PER_ELEMENT);
      // In place when aligned (readFile's buffer of a file this size is its own), else copied.
      const aligned = part.byteOffset % Kind.BYTES_PER_ELEMENT === 0 ? part : Buffer.from(part);
      return [path, new Kind(aligned.buffer as ArrayBuffer, aligned.byteOffset, count)];
    });
    if (offset !== bytes.length) throw new Error('longer than its header says');
    const { sha256, ...fields } = header;
    const hash = startDigest(fields);
    for (const part of [rest, ...arrays.map(([, array]) => bytesOf(array))]) {
      hash.update(part);
      await yieldToEventLoop(); // ~5 ms a section: the desk serves its first screens meanwhile
    }
    if (hash.digest('hex') !== sha256) return { ok: false, reason: 'checksum differs' };
    const state = await decodeAttentionState({ rest, arrays }, currency);
    return {
      ok: true,
      state,
      mark: { checkpoint: header.checkpoint, documents: header.documents },
    };
  } catch (error) {
    return { ok: false, reason: `unreadable: ${error instanceof Error ? error.message : error}` };
  }
}

/** Gone, when the data it describes is replaced (a restore, the demo clinic). */
export async function removeSnapshotFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
