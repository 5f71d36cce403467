// The desk's services without Electron: storage, database and operations.
// Electron's main process and the browser harness both start exactly this.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RxStorage } from 'rxdb';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import { chooseStorage, type StorageKind } from '../db/choose-storage.ts';
import { openDatabase } from '../db/open-database.ts';
import { readOnlyForRenderers } from '../db/renderer-storage.ts';
import { servedOnlyWhileSignedIn } from '../db/locked-desk-storage.ts';
import { createIdSource } from '../core/ids.ts';
import { createDispatcher, type Dispatch } from '../ops/dispatcher.ts';
import { fail } from '../../shared/contract/result.ts';
import {
  createLedgerService,
  type LedgerService,
  type LedgerServiceOptions,
} from '../ledger/ledger-service.ts';
import { clinicSnapshotPath, removeSnapshotFile } from '../ledger/clinic-snapshot.ts';
import { randomBytes } from 'node:crypto';
import { loadDeskConfig, saveDeskConfig, type DeskConfig } from './desk-config.ts';
import { createDeskBackups, type DeskBackups } from './desk-backups.ts';
import {
  createMemoryBackupPassphraseStore,
  type BackupPassphraseStore,
} from './backup-passphrase-store.ts';
import { createAuthService, type AuthService, type DevStaff } from '../auth/auth-service.ts';
import type { ScryptParameters } from '../auth/secret-hash.ts';
import { createImportService, type ImportService } from '../import/import-service.ts';
import type { SetupHooks } from '../ops/handlers/setup-hooks.ts';
import type { HostFunctions } from '../ops/host.ts';
import { createConflictAuditTrail } from '../sync/conflict-audit.ts';
import { createMemoryCredentialStore, type CredentialStore } from '../sync/credential-store.ts';
import {
  createSyncService,
  type SyncService,
  type SyncServiceOptions,
} from '../sync/sync-service.ts';

/** Versions of edited documents that lost a sync conflict, beside the database. */
export const SYNC_CONFLICTS_FILE = 'sync-conflicts.jsonl';

export interface CoreOptions {
  dataDirectory: string;
  storageKind: StorageKind;
  devMode: boolean;
  appVersion: string;
  deskId?: string;
  now?: () => Date;
  /** Tuning of the ledger's projections (tests and benchmarks). */
  ledger?: Pick<LedgerServiceOptions, 'clinic' | 'cache'>;
  /** Development and tests only: start signed in as this staff member. The app never sets it. */
  devStaff?: DevStaff;
  /** Cheaper hashing for tests; the app uses OWASP's parameters. */
  scrypt?: ScryptParameters;
  /**
   * Development and tests: a new desk counts as set up (the first-run wizard is skipped),
   * so specs start where they always did. The app never sets it; `--fresh` in the harness
   * leaves it off to test the wizard.
   */
  assumeSetUp?: boolean;
  /** A restore or the demo clinic replaced the data: restart (Electron relaunches). */
  onRestartNeeded?: (message: string) => void;
  /**
   * Where the sync server's user name and password are kept: Electron's
   * safeStorage in the app; in memory (never on disk) when not given.
   */
  credentialStore?: CredentialStore;
  /** Where the backup passphrase is kept: safeStorage in the app; in memory when not given. */
  backupPassphraseStore?: BackupPassphraseStore;
  /** Sync timing and transport (tests). */
  syncTuning?: Pick<SyncServiceOptions, 'timing' | 'baseFetch'>;
  /**
   * Electron's main process: print the calling window to a PDF file the person picks.
   * The harness and tests have none; saveAsPdf then answers in words.
   */
  printToPdf?: HostFunctions['printToPdf'];
}

