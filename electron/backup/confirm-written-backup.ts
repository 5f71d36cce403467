// The check right after a backup is written: proves that the file on disk
// restores to the snapshot we took and checked, without extracting it again.
//
// Why this is as strong as `verifyBackup` (which extracts the snapshot to disk,
// checks its SHA-256, and runs SQLite's integrity check and the row counts on
// the extracted copy):
//
//  - Before writing, createBackup ran the integrity check and the counts on the
//    snapshot file itself, and computed the snapshot's SHA-256 (the manifest's)
//    while compressing that same file. Nothing writes the snapshot afterwards:
//    it sits in our own work folder and is only ever opened read-only.
//  - Here the written file goes through every step a restore takes — header,
//    size, whole-file checksum, passphrase, authenticated decryption, payload
//    checksum, decompression — and the decompressed bytes are compared, byte
//    for byte, with that snapshot file instead of being written to disk.
//  - So what a restore would extract is exactly the snapshot that passed the
//    integrity check, with the hash and counts the manifest states. Running
//    SQLite on a second, identical copy would prove nothing more.
//
// The manifest read back from the file is also compared with the one we meant to
// write (the snapshot's hash and size, the counts), so a header damaged in a
// self-consistent way cannot pass either.
import { BackupFileError } from './errors.ts';
import type { BackupManifest } from './format.ts';
import type { ProgressListener } from './progress.ts';
import { reportPhase } from './progress.ts';
import { decodePayload, openBackup } from './read-backup.ts';
import type { VerifiedBackup } from './read-backup.ts';
import { createSameBytesSink } from './same-bytes-sink.ts';
import { sameCounts } from './sqlite-inspect.ts';

export interface WrittenBackup {
  /** The manifest createBackup put in the file. */
  readonly manifest: BackupManifest;
  /** The snapshot it was made from, which passed SQLite's integrity check. */
  readonly snapshotFile: string;
}

export interface ConfirmOptions {
  readonly passphrase?: string | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

/** Rejects with a BackupFileError when `file` does not restore to exactly `written.snapshotFile`. */
export async function confirmWrittenBackup(
  file: string,
  written: WrittenBackup,
  options: ConfirmOptions = {},
): Promise<VerifiedBackup> {
  const opened = await openBackup(file, options.passphrase, options.onProgress);
  const { manifest } = opened;
  if (
    manifest.snapshot.sha256 !== written.manifest.snapshot.sha256 ||
    manifest.snapshot.bytes !== written.manifest.snapshot.bytes ||
    !sameCounts(manifest.counts, written.manifest.counts)
  ) {
    throw new BackupFileError(opened.damaged, file, 'manifest differs from the one written');
  }
  await decodePayload(
    opened,
    { compareWith: createSameBytesSink(written.snapshotFile) },
    options.onProgress,
  );
  reportPhase(options.onProgress, 'verify', 1, 1);
  return {
    file,
    manifest,
    encrypted: opened.encrypted,
    fileBytes: opened.fileBytes,
    counts: manifest.counts,
  };
}
