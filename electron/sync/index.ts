// Sync between desks through a clinic's CouchDB server (DESIGN.md §5).
// The main process holds one SyncService; collections are created with
// withConflictHandlers(...) so the declared conflict rule applies.
export {
  createSyncService,
  defaultSyncSettings,
  type SyncService,
  type SyncSettings,
} from './sync-service.ts';
export {
  startSyncSession,
  defaultSyncTiming,
  type SyncSession,
  type SyncTiming,
} from './sync-session.ts';
export {
  describeSyncStatus,
  reduceSync,
  statusOf,
  initialSyncModel,
  type SyncStatus,
  type SyncEvent,
  type SyncModel,
} from './status.ts';
export { SyncFailure, type SyncFailureKind } from './failures.ts';
export {
  latestUpdateWinsConflictHandler,
  withConflictHandlers,
  compareVersions,
  hasDeclaredConflictRule,
} from './conflict-handler.ts';
export {
  createConflictAuditTrail,
  type ConflictAuditTrail,
  type ConflictRecord,
} from './conflict-audit.ts';
export {
  createSafeStorageCredentialStore,
  createMemoryCredentialStore,
  whyCredentialsCannotBeStored,
  CredentialStorageUnavailable,
  type CredentialStore,
  type SafeStorageLike,
} from './credential-store.ts';
export type { SyncCredentials } from './guarded-fetch.ts';
export { couchDatabaseFor, problemsWithTarget, type SyncTarget } from './couch-names.ts';
