// Keeps RxDB's pull from writing an outdated server version over a newer one
// on the desk (a lost edit the convergence property found).
//
// RxDB's replication writes a pulled version into the desk when the desk's
// copy equals what it last knew of the server (its "assumed master state";
// otherwise the copy holds a local edit still to push). That is sound only if
// pulled versions are never older than that knowledge. With CouchDB they can
// be: a long-poll answer (or a catch-up pull) read on the server just before
// one of this desk's pushes lands reaches RxDB just after the push recorded
// the newer version as the server's. RxDB delays long-poll answers while a
// push runs, but the answer itself is older. The desk then shows the older
// version again, and records it as the server's; the next long poll usually
// repairs it, but a stop in between, or an edit made on the older version,
// makes the loss permanent (the conflict rule never sees it: no conflict).
//
// The check has to happen when the pull writes, not when the answer arrives
// (the push can complete in between), so it sits in the collection's storage
// writes: RxDB marks the pull's writes with the context
// "replication-downstream-…", and treats a 409 answer to them as "the desk's
// copy changed meanwhile", leaving it alone. Outdated rows get that answer;
// the newer revision reaches the desk with a later change from the server.
import type { RxCollection } from 'rxdb';

type Row = { document: Record<string, unknown>; previous?: Record<string, unknown> };
type Response = { error: unknown[] };
type BulkWrite = (rows: Row[], context: string) => Promise<Response>;
interface StorageInstance {
  bulkWrite: BulkWrite;
}

/** RxDB's context for writes its pull makes (replication-protocol/index.js). */
export const downstreamWriteContextPrefix = 'replication-downstream-';

const originals = new WeakMap<StorageInstance, BulkWrite>();
const checks = new WeakMap<StorageInstance, (doc: Record<string, unknown>) => boolean>();

/**
 * From now until the returned release is called, the pull's writes into
 * `collection` skip documents for which `isOutdated` holds.
 */
export function refuseOutdatedPulls(
  collection: RxCollection,
  isOutdated: (doc: Record<string, unknown>) => boolean,
): () => void {
  const instance = collection.storageInstance as unknown as StorageInstance;
  const primaryPath = collection.schema.primaryPath as string;
  if (!originals.has(instance)) {
    const original = instance.bulkWrite.bind(instance);
    originals.set(instance, original);
    instance.bulkWrite = async (rows, context) => {
      const check = checks.get(instance);
      if (check === undefined || !context.startsWith(downstreamWriteContextPrefix)) {
        return original(rows, context);
      }
      const kept: Row[] = [];
      const refused: unknown[] = [];
      for (const row of rows) {
        if (check(row.document)) {
          refused.push({
            status: 409,
            isError: true,
            documentId: String(row.document[primaryPath]),
            writeRow: row,
            documentInDb: row.previous ?? row.document,
          });
        } else {
          kept.push(row);
        }
      }
      if (refused.length === 0) return original(rows, context);
      const written = kept.length > 0 ? await original(kept, context) : { error: [] };
      // A new response object: RxDB then works out what was written from
      // the rows it passed minus the ones in error.
      return { ...written, error: [...written.error, ...refused] };
    };
  }
  checks.set(instance, isOutdated);
  return () => {
    if (checks.get(instance) === isOutdated) checks.delete(instance);
  };
}
