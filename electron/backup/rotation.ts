// Which backups to delete: a pure decision over the file names in the folder.
// Grandfather-father-son: keep the newest backup of each of the last N days,
// weeks and months that have backups (days the PC was off do not use up slots).
// Never deletes the newest good backup, files of other desks, files it cannot
// parse as its own (they are not ours), bad files (left for a person to look at)
// or files dated in the future (a clock was wrong; better keep them).
import { parseBackupFileName } from './file-name.ts';
import type { BackupFileName } from './file-name.ts';
import { localDateKey, localIsoWeekKey, localMonthKey } from './local-time.ts';

export interface RetentionPolicy {
  readonly daily: number;
  readonly weekly: number;
  readonly monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface RotationCandidate {
  readonly name: string;
  /** False when the file is known to be unreadable; such files never fill a slot and are never deleted here. */
  readonly good?: boolean;
}

export interface RotationInput {
  readonly files: readonly RotationCandidate[];
  readonly deskId: string;
  readonly policy?: RetentionPolicy;
  readonly timeZone: string;
  readonly now: Date;
}

export interface RotationPlan {
  readonly keep: string[];
  readonly remove: string[];
}

function newestFirst(a: BackupFileName, b: BackupFileName): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || b.sequence - a.sequence;
}

export function planRotation({
  files,
  deskId,
  policy = DEFAULT_RETENTION,
  timeZone,
  now,
}: RotationInput): RotationPlan {
  const candidates: BackupFileName[] = [];
  const protectedNames: string[] = [];
  for (const file of files) {
    const parsed = parseBackupFileName(file.name);
    if (!parsed || parsed.deskId !== deskId) continue; // not ours to judge
    if (file.good === false || parsed.createdAt.getTime() > now.getTime())
      protectedNames.push(file.name);
    else candidates.push(parsed);
  }
  candidates.sort(newestFirst);

  const keep = new Set<string>();
  const newest = candidates[0];
  if (newest) keep.add(newest.name);
  const rules: [number, (d: Date) => string][] = [
    [policy.daily, (d) => localDateKey(d, timeZone)],
    [policy.weekly, (d) => localIsoWeekKey(d, timeZone)],
    [policy.monthly, (d) => localMonthKey(d, timeZone)],
  ];
  for (const [limit, periodOf] of rules) {
    const periods = new Set<string>();
    for (const backup of candidates) {
      if (periods.size >= limit) break;
      const period = periodOf(backup.createdAt);
      if (periods.has(period)) continue;
      periods.add(period);
      keep.add(backup.name);
    }
  }
  return {
    keep: [...candidates.filter((c) => keep.has(c.name)).map((c) => c.name), ...protectedNames],
    remove: candidates.filter((c) => !keep.has(c.name)).map((c) => c.name),
  };
}
