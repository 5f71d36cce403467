// Reading a backup file back: the cheap look at its header (for lists) and the
// complete verification (before any restore, and the "verify" command); the
// check right after writing (confirm-written-backup.ts) shares its steps.
// Checks run from cheapest to dearest, and each failure names its problem:
// magic -> version -> header checksum -> size -> whole-file checksum ->
// passphrase -> authenticated decryption -> payload and snapshot checksums ->
// SQLite integrity check -> row counts.
import { createDecipheriv, createHash } from 'node:crypto';
import type { DecipherGCM } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { removeQuietly } from './atomic-file.ts';
import { createByteTap } from './byte-tap.ts';
import { createDecompressor } from './compression.ts';
import { BackupFileError } from './errors.ts';
import {
  FORMAT_VERSION,
  GCM_TAG_BYTES,
  HASH_BYTES,
  MAGIC,
  MAX_HEADER_BYTES,
  PREFIX_BYTES,
  expectedFileSize,
  headerSchema,
} from './format.ts';
import type { BackupHeader, BackupManifest } from './format.ts';
import { deriveKeys, keyCheckMatches } from './key-derivation.ts';
import { reportPhase } from './progress.ts';
import type { ProgressListener } from './progress.ts';
import { integrityProblemsInWorker } from './integrity-in-worker.ts';
import { countRows, sameCounts } from './sqlite-inspect.ts';
import type { TableCounts } from './sqlite-inspect.ts';

export interface BackupInfo {
  readonly file: string;
  readonly manifest: BackupManifest;
  readonly encrypted: boolean;
  readonly fileBytes: number;
}

interface ParsedHeader {
  readonly header: BackupHeader;
  /** Prefix + header JSON + header checksum: the AAD of the encryption. */
  readonly headerBlock: Buffer;
  readonly fileBytes: number;
}

