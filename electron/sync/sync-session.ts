// One run of replication between this desk and the clinic's CouchDB server:
// every collection of the database (whatever collections exist, unless
// excluded) to its own server database `<prefix>-<collection>`, live, with
// retries that back off, resuming from RxDB's stored checkpoints. The session
// owns the status model; the sync service starts and stops sessions.
//
// Limits of RxDB's CouchDB plugin, and how they are met here:
// - One long-poll connection per collection stays open. Browsers allow about
//   six connections per host, but this runs in the main process under Node,
//   whose fetch has no such limit, so every collection replicates in parallel.
// - The plugin keeps one CouchDB database per collection (documents of
//   different collections cannot share one database), hence the prefix.
// - Its retries wait a fixed `retryTime`; the back-off changes that value.
// - It reads answers without checking them; the guarded fetch does.
import { BehaviorSubject, distinctUntilChanged, type Observable, type Subscription } from 'rxjs';
import type { RxCollection, RxDatabase } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { createBackoff } from './backoff.ts';
import { databasesFor, databaseUrl, problemsWithTarget, type SyncTarget } from './couch-names.ts';
import { hasDeclaredConflictRule } from './conflict-handler.ts';
import { ensureDatabase } from './ensure-databases.ts';
import { createGuardedClient, SyncStopped, type SyncCredentials } from './guarded-fetch.ts';
import { createServerRevisions } from './server-revisions.ts';
import { refuseOutdatedPulls } from './stale-pull-guard.ts';
import {
  initialSyncModel,
  reduceSync,
  sameStatus,
  statusOf,
  type SyncEvent,
  type SyncStatus,
} from './status.ts';

export interface SyncTiming {
  /** How long the server may take to answer (and between chunks of an answer). */
  answerTimeoutMs: number;
  /** The heartbeat asked for on long polls. */
  heartbeatMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const defaultSyncTiming: SyncTiming = {
  answerTimeoutMs: 10_000,
  heartbeatMs: 20_000,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
};

export interface SyncSessionOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database's collections
  db: RxDatabase<any>;
  target: SyncTarget;
  credentials: SyncCredentials;
  timing?: Partial<SyncTiming>;
  /** Collections to leave out (desk-local ones); every other collection replicates. */
  replicates?: (collectionName: string) => boolean;
  /** Documents per pull and push request. */
  batchSize?: number;
  /** The underlying fetch; tests inject connection drops. */
  baseFetch?: typeof fetch;
}

