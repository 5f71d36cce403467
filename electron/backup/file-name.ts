// Backup file names: `punchcard-<desk>-20261121T210000Z.pcbak`. They sort by
// time within a desk, say what they are, and are the only files rotation will
// ever delete (anything else in the folder is not ours).

export const BACKUP_EXTENSION = '.pcbak';
const PREFIX = 'punchcard-';
const DESK_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const NAME = /^punchcard-([A-Za-z0-9][A-Za-z0-9_-]{0,63})-(\d{8}T\d{6}Z)(?:-(\d{1,3}))?\.pcbak$/;

export interface BackupFileName {
  readonly name: string;
  readonly deskId: string;
  readonly createdAt: Date;
  /** Disambiguates two backups of one desk within the same second (0 for the first). */
  readonly sequence: number;
}

export function isValidDeskId(deskId: string): boolean {
  return DESK_ID.test(deskId);
}

export function compactUtc(date: Date): string {
  // 2026-11-21T21:00:00.000Z -> 20261121T210000Z
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function backupFileName(deskId: string, createdAt: Date, sequence = 0): string {
  if (!isValidDeskId(deskId)) {
    throw new Error(
      `Desk id ${JSON.stringify(deskId)} cannot be used in a file name (letters, digits, - and _ only).`,
    );
  }
  const suffix = sequence > 0 ? `-${sequence}` : '';
  return `${PREFIX}${deskId}-${compactUtc(createdAt)}${suffix}${BACKUP_EXTENSION}`;
}

/** Parses a name this app wrote; anything else (including near misses) is `null`. */
export function parseBackupFileName(name: string): BackupFileName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, deskId, stamp, sequence] = match;
  if (deskId === undefined || stamp === undefined) return null;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  const createdAt = new Date(iso);
  // Reject impossible dates such as 20261341T...: they would not round-trip.
  if (Number.isNaN(createdAt.getTime()) || compactUtc(createdAt) !== stamp) return null;
  return { name, deskId, createdAt, sequence: sequence === undefined ? 0 : Number(sequence) };
}
