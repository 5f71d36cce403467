// The sync status shown in the status bar, as a pure model: events from the
// sync session go through `reduceSync`, and `statusOf` derives what to show.
// Keeping it pure lets every transition be unit-tested without a server.
import type { SyncFailure, SyncFailureKind } from './failures.ts';

export type SyncStatus =
  | { state: 'off' }
  | { state: 'offline'; reason: string }
  | { state: 'connecting' }
  | { state: 'syncing'; documents: number; pending?: number }
  | { state: 'up-to-date' }
  | { state: 'error'; kind: SyncFailureKind; reason: string };

export interface SyncModel {
  enabled: boolean;
  /** Replications run (the databases exist and were checked). */
  replicating: boolean;
  /** The latest answer from the server: unknown until the first one. */
  connection: { ok: true } | { ok: false; failure: Pick<SyncFailure, 'kind' | 'message'> } | null;
  /** Collections whose replication is moving documents right now, sorted. */
  activeCollections: readonly string[];
  /** Documents moved (either way) since the current burst of activity began. */
  documentsThisBurst: number;
  /** Changes the server says are still waiting (CouchDB's `pending`), when known. */
  pending: number | undefined;
}

export type SyncEvent =
  | { type: 'started' }
  | { type: 'stopped' }
  | { type: 'replicating' }
  | { type: 'request-succeeded' }
  | { type: 'request-failed'; failure: Pick<SyncFailure, 'kind' | 'message'> }
  | { type: 'activity'; collection: string; active: boolean }
  | { type: 'documents-moved'; count: number }
  | { type: 'pending-reported'; pending: number };

export const initialSyncModel: SyncModel = {
  enabled: false,
  replicating: false,
  connection: null,
  activeCollections: [],
  documentsThisBurst: 0,
  pending: undefined,
};

export function reduceSync(model: SyncModel, event: SyncEvent): SyncModel {
  switch (event.type) {
    case 'started':
      return { ...initialSyncModel, enabled: true };
    case 'stopped':
      return initialSyncModel;
    case 'replicating':
      return model.enabled ? { ...model, replicating: true } : model;
    case 'request-succeeded':
      if (!model.enabled) return model;
      return model.connection?.ok === true ? model : { ...model, connection: { ok: true } };
    case 'request-failed':
      if (!model.enabled) return model;
      return { ...model, connection: { ok: false, failure: event.failure } };
    case 'activity': {
      if (!model.enabled) return model;
      const others = model.activeCollections.filter((name) => name !== event.collection);
      const activeCollections = event.active ? [...others, event.collection].sort() : others;
      const burstEnded = activeCollections.length === 0;
      return {
        ...model,
        activeCollections,
        documentsThisBurst: burstEnded ? 0 : model.documentsThisBurst,
        pending: burstEnded ? undefined : model.pending,
      };
    }
    case 'documents-moved':
      if (!model.enabled) return model;
      return { ...model, documentsThisBurst: model.documentsThisBurst + event.count };
    case 'pending-reported':
      if (!model.enabled) return model;
      return { ...model, pending: event.pending };
  }
}

export function statusOf(model: SyncModel): SyncStatus {
  if (!model.enabled) return { state: 'off' };
  const connection = model.connection;
  if (connection !== null && !connection.ok) {
    return connection.failure.kind === 'unreachable'
      ? { state: 'offline', reason: connection.failure.message }
      : { state: 'error', kind: connection.failure.kind, reason: connection.failure.message };
  }
  if (connection === null || !model.replicating) return { state: 'connecting' };
  if (model.activeCollections.length > 0) {
    return model.pending === undefined
      ? { state: 'syncing', documents: model.documentsThisBurst }
      : { state: 'syncing', documents: model.documentsThisBurst, pending: model.pending };
  }
  return { state: 'up-to-date' };
}

/** One line for the status bar. */
export function describeSyncStatus(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return 'Sync is off';
    case 'offline':
      return `Offline: ${status.reason}`;
    case 'connecting':
      return 'Connecting to the sync server…';
    case 'syncing': {
      const moved = `${status.documents} ${status.documents === 1 ? 'document' : 'documents'} so far`;
      return status.pending === undefined
        ? `Syncing (${moved})`
        : `Syncing (${moved}, ${status.pending} waiting)`;
    }
    case 'up-to-date':
      return 'Up to date';
    case 'error':
      return `Sync error: ${status.reason}`;
  }
}

export function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
