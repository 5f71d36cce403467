// The renderer's database: the same collections as the main process's, read
// through the remote storage. Writes to application collections are refused by
// the main process; changes go through operations.
import { createRxDatabase, type RxStorage } from 'rxdb';
import {
  DATABASE_NAME,
  collectionSchemas,
  type PunchcardCollections,
  type PunchcardDatabase,
} from './collections.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the remote storage's internals are opaque here
export async function openReaderDatabase(storage: RxStorage<any, any>): Promise<PunchcardDatabase> {
  const db = await createRxDatabase<PunchcardCollections>({
    name: DATABASE_NAME,
    storage,
    multiInstance: false,
  });
  await db.addCollections(collectionSchemas);
  return db;
}
