// What the main process holds: sync is off by default; `apply(settings)`
// turns it on, off, or points it elsewhere; the status observable outlives
// sessions, so the status bar subscribes once. Credentials come from the
// credential store and nowhere else.
import { BehaviorSubject, distinctUntilChanged, type Observable, type Subscription } from 'rxjs';
import type { RxDatabase } from 'rxdb';
import type { CredentialStore } from './credential-store.ts';
import type { SyncCredentials } from './guarded-fetch.ts';
import { problemsWithTarget } from './couch-names.ts';
import { sameStatus, type SyncStatus } from './status.ts';
import { startSyncSession, type SyncSession, type SyncSessionOptions } from './sync-session.ts';

export interface SyncSettings {
  enabled: boolean;
  serverUrl: string;
  databasePrefix: string;
}

/** A desk alone needs no server. */
export const defaultSyncSettings: SyncSettings = {
  enabled: false,
  serverUrl: '',
  databasePrefix: '',
};

export interface SyncServiceOptions extends Pick<
  SyncSessionOptions,
  'timing' | 'replicates' | 'batchSize' | 'baseFetch'
> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's collections
  db: RxDatabase<any>;
  credentialStore: CredentialStore;
}

export interface SyncService {
  readonly status$: Observable<SyncStatus>;
  status(): SyncStatus;
  /**
   * Starts, stops or restarts sync to match the settings; with credentials,
   * saves them first (refused, and nothing changed, where they cannot be
   * stored safely).
   */
  apply(settings: SyncSettings, credentials?: SyncCredentials): Promise<void>;
  /** Whether a user name and password are saved (never what they are). */
  credentialsSaved(): Promise<boolean>;
  /** Saves new credentials (refused where they cannot be encrypted) and reconnects if sync is on. */
  setCredentials(credentials: SyncCredentials): Promise<void>;
  /** See SyncSession.waitForInSync; rejects when sync is off. */
  waitForInSync(timeoutMs?: number): Promise<void>;
  /** The running session, if any (for tests and measurements). */
  session(): SyncSession | undefined;
  stop(): Promise<void>;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const status = new BehaviorSubject<SyncStatus>({ state: 'off' });
  let settings: SyncSettings = defaultSyncSettings;
  let session: SyncSession | undefined;
  let forwarding: Subscription | undefined;
  let queue: Promise<void> = Promise.resolve();
  let saved: boolean | undefined;

  const notConfigured = (reason: string): SyncStatus => ({
    state: 'error',
    kind: 'not-configured',
    reason,
  });

  async function stopSession(): Promise<void> {
    const running = session;
    session = undefined;
    forwarding?.unsubscribe();
    forwarding = undefined;
    if (running) await running.stop();
  }

  async function reconcile(): Promise<void> {
    await stopSession();
    if (!settings.enabled) {
      status.next({ state: 'off' });
      return;
    }
    const target = { serverUrl: settings.serverUrl, databasePrefix: settings.databasePrefix };
    const problems = problemsWithTarget(target);
    if (problems.length > 0) {
      status.next(notConfigured(problems.join(' ')));
      return;
    }
    let credentials: SyncCredentials | undefined;
    try {
      credentials = await options.credentialStore.load();
      saved = credentials !== undefined;
    } catch (error) {
      status.next(notConfigured((error as Error).message));
      return;
    }
    if (credentials === undefined) {
      status.next(notConfigured('No user name and password are saved for the sync server.'));
      return;
    }
    const started = startSyncSession({
      db: options.db,
      target,
      credentials,
      ...(options.timing ? { timing: options.timing } : {}),
      ...(options.replicates ? { replicates: options.replicates } : {}),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.baseFetch ? { baseFetch: options.baseFetch } : {}),
    });
    session = started;
    forwarding = started.status$.subscribe((next) => {
      if (session === started) status.next(next);
    });
  }

  // Changes run one after another, so quick toggles never leave two sessions.
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work, work);
    return queue;
  };

  return {
    status$: status.asObservable().pipe(distinctUntilChanged(sameStatus)),
    status: () => status.getValue(),
    apply(next, credentials) {
      return enqueue(async () => {
        if (credentials !== undefined) {
          await options.credentialStore.save(credentials);
          saved = true;
        }
        settings = { ...next };
        await reconcile();
      });
    },
    setCredentials(credentials) {
      return enqueue(async () => {
        await options.credentialStore.save(credentials);
        saved = true;
        if (settings.enabled) await reconcile();
      });
    },
    async credentialsSaved() {
      if (saved === undefined) {
        saved = await options.credentialStore.load().then(
          (loaded) => loaded !== undefined,
          () => false,
        );
      }
      return saved;
    },
    async waitForInSync(timeoutMs) {
      await queue;
      if (session === undefined) throw new Error('Sync is off.');
      await session.waitForInSync(timeoutMs);
    },
    session: () => session,
    stop() {
      return enqueue(async () => {
        settings = defaultSyncSettings;
        await stopSession();
        status.next({ state: 'off' });
      });
    },
  };
}