async function readExactly(
  handle: fsp.FileHandle,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

async function readHeader(file: string): Promise<ParsedHeader> {
  const handle = await fsp.open(file, 'r');
  try {
    const fileBytes = (await handle.stat()).size;
    const prefix = await readExactly(handle, 0, PREFIX_BYTES);
    const magicSeen = prefix.subarray(0, Math.min(prefix.length, MAGIC.length));
    if (!magicSeen.equals(MAGIC.subarray(0, magicSeen.length)) || magicSeen.length === 0) {
      throw new BackupFileError('not-a-backup', file);
    }
    if (prefix.length < PREFIX_BYTES)
      throw new BackupFileError('truncated', file, 'ends inside the header');
    const version = prefix.readUInt16BE(MAGIC.length);
    if (version > FORMAT_VERSION) {
      throw new BackupFileError(
        'newer-format',
        file,
        `format ${version}; this app reads up to ${FORMAT_VERSION}`,
      );
    }
    if (version === 0) throw new BackupFileError('corrupt', file, 'format version 0');
    const headerBytes = prefix.readUInt32BE(MAGIC.length + 2);
    if (headerBytes > MAX_HEADER_BYTES)
      throw new BackupFileError('corrupt', file, 'impossible header length');
    const rest = await readExactly(handle, PREFIX_BYTES, headerBytes + HASH_BYTES);
    if (rest.length < headerBytes + HASH_BYTES)
      throw new BackupFileError('truncated', file, 'ends inside the header');
    const headerBlock = Buffer.concat([prefix, rest]);
    const body = headerBlock.subarray(0, PREFIX_BYTES + headerBytes);
    const digest = createHash('sha256').update(body).digest();
    if (!digest.equals(headerBlock.subarray(PREFIX_BYTES + headerBytes))) {
      throw new BackupFileError('corrupt', file, 'header checksum mismatch');
    }
    let json: unknown;
    try {
      json = JSON.parse(body.subarray(PREFIX_BYTES).toString('utf8'));
    } catch {
      throw new BackupFileError('corrupt', file, 'header is not JSON');
    }
    const parsed = headerSchema.safeParse(json);
    if (!parsed.success) throw new BackupFileError('corrupt', file, 'header fields are invalid');
    if (parsed.data.manifest.formatVersion !== version) {
      throw new BackupFileError(
        'corrupt',
        file,
        'manifest and file disagree on the format version',
      );
    }
    return { header: parsed.data, headerBlock, fileBytes };
  } finally {
    await handle.close();
  }
}

function checkSize(file: string, parsed: ParsedHeader): void {
  const expected = expectedFileSize(parsed.headerBlock.length, parsed.header);
  if (parsed.fileBytes < expected) {
    throw new BackupFileError('truncated', file, `${parsed.fileBytes} of ${expected} bytes`);
  }
  if (parsed.fileBytes > expected)
    throw new BackupFileError('corrupt', file, 'unexpected bytes at the end');
}

/** Reads only the header (fast): enough to list backups, not to trust them. */
export async function inspectBackup(file: string): Promise<BackupInfo> {
  const parsed = await readHeader(file);
  checkSize(file, parsed);
  return {
    file,
    manifest: parsed.header.manifest,
    encrypted: parsed.header.encryption !== null,
    fileBytes: parsed.fileBytes,
  };
}

export interface VerifyOptions {
  readonly passphrase?: string | undefined;
  /** Keep the verified SQLite snapshot at this path (restore uses it); otherwise it is deleted. */
  readonly extractTo?: string | undefined;
  /** Folder for temporary files (default: the OS temp folder). */
  readonly workDir?: string | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

export interface VerifiedBackup extends BackupInfo {
  readonly counts: TableCounts;
}

async function wholeFileChecksumMatches(
  file: string,
  fileBytes: number,
  onProgress?: ProgressListener,
): Promise<boolean> {
  const hash = createHash('sha256');
  let seen = 0;
  const covered = fs.createReadStream(file, {
    start: 0,
    end: fileBytes - HASH_BYTES - 1,
    highWaterMark: 1 << 20,
  });
  for await (const chunk of covered as AsyncIterable<Buffer>) {
    hash.update(chunk);
    seen += chunk.length;
    reportPhase(onProgress, 'verify', seen, fileBytes * 2);
  }
  const handle = await fsp.open(file, 'r');
  try {
    const stored = await readExactly(handle, fileBytes - HASH_BYTES, HASH_BYTES);
    return stored.equals(hash.digest());
  } finally {
    await handle.close();
  }
}

/** A backup whose container checks passed and whose payload is ready to be decoded. */
export interface OpenedBackup extends BackupInfo {
  readonly headerBlock: Buffer;
  readonly decipher: DecipherGCM | null;
  /** How a failure from here on is diagnosed: "tampered" if encrypted, else "corrupt". */
  readonly damaged: 'tampered' | 'corrupt';
}

/**
 * The container checks, cheapest first: header, size, whole-file checksum,
 * passphrase. Reads the payload's bytes once (for the checksum), decodes nothing.
 */
export async function openBackup(
  file: string,
  passphrase: string | undefined,
  onProgress?: ProgressListener,
): Promise<OpenedBackup> {
  const parsed = await readHeader(file);
  checkSize(file, parsed);
  const { header, headerBlock, fileBytes } = parsed;
  const { manifest, encryption } = header;

  if (!(await wholeFileChecksumMatches(file, fileBytes, onProgress))) {
    throw new BackupFileError('corrupt', file, 'file checksum mismatch');
  }

  // After the checksum passed, any failure of an encrypted file means someone
  // rewrote it knowingly (or a bug): "tampered". For plain files: "corrupt".
  const damaged = encryption ? 'tampered' : 'corrupt';
  let decipher: DecipherGCM | null = null;
  if (encryption) {
    if (passphrase === undefined || passphrase === '')
      throw new BackupFileError('passphrase-required', file);
    const keys = await deriveKeys(passphrase, encryption.kdf);
    if (!keyCheckMatches(keys, encryption.keyCheck))
      throw new BackupFileError('wrong-passphrase', file);
    const nonce = Buffer.from(encryption.nonce, 'base64');
    if (nonce.length !== 12) throw new BackupFileError('corrupt', file, 'bad nonce');
    const handle = await fsp.open(file, 'r');
    let tag: Buffer;
    try {
      tag = await readExactly(handle, headerBlock.length + manifest.payload.bytes, GCM_TAG_BYTES);
    } finally {
      await handle.close();
    }
    decipher = createDecipheriv('aes-256-gcm', keys.key, nonce, { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(headerBlock);
    decipher.setAuthTag(tag);
  }
  return {
    file,
    manifest,
    encrypted: encryption !== null,
    fileBytes,
    headerBlock,
    decipher,
    damaged,
  };
}

/**
 * Streams the payload out of the file, decrypting it (which authenticates it)
 * when the backup is encrypted, through `after` (more stages, ending in a sink),
 * and checks the payload's size and SHA-256 against the manifest. Any failure is
 * the file's: a BackupFileError naming it.
 */
async function streamPayload(
  opened: OpenedBackup,
  payloadTap: ReturnType<typeof createByteTap>,
  after: readonly unknown[],
): Promise<void> {
  const { file, manifest, headerBlock, decipher, damaged } = opened;
  const payloadStart = headerBlock.length;
  try {
    if (manifest.payload.bytes === 0) throw new Error('empty payload');
    const stages = [
      fs.createReadStream(file, {
        start: payloadStart,
        end: payloadStart + manifest.payload.bytes - 1,
        highWaterMark: 1 << 20,
      }),
      ...(decipher ? [decipher] : []),
      payloadTap.stream,
      ...after,
    ];
    await (pipeline as (...streams: unknown[]) => Promise<void>)(...stages);
  } catch (error) {
    throw new BackupFileError(
      damaged,
      file,
      error instanceof Error ? error.message : String(error),
    );
  }
  if (
    payloadTap.bytes() !== manifest.payload.bytes ||
    payloadTap.sha256() !== manifest.payload.sha256
  ) {
    throw new BackupFileError(damaged, file, 'payload checksum mismatch');
  }
}

/**
 * Decrypts (authenticating) and decompresses the payload into `snapshotFile`,
 * and checks the payload and the decompressed snapshot against the manifest's
 * sizes and SHA-256s.
 */
export async function decodePayload(
  opened: OpenedBackup,
  snapshotFile: string,
  onProgress?: ProgressListener,
): Promise<void> {
  const { file, manifest, fileBytes, damaged } = opened;
  const snapshotTap = createByteTap((seen) =>
    reportPhase(
      onProgress,
      'verify',
      fileBytes + (seen / Math.max(1, manifest.snapshot.bytes)) * fileBytes,
      fileBytes * 2,
    ),
  );
  await streamPayload(opened, createByteTap(), [
    createDecompressor(manifest.payload.compression),
    snapshotTap.stream,
    fs.createWriteStream(snapshotFile, { flags: 'w' }),
  ]);
  if (
    snapshotTap.bytes() !== manifest.snapshot.bytes ||
    snapshotTap.sha256() !== manifest.snapshot.sha256
  ) {
    throw new BackupFileError(damaged, file, 'snapshot checksum mismatch');
  }
}

/**
 * Decrypts (authenticating) the payload and checks it against the manifest's
 * size and SHA-256, without decompressing it: right after writing, the payload
 * with that hash has already been proved to decompress to the snapshot.
 */
export async function checkPayload(
  opened: OpenedBackup,
  onProgress?: ProgressListener,
): Promise<void> {
  const { fileBytes } = opened;
  const payloadTap = createByteTap((seen) =>
    reportPhase(onProgress, 'verify', fileBytes + seen, fileBytes * 2),
  );
  await streamPayload(opened, payloadTap, [
    new Writable({ write: (_chunk, _encoding, callback) => callback() }),
  ]);
}

/**
 * Complete verification, for restore and the standalone "verify" command:
 * extracts the snapshot and has SQLite check it. Resolves only when every check
 * passed; otherwise rejects with a BackupFileError naming the problem. Never
 * modifies `file`. (Right after writing, `confirmWrittenBackup` is used instead.)
 */
export async function verifyBackup(
  file: string,
  options: VerifyOptions = {},
): Promise<VerifiedBackup> {
  const opened = await openBackup(file, options.passphrase, options.onProgress);
  const { manifest, damaged } = opened;

  const ownTemp = options.extractTo === undefined;
  const tempDir = ownTemp
    ? await fsp.mkdtemp(path.join(options.workDir ?? os.tmpdir(), 'punchcard-verify-'))
    : null;
  const snapshotPath = options.extractTo ?? path.join(tempDir ?? '', 'snapshot.sqlite');
  try {
    await decodePayload(opened, snapshotPath, options.onProgress);

    let counts: TableCounts;
    try {
      const problems = await integrityProblemsInWorker(snapshotPath);
      if (problems) throw new BackupFileError(damaged, file, `SQLite integrity check: ${problems}`);
      const db = new DatabaseSync(snapshotPath, { readOnly: true });
      try {
        counts = countRows(db);
      } finally {
        db.close();
      }
    } catch (error) {
      if (error instanceof BackupFileError) throw error;
      throw new BackupFileError(
        damaged,
        file,
        `snapshot does not open: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!sameCounts(counts, manifest.counts))
      throw new BackupFileError(damaged, file, 'row counts differ from the manifest');
    reportPhase(options.onProgress, 'verify', 1, 1);
    return {
      file,
      manifest,
      encrypted: opened.encrypted,
      fileBytes: opened.fileBytes,
      counts,
    };
  } catch (error) {
    if (!ownTemp) await removeQuietly(snapshotPath);
    throw error;
  } finally {
    if (tempDir) await removeQuietly(tempDir);
  }
}
