// Taking a backup: snapshot the live database; compress it, proving on the way
// that the compressed bytes decompress to the snapshot; (encrypt it,) write one
// file under a temporary name, rename it into place, read it back and prove it
// holds exactly the proved payload — while SQLite's integrity check of the
// snapshot runs in a worker on the other core. Only a file that passed every
// check is left behind.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { CipherGCM } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pipeline } from 'node:stream/promises';
import { removeQuietly, renameIntoPlace } from './atomic-file.ts';
import { compressSnapshot } from './compress-snapshot.ts';
import { WRITE_COMPRESSION } from './compression.ts';
import { confirmWrittenBackup } from './confirm-written-backup.ts';
import { backupFileName, isValidDeskId } from './file-name.ts';
import { FORMAT_VERSION, GCM_NONCE_BYTES, GCM_TAG_BYTES, encodeHeaderBlock } from './format.ts';
import type { BackupHeader, BackupManifest, EncryptionHeader } from './format.ts';
import { deriveKeys, newScryptParams } from './key-derivation.ts';
import { reportPhase } from './progress.ts';
import type { ProgressListener } from './progress.ts';
import { integrityProblemsInWorker } from './integrity-in-worker.ts';
import type { VerifiedBackup } from './read-backup.ts';
import { RoundTripMismatchError } from './round-trip-check.ts';
import { takeSnapshot } from './snapshot.ts';
import { countRows } from './sqlite-inspect.ts';
import type { TableCounts } from './sqlite-inspect.ts';

/**
 * Lets the app add its own summary (journal totals, chain heads, ...) read from
 * the snapshot. It may take seconds on a large journal: it runs while the
 * snapshot is compressed, so one that returns a promise and yields to the event
 * loop now and then lets the compression (on the libuv pool) proceed meanwhile.
 */
export type DescribeSnapshot = (snapshot: DatabaseSync) => unknown;

export interface CreateBackupOptions {
  /** The live SQLite database file (it may be open and being written). */
  readonly dataFile: string;
  /** Folder that receives the backup file (created if missing). */
  readonly outDir: string;
  readonly deskId: string;
  readonly appVersion: string;
  /** Encrypts the backup when given (non-empty). */
  readonly passphrase?: string | undefined;
  readonly describe?: DescribeSnapshot | undefined;
  /** Folder for the temporary snapshot (default: the OS temp folder). */
  readonly workDir?: string | undefined;
  readonly now?: (() => Date) | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

export interface BackupResult {
  readonly file: string;
  readonly name: string;
  readonly manifest: BackupManifest;
  readonly fileBytes: number;
  readonly encrypted: boolean;
}

/** A backup was written but did not survive verification; it has been deleted. */
export class BackupVerificationError extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super(
      `The backup was written but failed verification and was discarded: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'BackupVerificationError';
    this.cause = cause;
  }
}

/** The snapshot failed SQLite's integrity check: the live database is damaged; the backup was discarded. */
export class DamagedSnapshotError extends Error {
  constructor(problems: string) {
    super(
      `The database failed SQLite's integrity check, so this backup was discarded (earlier backups are kept): ${problems}`,
    );
    this.name = 'DamagedSnapshotError';
  }
}

type IntegrityOutcome = { readonly problems: string | null } | { readonly error: unknown };

/** Row counts (quick) and the app's summary, read from the snapshot. */
async function readSnapshotFacts(
  describe: DescribeSnapshot | undefined,
  snapshotFile: string,
): Promise<{ counts: TableCounts; summary: BackupManifest['summary'] }> {
  const db = new DatabaseSync(snapshotFile, { readOnly: true });
  try {
    const counts = countRows(db);
    const value: unknown = await describe?.(db);
    // Round-trip so only plain JSON lands in the manifest (and fails here, not at read time).
    const summary =
      value === undefined
        ? undefined
        : (JSON.parse(JSON.stringify(value)) as BackupManifest['summary']);
    return { counts, summary };
  } finally {
    db.close();
  }
}

async function freeFinalName(outDir: string, deskId: string, createdAt: Date): Promise<string> {
  for (let sequence = 0; sequence < 1000; sequence++) {
    const name = backupFileName(deskId, createdAt, sequence);
    const taken = await fsp.stat(path.join(outDir, name)).catch(() => null);
    if (!taken) return name;
  }
  throw new Error('Too many backups within one second.');
}

