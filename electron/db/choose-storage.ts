// The one place that decides which RxDB storage the app runs on.
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';

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
      throw new Error('The SQLite storage is not wired in yet.');
  }
}
