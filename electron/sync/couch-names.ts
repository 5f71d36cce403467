// Where each collection lives on the server: one CouchDB database per
// collection, named `<prefix>-<collection>`. CouchDB database names allow only
// lower-case letters, digits and _$()+-/ so camelCase collection names become
// snake_case (`journalEntries` → `journal_entries`).

export interface SyncTarget {
  /** The server's address, e.g. https://couch.clinic.example:6984 (no user name or password in it). */
  serverUrl: string;
  /** Names this clinic's databases on the server, e.g. "northside". */
  databasePrefix: string;
}

const couchDatabaseName = /^[a-z][a-z0-9_$()+/-]*$/;

export function couchDatabaseFor(prefix: string, collectionName: string): string {
  const snake = collectionName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return `${prefix}-${snake}`;
}

/** The problems with a target, in words (empty when it is usable). */
export function problemsWithTarget(target: SyncTarget): string[] {
  const problems: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(target.serverUrl);
  } catch {
    problems.push(
      'The server address is not a web address (for example https://couch.example.org:6984).',
    );
  }
  if (url !== undefined) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      problems.push(
        'The server address must start with https:// (or http:// on this computer only).',
      );
    }
    if (url.username !== '' || url.password !== '') {
      problems.push(
        'Put the user name and password in their own fields, not in the server address.',
      );
    }
    if (url.search !== '' || url.hash !== '') {
      problems.push('The server address must not contain ? or #.');
    }
  }
  if (!couchDatabaseName.test(target.databasePrefix)) {
    problems.push(
      'The database prefix must start with a lower-case letter and use only lower-case letters, digits, _ and -.',
    );
  }
  return problems;
}

/** The database's address with a trailing slash, as the CouchDB replication expects. */
export function databaseUrl(target: SyncTarget, database: string): string {
  const base = target.serverUrl.endsWith('/') ? target.serverUrl : `${target.serverUrl}/`;
  return `${base}${encodeURIComponent(database)}/`;
}

/** Fails when two collections would share one database (e.g. `aB` and `a_b`). */
export function databasesFor(
  prefix: string,
  collectionNames: readonly string[],
): Map<string, string> {
  const byCollection = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const name of collectionNames) {
    const database = couchDatabaseFor(prefix, name);
    const clash = seen.get(database);
    if (clash !== undefined) {
      throw new Error(
        `The collections "${clash}" and "${name}" would share the server database "${database}".`,
      );
    }
    seen.set(database, name);
    byCollection.set(name, database);
  }
  return byCollection;
}
