// The check right after a backup is written: proves that the file on disk
// restores to the snapshot we took and checked, without decompressing it again.
//
// Why this is as strong as `verifyBackup` (which extracts the snapshot to disk,
// checks its SHA-256, and runs SQLite's integrity check and the row counts on
// the extracted copy):
//
//  - createBackup ran the integrity check and the counts on the snapshot file
//    itself. Nothing writes the snapshot afterwards: it sits in our own work
//    folder and is only ever opened read-only.
//  - While compressing that snapshot it fed every compressed byte to the
//    decompressor a restore uses and compared the output, byte for byte, with
//    the snapshot bytes going in (compress-snapshot.ts, round-trip-check.ts):
//    the payload P it produced decompresses to exactly the snapshot. The
//    manifest records P's size and SHA-256.
//  - Here the written file goes through every step a restore takes before
//    decompression — header, size, whole-file checksum, passphrase,
//    authenticated decryption — and the payload read back must have P's size
//    and SHA-256. So it is P (finding other bytes with the same SHA-256 is not
//    feasible), and decompressing it gives exactly the snapshot that passed the
//    integrity check, with the hash and counts the manifest states.
//
// The manifest read back from the file is also compared with the one we meant to
// write (the payload's and the snapshot's hash and size, the counts), so a header
// damaged in a self-consistent way cannot pass either.
import { BackupFileError } from './errors.ts';
import type { BackupManifest } from './format.ts';
import type { ProgressListener } from './progress.ts';
import { reportPhase } from './progress.ts';
import { checkPayload, openBackup } from './read-backup.ts';
import type { VerifiedBackup } from './read-backup.ts';
import { sameCounts } from './sqlite-inspect.ts';

export interface WrittenBackup {
  /**
   * The manifest createBackup put in the file; its payload is the one proved to
   * decompress to the snapshot that passed SQLite's integrity check.
   */
  readonly manifest: BackupManifest;
}

export interface ConfirmOptions {
  readonly passphrase?: string | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

function sameManifestFacts(read: BackupManifest, written: BackupManifest): boolean {
  return (
    read.snapshot.sha256 === written.snapshot.sha256 &&
    read.snapshot.bytes === written.snapshot.bytes &&
    read.payload.sha256 === written.payload.sha256 &&
    read.payload.bytes === written.payload.bytes &&
    read.payload.compression === written.payload.compression &&
    sameCounts(read.counts, written.counts)
  );
}

/** Rejects with a BackupFileError unless `file` holds exactly the payload `written` describes. */
export async function confirmWrittenBackup(
  file: string,
  written: WrittenBackup,
  options: ConfirmOptions = {},
): Promise<VerifiedBackup> {
  const opened = await openBackup(file, options.passphrase, options.onProgress);
  const { manifest } = opened;
  if (!sameManifestFacts(manifest, written.manifest)) {
    throw new BackupFileError(opened.damaged, file, 'manifest differs from the one written');
  }
  await checkPayload(opened, options.onProgress);
  reportPhase(options.onProgress, 'verify', 1, 1);
  return {
    file,
    manifest,
    encrypted: opened.encrypted,
    fileBytes: opened.fileBytes,
    counts: manifest.counts,
  };
}