export interface Core {
  db: PunchcardDatabase;
  dispatch: Dispatch;
  /**
   * The storage renderers read through: writes to application collections refused, and
   * reads of them too while nobody is signed in (a locked desk serves no data).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- storages differ in their internals
  rendererStorage: RxStorage<any, any>;
  ledger: LedgerService;
  backups: DeskBackups;
  auth: AuthService;
  sync: SyncService;
  imports: ImportService;
  close(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  // Owner-only: the folder holds health and payment data.
  mkdirSync(options.dataDirectory, { recursive: true, mode: 0o700 });
  const storage = chooseStorage({
    kind: options.storageKind,
    dataDirectory: options.dataDirectory,
  });
  const conflictAudit = createConflictAuditTrail({
    filePath: join(options.dataDirectory, SYNC_CONFLICTS_FILE),
  });
  const db = await openDatabase({ storage, devMode: options.devMode, conflictAudit });
  const now = options.now ?? (() => new Date());
  let deskConfig = loadDeskConfig(options.dataDirectory, () => options.deskId ?? newDeskId());
  const deskId = options.deskId ?? deskConfig.deskId;
  if (options.assumeSetUp && !deskConfig.setUp) {
    deskConfig = { ...deskConfig, setUp: true };
    saveDeskConfig(options.dataDirectory, deskConfig);
  }
  const backups = createDeskBackups({
    dataDirectory: options.dataDirectory,
    config: () => deskConfig,
    appVersion: options.appVersion,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    now,
    enabled: options.storageKind === 'sqlite',
    passphraseStore: options.backupPassphraseStore ?? createMemoryBackupPassphraseStore(),
  });
  await backups.restart();
  const newId = createIdSource(() => now().getTime());
  const clinicSnapshot = clinicSnapshotPath(options.dataDirectory);
  const ledger = await createLedgerService({
    db,
    deskId,
    staffId: 'system',
    now,
    newId,
    numberPrefix: () => deskConfig.numberPrefix,
    ...options.ledger,
    clinic: {
      // On disk only beside durable data: a memory database is gone when closed.
      ...(options.storageKind === 'sqlite' ? { snapshotFile: clinicSnapshot } : {}),
      ...options.ledger?.clinic,
    },
  });
  const auth = await createAuthService({
    db,
    deskId,
    dataDirectory: options.dataDirectory,
    now,
    newId,
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
    ...(options.devStaff ? { devStaff: options.devStaff } : {}),
  });
  // Off by default; the desk's file says whether and where to sync.
  const sync = createSyncService({
    db,
    credentialStore: options.credentialStore ?? createMemoryCredentialStore(),
    ...options.syncTuning,
  });
  await sync.apply(deskConfig.sync);
  const imports = createImportService({ db, ledger, deskId, now, newId });
  let closed = false;
  const closeAll = async () => {
    if (closed) return;
    closed = true;
    await sync.stop();
    await ledger.close();
    backups.stop();
    if (options.storageKind === 'memory') await db.remove();
    else await db.close();
  };
  const setup: SetupHooks = {
    restartNeeded: '',
    // Only ever before the data file is replaced (a restore, the demo clinic): the
    // clinic-wide snapshot describes the data going away, so it goes too.
    closeStore: async () => {
      await closeAll();
      await removeSnapshotFile(clinicSnapshot);
    },
    requestRestart(message) {
      setup.restartNeeded = message;
      options.onRestartNeeded?.(message);
    },
    generateDemo: async (directory) => {
      // Loaded on demand: only a desk being set up ever needs the generator.
      const { generateDemo } = await import('../../scripts/demo/generate.ts');
      const made = await generateDemo({
        size: 'small',
        seed: 1,
        dataDirectory: directory,
        endDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Sydney' }).format(now()),
        // RxDB's dev mode is process-wide: once on, every database needs validation.
        validate: options.devMode,
      });
      return { patients: made.patients };
    },
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
  };
  const runOperation = createDispatcher({
    db,
    deskId,
    staffId: '',
    auth,
    now,
    newId,
    appVersion: options.appVersion,
    dataDirectory: options.dataDirectory,
    storageKind: options.storageKind,
    ledger,
    backups,
    sync,
    imports,
    setup,
    host: options.printToPdf ? { printToPdf: options.printToPdf } : {},
    deskConfig: {
      get: () => deskConfig,
      set(next: DeskConfig) {
        saveDeskConfig(options.dataDirectory, next);
        deskConfig = next;
      },
    },
  });
  // Once a restore or the demo clinic has closed and replaced the store, only
  // the questions the restart screen asks are answered; everything else would
  // touch the closed store.
  const answeredWhileRestarting = new Set(['appInfo', 'authStatus', 'setupStatus']);
  const dispatch: Dispatch = (name, args, ...rest) =>
    setup.restartNeeded && !answeredWhileRestarting.has(name)
      ? Promise.resolve(fail('restart-needed', setup.restartNeeded))
      : runOperation(name, args, ...rest);
  return {
    db,
    dispatch,
    rendererStorage: servedOnlyWhileSignedIn(
      readOnlyForRenderers(storage),
      () => auth.current() !== null,
    ),
    ledger,
    backups,
    auth,
    sync,
    imports,
    close: closeAll,
  };
}

/** A desk id unlikely to clash with another desk's: 'desk-' and six letters/digits. */
function newDeskId(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return `desk-${Array.from(randomBytes(6), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}
