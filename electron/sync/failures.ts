// Why a request to the sync server failed, in words a receptionist can act on.
// Every failure the guarded fetch sees becomes one of these kinds; the status
// model shows `unreachable` as "offline" and every other kind as an error.

export type SyncFailureKind =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-couchdb'
  | 'server-error'
  | 'missing-database'
  | 'rejected-document'
  | 'not-configured';

export class SyncFailure extends Error {
  readonly kind: SyncFailureKind;
  constructor(kind: SyncFailureKind, message: string) {
    super(message);
    this.name = 'SyncFailure';
    this.kind = kind;
  }
}

export function secondsText(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

export const failures = {
  unreachable: (detail: string) =>
    new SyncFailure('unreachable', `The server cannot be reached (${detail}).`),
  timeout: (ms: number) =>
    new SyncFailure('timeout', `The server did not answer in ${secondsText(ms)}.`),
  unauthorized: () =>
    new SyncFailure('unauthorized', 'The server refused the user name or password.'),
  forbidden: (database: string) =>
    new SyncFailure(
      'forbidden',
      `The server does not let this user use the database "${database}".`,
    ),
  notCouchDb: () =>
    new SyncFailure('not-couchdb', 'The server answered with something that is not CouchDB.'),
  serverError: (status: number) =>
    new SyncFailure('server-error', `The server reported an error (HTTP ${status}).`),
  missingDatabase: (database: string) =>
    new SyncFailure(
      'missing-database',
      `The database "${database}" does not exist on the server and this user may not create it.`,
    ),
  rejectedDocument: (reason: string) =>
    new SyncFailure('rejected-document', `The server refused a document: ${reason}.`),
};

/** Turns what `fetch` threw (a network error) into a failure; never mentions credentials. */
export function failureFromNetworkError(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'unknown host name'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
          ? 'the connection was cut'
          : code === 'ENETUNREACH' || code === 'EHOSTUNREACH'
            ? 'no network route to it'
            : code !== undefined
              ? code
              : 'network error';
  return failures.unreachable(detail);
}
