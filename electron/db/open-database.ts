// Creates the main process's RxDatabase with every application collection.
import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import {
  DATABASE_NAME,
  collectionSchemas,
  type PunchcardCollections,
  type PunchcardDatabase,
} from '../../shared/db/collections.ts';

let devModeAdded = false;

export interface OpenDatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- storages differ in their internals
  storage: RxStorage<any, any>;
  /** Dev-mode checks and schema validation: on in development and tests only (they cost time). */
  devMode: boolean;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<PunchcardDatabase> {
  if (options.devMode && !devModeAdded) {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    devModeAdded = true;
  }
  const storage = options.devMode
    ? wrappedValidateAjvStorage({ storage: options.storage })
    : options.storage;
  const db = await createRxDatabase<PunchcardCollections>({
    name: DATABASE_NAME,
    storage,
    multiInstance: false,
    closeDuplicates: true,
  });
  await db.addCollections(collectionSchemas);
  return db;
}
