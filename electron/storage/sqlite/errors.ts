// Turns SQLite's terse failures into errors a person (and the app's error
// screen) can act on: which file, what went wrong, and that nothing was
// written. The original error stays attached as `cause`.

/** Raised for every failure of the SQLite storage; `path` names the file. */
export class SqliteStorageError extends Error {
  readonly path: string;
  readonly kind: SqliteFailureKind;
  constructor(message: string, path: string, kind: SqliteFailureKind, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SqliteStorageError';
    this.path = path;
    this.kind = kind;
  }
}

export type SqliteFailureKind =
  | 'not-a-database'
  | 'foreign-database'
  | 'corrupt'
  | 'disk-full'
  | 'read-only'
  | 'busy'
  | 'io'
  | 'attachments-unsupported'
  | 'schema-mismatch'
  | 'closed'
  | 'other';

// Primary result codes from sqlite3.h; node:sqlite reports the extended code
// in `errcode`, whose low byte is the primary code.
const SQLITE_BUSY = 5;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

function primaryCode(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'errcode' in error) {
    const code = (error as { errcode: unknown }).errcode;
    if (typeof code === 'number') return code & 0xff;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wraps an error thrown by node:sqlite while `doing` something with the file
 * at `path`. `rolledBack` says whether a transaction was undone, so the
 * message can promise that nothing was half-written.
 */
export function describeSqliteError(
  error: unknown,
  path: string,
  doing: string,
  rolledBack = false,
): Error {
  if (error instanceof SqliteStorageError) return error;
  const code = primaryCode(error);
  const nothingWritten = rolledBack ? ' Nothing was written.' : '';
  const detail = messageOf(error);
  switch (code) {
    case SQLITE_FULL:
      return new SqliteStorageError(
        `The disk holding ${path} is full while ${doing}.${nothingWritten} Free some space and try again. (${detail})`,
        path,
        'disk-full',
        error,
      );
    case SQLITE_READONLY:
      return new SqliteStorageError(
        `The database file ${path} is read-only while ${doing}.${nothingWritten} Check the folder's permissions. (${detail})`,
        path,
        'read-only',
        error,
      );
    case SQLITE_CANTOPEN:
      return new SqliteStorageError(
        `The database file ${path} cannot be opened while ${doing}: the folder may be missing or not writable. (${detail})`,
        path,
        'read-only',
        error,
      );
    case SQLITE_CORRUPT:
      return new SqliteStorageError(
        `The database file ${path} is damaged (found while ${doing}).${nothingWritten} Restore it from a backup. (${detail})`,
        path,
        'corrupt',
        error,
      );
    case SQLITE_NOTADB:
      return new SqliteStorageError(
        `The file ${path} is not a database (found while ${doing}); it was left untouched. (${detail})`,
        path,
        'not-a-database',
        error,
      );
    case SQLITE_BUSY:
      return new SqliteStorageError(
        `The database file ${path} is locked by another program while ${doing}.${nothingWritten} (${detail})`,
        path,
        'busy',
        error,
      );
    case SQLITE_IOERR:
      return new SqliteStorageError(
        `Reading or writing ${path} failed while ${doing}.${nothingWritten} (${detail})`,
        path,
        'io',
        error,
      );
    default:
      return new SqliteStorageError(
        `SQLite storage error on ${path} while ${doing}.${nothingWritten} (${detail})`,
        path,
        'other',
        error,
      );
  }
}
