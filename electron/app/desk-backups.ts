// The desk's nightly backups: the backup engine (electron/backup) wired to this
// desk's database file, its settings in desk.json, and a scheduler. It only
// runs on the durable storage and once a folder has been chosen.
import { chainSummary } from '../audit/journal-file.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  backUpAndRotate,
  createBackupScheduler,
  DATA_FILE_NAME,
  lastGoodBackupAt,
  listBackups,
  type BackupProgress,
  type BackupScheduler,
  type BackUpAndRotateResult,
  type RunOutcome,
  type SchedulerOptions,
} from '../backup/index.ts';
import type { BackupStatusView, BackupListItem } from '../../shared/contract/domains/backups.ts';
import type { DeskConfig } from './desk-config.ts';
import type { BackupPassphraseStore } from './backup-passphrase-store.ts';

export interface DeskBackupsOptions {
  dataDirectory: string;
  config: () => DeskConfig;
  appVersion: string;
  /** The PC's zone: the daily time is the desk's local time. */
  timeZone: string;
  now: () => Date;
  /** Off for the memory storage (nothing durable to back up). */
  enabled: boolean;
  /** Where the backup passphrase is kept (safeStorage in the app); backups are encrypted when it holds one. */
  passphraseStore: BackupPassphraseStore;
  /** Tests drive the schedule with fake timers; real ones otherwise. */
  timers?: Pick<SchedulerOptions<BackUpAndRotateResult>, 'setTimer' | 'clearTimer'>;
}

export interface DeskBackups {
  status(): BackupStatusView;
  backUpNow(): Promise<RunOutcome<BackUpAndRotateResult>>;
  list(): Promise<BackupListItem[]>;
  /** Re-reads the settings (after they change) and restarts the schedule. */
  restart(): Promise<void>;
  atQuit(): Promise<void>;
  stop(): void;
  /** Saves the passphrase for every later backup; refuses (CredentialStorageUnavailable) where it cannot be kept safely. */
  setPassphrase(passphrase: string): Promise<void>;
  /** The saved passphrase (main process only: restore uses it when none is typed). */
  savedPassphrase(): Promise<string | undefined>;
  /** Later backups are not encrypted (earlier ones still need the passphrase they were made with). */
  clearPassphrase(): Promise<void>;
}

export function createDeskBackups(options: DeskBackupsOptions): DeskBackups {
  const dataFile = join(options.dataDirectory, DATA_FILE_NAME);
  let scheduler: BackupScheduler<BackUpAndRotateResult> | null = null;
  let progress: BackupProgress | null = null;

  const folder = () => options.config().backup.folder;

  const runBackup = async () => {
    const { deskId, backup } = options.config();
    // A passphrase that is set but cannot be read fails the run: never a quiet plain backup.
    const passphrase = await options.passphraseStore.load();
    return backUpAndRotate({
      dataFile,
      outDir: backup.folder,
      deskId,
      appVersion: options.appVersion,
      passphrase,
      timeZone: options.timeZone,
      // The manifest records each desk's hash chain as verified in the snapshot.
      describe: chainSummary,
      retention: {
        daily: backup.keepDaily,
        weekly: backup.keepWeekly,
        monthly: backup.keepMonthly,
      },
      now: options.now,
      onProgress: (update) => (progress = update),
    }).finally(() => (progress = null));
  };

  const start = async () => {
    scheduler?.stop();
    scheduler = null;
    if (!options.enabled || folder() === '') return;
    const { deskId, backup } = options.config();
    scheduler = createBackupScheduler({
      config: { timeZone: options.timeZone, dailyAt: backup.dailyAt },
      runBackup,
      lastGoodAt: await lastGoodBackupAt(backup.folder, deskId),
      now: options.now,
      ...options.timers,
    });
    scheduler.start();
  };

  const notConfigured = (): RunOutcome<BackUpAndRotateResult> => ({
    ok: false,
    reason: 'on-demand',
    startedAt: options.now(),
    error: new Error(
      options.enabled
        ? 'Choose a backup folder in Settings → Backups first.'
        : 'This desk keeps its data in memory only (test mode); there is nothing to back up.',
    ),
  });

  return {
    status() {
      const status = scheduler?.status();
      return {
        enabled: options.enabled,
        folder: folder(),
        folderReachable: folder() !== '' && existsSync(folder()),
        dailyAt: options.config().backup.dailyAt,
        running: status?.running !== null && status?.running !== undefined,
        progress: progress ? { phase: progress.phase, fraction: progress.fraction } : null,
        lastGoodAt: status?.lastGoodAt?.toISOString() ?? '',
        lastError: status?.lastError
          ? { at: status.lastError.at.toISOString(), message: status.lastError.message }
          : null,
        nextRunAt: status?.nextRun?.at.toISOString() ?? '',
        encrypted: options.passphraseStore.isSet(),
        passphraseUnavailable: options.passphraseStore.unavailableReason() ?? '',
      };
    },
    backUpNow: () => (scheduler ? scheduler.backUpNow() : Promise.resolve(notConfigured())),
    async list() {
      if (folder() === '') return [];
      const listings = await listBackups(folder(), options.config().deskId);
      return listings.map((listing) => ({
        name: listing.name,
        createdAt: listing.createdAt.toISOString(),
        bytes: listing.info?.fileBytes ?? 0,
        encrypted: listing.info?.encrypted ?? false,
        readable: listing.info !== null,
        problem: listing.problem ?? '',
      }));
    },
    restart: start,
    async atQuit() {
      await scheduler?.atQuit();
    },
    stop() {
      scheduler?.stop();
      scheduler = null;
    },
    setPassphrase: (passphrase) => options.passphraseStore.save(passphrase),
    savedPassphrase: () => options.passphraseStore.load(),
    clearPassphrase: () => options.passphraseStore.clear(),
  };
}
