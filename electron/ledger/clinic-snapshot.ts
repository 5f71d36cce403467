// The clinic-wide projection's snapshot on disk: the lean state with the change
// checkpoint it has folded up to, so a start loads it and folds only the entries written
// since (clinic-projection.ts decides whether it still fits the journal). One file in
// the desk's data directory, written atomically (temporary name, flushed, renamed):
//   4 bytes: the header's length (uint32, little-endian)
//   header:  JSON — format version, currency, checkpoint, documents, sha256
//   payload: the state (attention-snapshot-codec.ts)
// The sha256 covers the header's other fields and the payload. Anything that does not
// read back exactly is reported as a reason, never half used.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import { decodeAttentionState, encodeAttentionState } from './attention-snapshot-codec.ts';
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
  sha256: string;
}

export type LoadedSnapshot =
  { ok: true; state: AttentionState; mark: FoldMark } | { ok: false; reason: string };

function digest(fields: Omit<Header, 'sha256'>, payload: Uint8Array): string {
  return createHash('sha256')
    .update(JSON.stringify(fields))
    .update('\n')
    .update(payload)
    .digest('hex');
}

/**
 * The file's parts for a state folded up to `mark` (synchronous: the state cannot move
 * between the checkpoint and the bytes). Parts, not one buffer: no copy of the payload.
 */
export function snapshotBytes(state: AttentionState, mark: FoldMark): Buffer[] {
  const payload = encodeAttentionState(state);
  const fields = {
    version: CLINIC_SNAPSHOT_VERSION,
    currency: state.currency,
    checkpoint: mark.checkpoint,
    documents: mark.documents,
  };
  const header = Buffer.from(JSON.stringify({ ...fields, sha256: digest(fields, payload) }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return [length, header, payload];
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
    const payload = bytes.subarray(4 + length);
    const { sha256, ...fields } = header;
    if (digest(fields, payload) !== sha256) return { ok: false, reason: 'checksum differs' };
    const state = decodeAttentionState(payload, currency);
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
