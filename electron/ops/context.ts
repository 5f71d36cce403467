import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { StorageKind } from '../db/choose-storage.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';
import type { DeskBackups } from '../app/desk-backups.ts';
import type { DeskConfig } from '../app/desk-config.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { ImportService } from '../import/import-service.ts';
import type { SetupHooks } from './handlers/setup-hooks.ts';
import type { SyncService } from '../sync/sync-service.ts';
import type { Caller, HostFunctions } from './host.ts';

/** What every operation handler may use: the database, the desk, the clock and ids. */
export interface OperationContext {
  db: PunchcardDatabase;
  deskId: string;
  /** The signed-in staff member ('' for the few operations open to nobody signed in). */
  staffId: string;
  /** Who is signed in at this desk; the dispatcher admits operations by it. */
  auth: AuthService;
  now: () => Date;
  newId: () => string;
  appVersion: string;
  dataDirectory: string;
  storageKind: StorageKind;
  /** Runs ledger commands and answers from the journal's projections. */
  ledger: LedgerService;
  backups: DeskBackups;
  /** Sync between desks through the clinic's CouchDB server (off by default). */
  sync: SyncService;
  deskConfig: { get(): DeskConfig; set(next: DeskConfig): void };
  /** Import jobs (moving in from another practice system). */
  imports: ImportService;
  /** First run: restore and the demo clinic replace the store, then need a restart. */
  setup: SetupHooks;
  /** What the hosting application can do (Electron: PDFs); empty in the harness and tests. */
  host: HostFunctions;
  /** The window this operation came from, when the host said (Electron's IPC does). */
  caller?: Caller;
}
