// The one place that decides which RxDB storage the app runs on: the durable
// SQLite file in the app, memory for tests that do not need durability.
import type { RxStorage } from 'rxdb';
import { join } from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSqlite } from '../storage/sqlite/index.ts';
import { DATA_FILE_NAME } from '../backup/data-path.ts';

export type StorageKind = 'memory' | 'sqlite';

export interface StorageChoice {
  kind: StorageKind;
  /** Directory holding the desk's data files (the SQLite storage keeps its file here). */
  dataDirectory: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- storages differ in their internals
export function chooseStorage(choice: StorageChoice): RxStorage<any, any> {
  switch (choice.kind) {
    case 'memory':
      return getRxStorageMemory();
    case 'sqlite':
      // One durable file per desk, the file the backups snapshot.
      return getRxStorageSqlite({ filePathFor: () => join(choice.dataDirectory, DATA_FILE_NAME) });
  }
}
