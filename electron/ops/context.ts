import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { StorageKind } from '../db/choose-storage.ts';
import type { DeskBackups } from '../app/desk-backups.ts';
import type { DeskConfig } from '../app/desk-config.ts';

/** What every operation handler may use: the database, the desk, the clock and ids. */
export interface OperationContext {
  db: PunchcardDatabase;
  deskId: string;
  /** The signed-in staff member (until sign-in exists, the desk's default user). */
  staffId: string;
  now: () => Date;
  newId: () => string;
  appVersion: string;
  dataDirectory: string;
  storageKind: StorageKind;
  backups: DeskBackups;
  deskConfig: { get(): DeskConfig; set(next: DeskConfig): void };
}
