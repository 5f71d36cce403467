// The command line's way into a desk's data directory: open its database (the same
// storage the app uses), run, and close it again.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PunchcardDatabase } from '../../../shared/db/collections.ts';
import { DATA_FILE_NAME } from '../../backup/data-path.ts';
import { chooseStorage } from '../../db/choose-storage.ts';
import { openDatabase } from '../../db/open-database.ts';
import { UsageError } from '../../backup/cli/command.ts';

export async function withDataDirectory<T>(
  dir: string,
  work: (db: PunchcardDatabase, dataDirectory: string) => Promise<T>,
): Promise<T> {
  const dataDirectory = resolve(dir);
  if (!existsSync(join(dataDirectory, DATA_FILE_NAME))) {
    throw new UsageError(`No Punchcard database in ${dataDirectory} (expected ${DATA_FILE_NAME}).`);
  }
  const db = await openDatabase({
    storage: chooseStorage({ kind: 'sqlite', dataDirectory }),
    devMode: false,
  });
  try {
    return await work(db, dataDirectory);
  } finally {
    await db.close();
  }
}
