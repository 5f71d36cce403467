// The page's read-side database belongs to one sign-in. While the desk is
// locked the main process sends no data (reads refused, change events held
// back), so a database kept open across a lock would show stale caches after
// it. Instead: closed when the session ends, a fresh one opened for the next
// session. The database opened at start-up serves the first session (it has
// shown nothing yet). Opening and closing run one after another, in order.

export interface ClosableDatabase {
  close(): Promise<unknown>;
}

export interface ReaderDatabases<D extends ClosableDatabase> {
  /**
   * The database for this session (null: nobody signed in). Resolves to null for
   * nobody, or when the database could not be opened.
   */
  forSession(sessionKey: string | null): Promise<D | null>;
}

export function readerDatabases<D extends ClosableDatabase>(
  first: D,
  open: () => Promise<D>,
): ReaderDatabases<D> {
  let key: string | null | undefined; // undefined: no session seen yet
  let current: Promise<D | null> = Promise.resolve(first);
  return {
    forSession(next) {
      if (next === key) return current;
      const adoptFirst = key === undefined && next !== null;
      key = next;
      current = current.then(async (db) => {
        if (adoptFirst) return db;
        await db?.close().catch(() => undefined);
        return next === null ? null : open().catch(() => null);
      });
      return current;
    },
  };
}
