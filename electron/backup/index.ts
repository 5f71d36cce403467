// The backup engine's public surface, for the main process and the CLI.
export { DATA_FILE_NAME, resolveDataFile } from './data-path.ts';
export { BackupFileError, isBackupFileError } from './errors.ts';
export type { BackupProblem } from './errors.ts';
export type { BackupManifest } from './format.ts';
export { backupFileName, parseBackupFileName } from './file-name.ts';
export type { BackupPhase, BackupProgress, ProgressListener } from './progress.ts';
export { createBackup, BackupVerificationError, DamagedSnapshotError } from './write-backup.ts';
export type { BackupResult, CreateBackupOptions, DescribeSnapshot } from './write-backup.ts';
export { inspectBackup, verifyBackup } from './read-backup.ts';
export type { BackupInfo, VerifiedBackup, VerifyOptions } from './read-backup.ts';
export { restoreBackup } from './restore.ts';
export type { RestoreOptions, RestoreResult } from './restore.ts';
export { DEFAULT_RETENTION, planRotation } from './rotation.ts';
export type { RetentionPolicy, RotationPlan } from './rotation.ts';
export { lastGoodBackupAt, listBackups, rotateBackupFolder } from './backup-folder.ts';
export type { BackupListing } from './backup-folder.ts';
export { backUpAndRotate } from './backup-service.ts';
export type { BackUpAndRotateOptions, BackUpAndRotateResult } from './backup-service.ts';
export { DEFAULT_SCHEDULE } from './schedule.ts';
export type { RunReason, ScheduleConfig } from './schedule.ts';
export { createBackupScheduler } from './scheduler.ts';
export type {
  BackupScheduler,
  RunOutcome,
  SchedulerOptions,
  SchedulerStatus,
} from './scheduler.ts';