export interface SyncSession {
  readonly status$: Observable<SyncStatus>;
  status(): SyncStatus;
  /**
   * Resolves once every collection has pushed all local changes and no pull
   * is running or retrying (RxDB's awaitInSync for each). Rejects after
   * `timeoutMs`. Changes other desks make later arrive by the live pull.
   */
  waitForInSync(timeoutMs?: number): Promise<void>;
  /** The replication per collection name, once started (for tests and measurements). */
  readonly replications: ReadonlyMap<string, RxCouchDBReplicationState<unknown>>;
  /** Lets a running exchange finish (up to `graceMs`) when the server answers, then stops. */
  stop(graceMs?: number): Promise<void>;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function startSyncSession(options: SyncSessionOptions): SyncSession {
  const problems = problemsWithTarget(options.target);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const timing = { ...defaultSyncTiming, ...options.timing };
  const replicates = options.replicates ?? (() => true);
  const collections = Object.entries(options.db.collections as Record<string, RxCollection>).filter(
    ([name]) => replicates(name),
  );
  for (const [name, collection] of collections) {
    if (!hasDeclaredConflictRule(collection.conflictHandler)) {
      throw new Error(
        `The collection "${name}" has no declared conflict rule: create it with withConflictHandlers(...) before syncing.`,
      );
    }
  }
  const databases = databasesFor(
    options.target.databasePrefix,
    collections.map(([name]) => name),
  );

  const model = new BehaviorSubject(initialSyncModel);
  const status = new BehaviorSubject<SyncStatus>(statusOf(initialSyncModel));
  const dispatch = (event: SyncEvent) => {
    model.next(reduceSync(model.getValue(), event));
    const next = statusOf(model.getValue());
    if (!sameStatus(next, status.getValue())) status.next(next);
  };

  const abort = new AbortController();
  const backoff = createBackoff({ baseMs: timing.retryBaseMs, maxMs: timing.retryMaxMs });
  const replications = new Map<string, RxCouchDBReplicationState<unknown>>();
  const setRetryTime = (ms: number) => {
    for (const replication of replications.values()) replication.retryTime = ms;
  };
  // What the server is known to hold, so the pull never writes an outdated
  // version over a newer one (stale-pull-guard.ts).
  const revisions = createServerRevisions();
  const client = createGuardedClient({
    credentials: options.credentials,
    answerTimeoutMs: timing.answerTimeoutMs,
    heartbeatMs: timing.heartbeatMs,
    signal: abort.signal,
    ...(options.baseFetch ? { baseFetch: options.baseFetch } : {}),
    report(outcome) {
      if (abort.signal.aborted) return;
      if (outcome.ok) {
        setRetryTime(backoff.afterSuccess());
        dispatch({ type: 'request-succeeded' });
      } else {
        setRetryTime(backoff.afterFailure());
        dispatch({ type: 'request-failed', failure: outcome.failure });
      }
    },
    onPending: (pending) => dispatch({ type: 'pending-reported', pending }),
    onAnswer: (url, init, body) => revisions.learn(url, init, body),
  });
  const releaseGuards = collections.map(([name, collection]) => {
    const database = databases.get(name) ?? name;
    const primaryPath = collection.schema.primaryPath as string;
    return refuseOutdatedPulls(collection, (doc) =>
      revisions.isOutdated(database, primaryPath, doc),
    );
  });

  const subscriptions: Subscription[] = [];
  dispatch({ type: 'started' });

  const ready = (async () => {
    // Check the server and create missing databases, retrying with back-off.
    for (;;) {
      if (abort.signal.aborted) return;
      try {
        for (const [name, database] of databases) {
          await ensureDatabase(client, databaseUrl(options.target, database), database ?? name);
        }
        break;
      } catch (error) {
        if (error instanceof SyncStopped || abort.signal.aborted) return;
        await abortableSleep(backoff.current(), abort.signal);
      }
    }
    for (const [name, collection] of collections) {
      const url = databaseUrl(options.target, databases.get(name) ?? name);
      const replication = replicateCouchDB<unknown>({
        // The address names the checkpoint: another server or prefix starts afresh.
        replicationIdentifier: `punchcard-couchdb:${url}`,
        collection,
        url,
        fetch: client.fetch,
        live: true,
        retryTime: backoff.current(),
        waitForLeadership: false,
        autoStart: true,
        pull: { batchSize: options.batchSize ?? 100, heartbeat: timing.heartbeatMs },
        push: { batchSize: options.batchSize ?? 100 },
      });
      replications.set(name, replication);
      subscriptions.push(
        replication.active$.subscribe((active) =>
          dispatch({ type: 'activity', collection: name, active }),
        ),
        replication.received$.subscribe(() => dispatch({ type: 'documents-moved', count: 1 })),
        replication.sent$.subscribe(() => dispatch({ type: 'documents-moved', count: 1 })),
      );
    }
    dispatch({ type: 'replicating' });
  })();

  let stopping: Promise<void> | undefined;
  return {
    status$: status.asObservable().pipe(distinctUntilChanged(sameStatus)),
    status: () => status.getValue(),
    replications,
    async waitForInSync(timeoutMs = 30_000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `Not in sync after ${timeoutMs} ms (status: ${JSON.stringify(status.getValue())}).`,
              ),
            ),
          timeoutMs,
        );
      });
      try {
        await Promise.race([
          (async () => {
            await ready;
            await Promise.all([...replications.values()].map((r) => r.awaitInSync()));
          })(),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    stop(graceMs = Math.min(2_000, timing.answerTimeoutMs)) {
      stopping ??= (async () => {
        // While the server answers, let the exchange under way finish (a
        // cancel in the middle of a conflict resolution can leave the
        // resolved version unpushed until the next start), within a bound.
        const state = status.getValue().state;
        if (state === 'syncing' || state === 'up-to-date') {
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([
            Promise.all([...replications.values()].map((r) => r.awaitInSync())).catch(
              () => undefined,
            ),
            new Promise((resolve) => {
              timer = setTimeout(resolve, graceMs);
            }),
          ]);
          clearTimeout(timer);
        }
        // In-flight requests end now (a zero retry time here would let the
        // plugin's long-poll loop spin until its cancel lands).
        abort.abort();
        await ready;
        await Promise.all([...replications.values()].map((r) => r.cancel()));
        for (const release of releaseGuards) release();
        for (const subscription of subscriptions) subscription.unsubscribe();
        dispatch({ type: 'stopped' });
        status.complete();
      })();
      return stopping;
    },
  };
}
