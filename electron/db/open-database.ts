// Creates the main process's RxDatabase with every application collection,
// each with the declared conflict rule sync needs (electron/sync): the latest
// `updatedAt` wins and the losing version goes to the conflict audit trail.
import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import {
  DATABASE_NAME,
  collectionSchemas,
  type PunchcardCollections,
  type PunchcardDatabase,
} from '../../shared/db/collections.ts';
import { createConflictAuditTrail, type ConflictAuditTrail } from '../sync/conflict-audit.ts';
import { withConflictHandlers } from '../sync/conflict-handler.ts';

let devModeAdded = false;

export interface OpenDatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- storages differ in their internals
  storage: RxStorage<any, any>;
  /** Dev-mode checks and schema validation: on in development and tests only (they cost time). */
  devMode: boolean;
  /** Where conflicts sync resolves are kept (in memory only when not given). */
  conflictAudit?: ConflictAuditTrail;
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
  await db.addCollections(
    withConflictHandlers(collectionSchemas, options.conflictAudit ?? createConflictAuditTrail()),
  );
  return db;
}
