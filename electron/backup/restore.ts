// Restore cannot make things worse: it verifies the backup completely (into a
// temporary file beside the database) before touching anything, keeps a safety
// backup of the current data, and only then swaps the database file atomically.
// Any refusal before the swap leaves the live data exactly as it was.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { removeQuietly, renameIntoPlace } from './atomic-file.ts';
import { sqliteSideFiles } from './data-path.ts';
import { isValidDeskId } from './file-name.ts';
import type { BackupManifest } from './format.ts';
import { reportPhase } from './progress.ts';
import type { ProgressListener } from './progress.ts';
import { verifyBackup } from './read-backup.ts';
import type { TableCounts } from './sqlite-inspect.ts';
import { createBackup } from './write-backup.ts';

export interface RestoreOptions {
  /** The backup file to restore. */
  readonly file: string;
  /** The database file to replace (it need not exist yet). */
  readonly dataFile: string;
  readonly passphrase?: string | undefined;
  readonly appVersion: string;
  /** Where the safety backup of the current data goes (default `<data dir>/safety-backups`). */
  readonly safetyDir?: string | undefined;
  /** Desk id for the safety backup's name (default: the desk of the backup being restored). */
  readonly deskId?: string | undefined;
  /** Called after every check passed and the safety backup exists: close the store now. */
  readonly beforeReplace?: (() => void | Promise<void>) | undefined;
  /** Called after the swap (or after a failed swap, with the old file still in place): reopen the store. */
  readonly afterReplace?: ((outcome: { replaced: boolean }) => void | Promise<void>) | undefined;
  readonly workDir?: string | undefined;
  readonly now?: (() => Date) | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

export interface RestoreResult {
  readonly dataFile: string;
  /** Rows per table now in the database. */
  readonly counts: TableCounts;
  readonly manifest: BackupManifest;
  /** The backup of the data that was replaced, or null when there was none. */
  readonly safetyBackup: string | null;
}

/** Folds the WAL of the outgoing database into its main file before it is replaced. */
function checkpoint(dataFile: string): void {
  if (!fs.existsSync(`${dataFile}-wal`)) return;
  const db = new DatabaseSync(dataFile, { timeout: 5_000 });
  try {
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { file, dataFile, onProgress } = options;
  const dataDir = path.dirname(path.resolve(dataFile));
  await fsp.mkdir(dataDir, { recursive: true });
  // Same folder as the database, so the final rename is atomic.
  const incoming = path.join(
    dataDir,
    `.${path.basename(dataFile)}.restoring-${randomBytes(4).toString('hex')}`,
  );
  try {
    // 1. Everything about the backup is checked first.
    const verified = await verifyBackup(file, {
      passphrase: options.passphrase,
      extractTo: incoming,
      workDir: options.workDir,
      onProgress,
    });

    // 2. Safety backup of what is there now.
    let safetyBackup: string | null = null;
    if (fs.existsSync(dataFile)) {
      reportPhase(onProgress, 'safety-backup', 0, 1);
      const safety = await createBackup({
        dataFile,
        outDir: options.safetyDir ?? path.join(dataDir, 'safety-backups'),
        deskId:
          options.deskId ??
          (isValidDeskId(verified.manifest.deskId) ? verified.manifest.deskId : 'restored-desk'),
        appVersion: options.appVersion,
        workDir: options.workDir,
        now: options.now,
      });
      safetyBackup = safety.file;
      reportPhase(onProgress, 'safety-backup', 1, 1);
    }

    // 3. Swap, with the store closed around it.
    reportPhase(onProgress, 'replace', 0, 1);
    let replaced = false;
    try {
      await options.beforeReplace?.();
      checkpoint(dataFile);
      // Stale -wal/-shm files would be replayed onto the new database: remove them first.
      for (const side of sqliteSideFiles(dataFile)) await removeQuietly(side);
      await renameIntoPlace(incoming, dataFile);
      replaced = true;
    } finally {
      await options.afterReplace?.({ replaced });
    }
    reportPhase(onProgress, 'replace', 1, 1);
    return { dataFile, counts: verified.counts, manifest: verified.manifest, safetyBackup };
  } finally {
    await removeQuietly(incoming);
  }
}
