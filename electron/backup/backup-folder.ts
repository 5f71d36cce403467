// The backup folder as a list: our files (by name), each with its header when
// readable. Used for the Settings list, for rotation and to find the last good
// backup at start-up. Files that are not ours are ignored, never touched.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseBackupFileName } from './file-name.ts';
import { inspectBackup } from './read-backup.ts';
import type { BackupInfo } from './read-backup.ts';
import { planRotation } from './rotation.ts';
import type { RetentionPolicy } from './rotation.ts';

export interface BackupListing {
  readonly name: string;
  readonly file: string;
  readonly deskId: string;
  readonly createdAt: Date;
  readonly sequence: number;
  /** Header and size check only; null when the file cannot be read as a backup. */
  readonly info: BackupInfo | null;
  readonly problem: string | null;
}

/** Our backups in `dir`, newest first (optionally of one desk). Missing folder -> empty list. */
export async function listBackups(dir: string, deskId?: string): Promise<BackupListing[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const listings: BackupListing[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed || (deskId !== undefined && parsed.deskId !== deskId)) continue;
    const file = path.join(dir, name);
    let info: BackupInfo | null = null;
    let problem: string | null = null;
    try {
      info = await inspectBackup(file);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    listings.push({ ...parsed, file, info, problem });
  }
  return listings.sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.sequence - a.sequence,
  );
}

/** Creation time of the newest readable backup of the desk, or null. */
export async function lastGoodBackupAt(dir: string, deskId: string): Promise<Date | null> {
  const newest = (await listBackups(dir, deskId)).find((listing) => listing.info !== null);
  return newest?.createdAt ?? null;
}

export interface RotateFolderOptions {
  readonly deskId: string;
  readonly timeZone: string;
  readonly now: Date;
  readonly policy?: RetentionPolicy | undefined;
}

/** Applies the retention policy to the desk's backups in `dir`; returns the deleted names. */
export async function rotateBackupFolder(
  dir: string,
  options: RotateFolderOptions,
): Promise<string[]> {
  const listings = await listBackups(dir, options.deskId);
  const plan = planRotation({
    files: listings.map((listing) => ({ name: listing.name, good: listing.info !== null })),
    deskId: options.deskId,
    timeZone: options.timeZone,
    now: options.now,
    ...(options.policy ? { policy: options.policy } : {}),
  });
  for (const name of plan.remove) await fsp.rm(path.join(dir, name), { force: true });
  await removeStalePartials(dir, options.deskId, options.now);
  return plan.remove;
}

const STALE_PARTIAL_MS = 60 * 60_000;

/**
 * A crash mid-write leaves `.<backup name>.partial`; this desk's such files that
 * are over an hour old are debris (a run in progress is never that old).
 */
async function removeStalePartials(dir: string, deskId: string, now: Date): Promise<void> {
  for (const name of await fsp.readdir(dir)) {
    const match = /^\.(.+)\.partial$/.exec(name);
    const parsed = match?.[1] ? parseBackupFileName(match[1]) : null;
    if (!parsed || parsed.deskId !== deskId) continue;
    const stat = await fsp.stat(path.join(dir, name)).catch(() => null);
    if (stat && now.getTime() - stat.mtimeMs > STALE_PARTIAL_MS)
      await fsp.rm(path.join(dir, name), { force: true });
  }
}
