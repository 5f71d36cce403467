// Progress reporting: the engine calls back with the phase it is in and how far
// through that phase it is (0..1), so the UI can draw a bar and name the step.

export type BackupPhase =
  | 'snapshot' // copying a consistent image of the live database
  | 'compress' // compressing the image
  | 'write' // (encrypting and) writing the backup file
  | 'verify' // reading the written file back and checking everything
  | 'safety-backup' // restore: backing up the current data first
  | 'replace'; // restore: swapping the database file

export interface BackupProgress {
  readonly phase: BackupPhase;
  readonly fraction: number;
}

export type ProgressListener = (progress: BackupProgress) => void;

export function reportPhase(
  listener: ProgressListener | undefined,
  phase: BackupPhase,
  done: number,
  total: number,
): void {
  if (!listener) return;
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  listener({ phase, fraction });
}