/** Yields header, payload (encrypted when a cipher is given), tag and the whole-file checksum. */
async function* containerBytes(
  headerBlock: Buffer,
  payloadFile: string,
  payloadBytes: number,
  cipher: CipherGCM | null,
  onProgress: ProgressListener | undefined,
): AsyncGenerator<Buffer> {
  const fileHash = createHash('sha256');
  const emit = (chunk: Buffer): Buffer => {
    fileHash.update(chunk);
    return chunk;
  };
  yield emit(headerBlock);
  let seen = 0;
  for await (const chunk of fs.createReadStream(payloadFile, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    seen += chunk.length;
    reportPhase(onProgress, 'write', seen, payloadBytes);
    yield emit(cipher ? cipher.update(chunk) : chunk);
  }
  if (cipher) {
    const rest = cipher.final();
    if (rest.length > 0) yield emit(rest);
    yield emit(cipher.getAuthTag());
  }
  yield fileHash.digest();
}

export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  const { dataFile, outDir, deskId, appVersion, onProgress } = options;
  if (!isValidDeskId(deskId))
    throw new Error(`Desk id ${JSON.stringify(deskId)} cannot be used in a file name.`);
  if (!fs.existsSync(dataFile)) throw new Error(`No database at ${dataFile}.`);
  const createdAt = (options.now ?? (() => new Date()))();
  await fsp.mkdir(outDir, { recursive: true });
  const work = await fsp.mkdtemp(path.join(options.workDir ?? os.tmpdir(), 'punchcard-backup-'));
  let partial: string | null = null;
  // SQLite's integrity check of the snapshot, running in a worker meanwhile;
  // never rejects, and is always awaited before the work folder goes.
  let integrity: Promise<IntegrityOutcome> | null = null;
  // The snapshot's removal once compressed and checked (never rejects).
  let snapshotRemoved: Promise<void> | null = null;
  try {
    // The key derivation (scrypt, on the libuv pool) for an encrypted backup
    // needs nothing else: it runs from the start.
    const kdf = options.passphrase ? newScryptParams() : null;
    const deriving =
      options.passphrase && kdf ? deriveKeys(options.passphrase, kdf) : Promise.resolve(null);
    deriving.catch(() => undefined); // awaited below; must not count as unhandled meanwhile

    // 1. Snapshot.
    reportPhase(onProgress, 'snapshot', 0, 1);
    const snapshotFile = path.join(work, 'snapshot.sqlite');
    await takeSnapshot(dataFile, snapshotFile);
    reportPhase(onProgress, 'snapshot', 1, 1);

    // 2. The integrity check needs only the snapshot: it runs on the other core
    // while the snapshot is compressed, written and read back (steps 3 to 6).
    integrity = integrityProblemsInWorker(snapshotFile).then(
      (problems) => ({ problems }),
      (error: unknown) => ({ error }),
    );

    // 3. Compress, hashing both sides and proving the round trip (the
    // compressed bytes are decompressed on another libuv thread as they come and
    // compared with the snapshot); meanwhile the row counts and the app's
    // summary are read from the snapshot.
    const snapshotBytes = (await fsp.stat(snapshotFile)).size;
    const payloadFile = path.join(work, 'payload');
    const [compressed, facts, derived] = await Promise.allSettled([
      compressSnapshot(snapshotFile, payloadFile, {
        onSnapshotBytes: (seen) => reportPhase(onProgress, 'compress', seen, snapshotBytes),
      }),
      readSnapshotFacts(options.describe, snapshotFile),
      deriving,
    ]);
    if (compressed.status === 'rejected') {
      const reason: unknown = compressed.reason;
      throw reason instanceof RoundTripMismatchError ? new BackupVerificationError(reason) : reason;
    }
    if (facts.status === 'rejected') throw facts.reason;
    const { counts, summary } = facts.value;
    if (derived.status === 'rejected') throw derived.reason;
    const { snapshot, payload } = compressed.value;
    // Nothing reads the snapshot again once compressed and checked. Deleting
    // 1.7 GB takes the filesystem some 0.4 s (clinic data set): on the libuv
    // pool while the file is written and read back, not after.
    snapshotRemoved = integrity.then(() => removeQuietly(snapshotFile)).catch(() => undefined);

    // 4. Header (manifest + encryption parameters).
    const manifest: BackupManifest = {
      formatVersion: FORMAT_VERSION,
      appVersion,
      createdAt: createdAt.toISOString(),
      deskId,
      counts,
      ...(summary === undefined ? {} : { summary }),
      snapshot,
      payload: { compression: WRITE_COMPRESSION, ...payload },
    };
    let encryption: EncryptionHeader | null = null;
    let cipher: CipherGCM | null = null;
    const header: BackupHeader = { manifest, encryption };
    const keys = derived.value;
    if (kdf && keys) {
      const nonce = randomBytes(GCM_NONCE_BYTES);
      encryption = {
        cipher: 'aes-256-gcm',
        kdf,
        nonce: nonce.toString('base64'),
        keyCheck: keys.keyCheck.toString('base64'),
      };
      header.encryption = encryption;
      cipher = createCipheriv('aes-256-gcm', keys.key, nonce, { authTagLength: GCM_TAG_BYTES });
    }
    const headerBlock = encodeHeaderBlock(header);
    cipher?.setAAD(headerBlock);

    // 5. Write under a temporary name, then rename into place.
    const name = await freeFinalName(outDir, deskId, createdAt);
    const final = path.join(outDir, name);
    partial = path.join(outDir, `.${name}.partial`);
    await pipeline(
      containerBytes(headerBlock, payloadFile, manifest.payload.bytes, cipher, onProgress),
      fs.createWriteStream(partial, { flags: 'wx' }),
    );
    await renameIntoPlace(partial, final);
    partial = null;

    // 6. Read back what is actually on disk and prove it holds the payload
    // proved in step 3 (see confirm-written-backup.ts for why this needs no
    // decompression); then the snapshot must have passed the integrity check.
    let verified: VerifiedBackup;
    try {
      verified = await confirmWrittenBackup(
        final,
        { manifest },
        { passphrase: options.passphrase, onProgress },
      );
    } catch (error) {
      await removeQuietly(final);
      throw new BackupVerificationError(error);
    }
    const checked = await integrity;
    if ('error' in checked || checked.problems !== null) await removeQuietly(final);
    if ('error' in checked) throw new BackupVerificationError(checked.error);
    if (checked.problems !== null) throw new DamagedSnapshotError(checked.problems);
    return {
      file: final,
      name,
      manifest: verified.manifest,
      fileBytes: verified.fileBytes,
      encrypted: verified.encrypted,
    };
  } finally {
    if (partial) await removeQuietly(partial);
    await integrity; // the worker must let go of the snapshot before it is deleted
    await snapshotRemoved;
    await removeQuietly(work);
  }
}
