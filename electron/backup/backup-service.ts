// What a scheduled (or "Back up now") run does: write and verify a backup, then
// rotate the folder. Rotation runs only after a verified backup exists, and its
// failure does not turn a good backup into a failed run.
import type { RetentionPolicy } from './rotation.ts';
import { rotateBackupFolder } from './backup-folder.ts';
import { createBackup } from './write-backup.ts';
import type { BackupResult, CreateBackupOptions } from './write-backup.ts';

export interface BackUpAndRotateOptions extends CreateBackupOptions {
  readonly timeZone: string;
  readonly retention?: RetentionPolicy | undefined;
}

export interface BackUpAndRotateResult extends BackupResult {
  readonly rotatedAway: string[];
  readonly rotationError: string | null;
}

export async function backUpAndRotate(
  options: BackUpAndRotateOptions,
): Promise<BackUpAndRotateResult> {
  const result = await createBackup(options);
  try {
    const rotatedAway = await rotateBackupFolder(options.outDir, {
      deskId: options.deskId,
      timeZone: options.timeZone,
      now: (options.now ?? (() => new Date()))(),
      policy: options.retention,
    });
    return { ...result, rotatedAway, rotationError: null };
  } catch (error) {
    return {
      ...result,
      rotatedAway: [],
      rotationError: error instanceof Error ? error.message : String(error),
    };
  }
}
