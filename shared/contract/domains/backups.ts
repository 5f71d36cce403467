// Operations of Settings → Backups and the status bar's backup indicator.
import { z } from 'zod';

export interface BackupStatusView {
  /** False on the in-memory test storage. */
  enabled: boolean;
  folder: string;
  folderReachable: boolean;
  dailyAt: string;
  running: boolean;
  progress: { phase: string; fraction: number } | null;
  /** ISO time of the newest verified backup, '' when none. */
  lastGoodAt: string;
  lastError: { at: string; message: string } | null;
  nextRunAt: string;
  /** A passphrase is saved: backups are encrypted with it (the passphrase itself never leaves the main process). */
  encrypted: boolean;
  /** Why this computer cannot keep a passphrase safely, in words; '' when it can. */
  passphraseUnavailable: string;
}

export interface BackupListItem {
  name: string;
  createdAt: string;
  bytes: number;
  encrypted: boolean;
  /** Its header reads as one of our backups (full verification happens on restore). */
  readable: boolean;
  problem: string;
}

/** A full path on Linux/macOS (/…), Windows (D:\…) or a network share (\\server\…). */
function isFullPath(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

/** Long enough that a guess costs real time even against the memory-hard key derivation. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** A backup to restore: a name from the list (in the backup folder) or a file's full path. */
const backupFileArg = z
  .string()
  .trim()
  .min(1, 'Choose a backup from the list or give the full path of a backup file.')
  .max(1000, 'That path is too long.');

export const backupOperationArgs = {
  backupStatus: z.object({}).strict(),
  backUpNow: z.object({}).strict(),
  listBackups: z.object({}).strict(),
  setBackupSettings: z
    .object({
      folder: z
        .string()
        .trim()
        .min(1, 'Choose the folder backups go to.')
        .max(1000, 'That folder path is too long.')
        .refine(
          isFullPath,
          'Give the full path of the folder, e.g. /media/usb/backups or D:\\Backups.',
        ),
      dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:MM, e.g. 21:00.'),
    })
    .strict(),
  setBackupPassphrase: z
    .object({
      passphrase: z
        .string()
        .min(
          MIN_PASSPHRASE_LENGTH,
          `Use at least ${MIN_PASSPHRASE_LENGTH} characters (a few unrelated words are easy to remember).`,
        )
        .max(1000, 'That passphrase is too long.'),
      confirm: z.string().max(1000),
    })
    .strict()
    .refine((value) => value.passphrase === value.confirm, {
      message: 'The two entries are not the same.',
      path: ['confirm'],
    }),
  clearBackupPassphrase: z.object({}).strict(),
  /** Verifies a backup completely (nothing changes) and says what a restore would bring back. */
  checkRestore: z
    .object({ file: backupFileArg, passphrase: z.string().max(1000).default('') })
    .strict(),
  /** Replaces this desk's data with the backup (checked again first), then the desk restarts. */
  restoreFromBackup: z
    .object({ file: backupFileArg, passphrase: z.string().max(1000).default('') })
    .strict(),
  /** All data as one JSON file in the folder (RxDB's JSON dump layout, plus version and time). */
  exportAllJson: z
    .object({
      folder: z
        .string()
        .trim()
        .min(1, 'Choose the folder the export goes to.')
        .max(1000, 'That folder path is too long.')
        .refine(isFullPath, 'Give the full path of the folder, e.g. /media/usb or D:\\Exports.'),
    })
    .strict(),
} as const;

/** What a backup holds, as the restore screen shows it. */
export interface BackupContents {
  /** The file as the main process resolved it. */
  file: string;
  name: string;
  /** ISO time the backup was made. */
  createdAt: string;
  deskId: string;
  /** The backup was made by this desk (otherwise this desk takes over as its desk). */
  sameDesk: boolean;
  encrypted: boolean;
  patients: number;
  journalEntries: number;
  /** Every row of the snapshot, all collections. */
  documents: number;
}

export interface BackupOperationResults {
  backupStatus: BackupStatusView;
  backUpNow: { name: string; bytes: number; verified: true };
  listBackups: BackupListItem[];
  setBackupSettings: BackupStatusView;
  setBackupPassphrase: BackupStatusView;
  clearBackupPassphrase: BackupStatusView;
  checkRestore: BackupContents;
  restoreFromBackup: BackupContents & {
    /** The copy of the replaced data. */
    safetyBackup: string;
    /** What to tell the person: the desk restarts to open the restored data. */
    restartNeeded: string;
  };
  exportAllJson: { file: string; documents: number; bytes: number };
}
