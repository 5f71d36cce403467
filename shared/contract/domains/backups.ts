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
          (value) =>
            value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\'),
          'Give the full path of the folder, e.g. /media/usb/backups or D:\\Backups.',
        ),
      dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:MM, e.g. 21:00.'),
    })
    .strict(),
} as const;

export interface BackupOperationResults {
  backupStatus: BackupStatusView;
  backUpNow: { name: string; bytes: number; verified: true };
  listBackups: BackupListItem[];
  setBackupSettings: BackupStatusView;
}
