// Where the desk's database lives inside a data directory. The one place that
// names the file, so the app, the CLI and restore agree.
import fs from 'node:fs';
import path from 'node:path';

export const DATA_FILE_NAME = 'punchcard.sqlite';

/**
 * Accepts a data directory or the database file itself. An existing directory,
 * or a path that does not end in `.sqlite`/`.db`, is taken as a directory.
 */
export function resolveDataFile(dirOrFile: string): string {
  const absolute = path.resolve(dirOrFile);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return path.join(absolute, DATA_FILE_NAME);
  if (stat?.isFile() || /\.(sqlite|db)$/i.test(absolute)) return absolute;
  return path.join(absolute, DATA_FILE_NAME);
}

/** The side files SQLite keeps next to a database in WAL mode (and the old rollback journal). */
export function sqliteSideFiles(dataFile: string): string[] {
  return [`${dataFile}-wal`, `${dataFile}-shm`, `${dataFile}-journal`];
}
