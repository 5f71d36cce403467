// A desk in its own process, for the test that runs desks apart: the
// application's full set of collections (with the declared conflict rule) in
// memory, syncing to the server named on the command line. The parent sends
// commands over the IPC channel and gets answers back.
import { randomUUID } from 'node:crypto';
import { createRxDatabase, type RxCollection } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { collectionSchemas, type PunchcardCollections } from '../../../shared/db/collections.ts';
import { createConflictAuditTrail } from '../conflict-audit.ts';
import { withConflictHandlers } from '../conflict-handler.ts';
import { startSyncSession } from '../sync-session.ts';
import { contentsOf } from './desk.ts';

type Command =
  | { type: 'insert'; collection: string; doc: Record<string, unknown> }
  | { type: 'contents' }
  | { type: 'wait-in-sync' }
  | { type: 'stop' };

const [serverUrl, databasePrefix, username, password] = process.argv.slice(2);
if (!serverUrl || !databasePrefix || !username || password === undefined) {
  throw new Error('usage: desk-process.ts <serverUrl> <prefix> <username> <password>');
}

const db = await createRxDatabase<PunchcardCollections>({
  name: `desk-child-${randomUUID()}`,
  storage: getRxStorageMemory(),
  multiInstance: false,
});
await db.addCollections(withConflictHandlers(collectionSchemas, createConflictAuditTrail()));
const session = startSyncSession({
  db,
  target: { serverUrl, databasePrefix },
  credentials: { username, password },
  timing: { answerTimeoutMs: 2_000, heartbeatMs: 1_000, retryBaseMs: 50, retryMaxMs: 400 },
});

const reply = (message: unknown) => process.send?.(message);

process.on('message', (raw) => {
  const command = raw as Command & { requestId: number };
  void (async () => {
    try {
      switch (command.type) {
        case 'insert': {
          const collection = (db.collections as unknown as Record<string, RxCollection>)[
            command.collection
          ];
          if (!collection) throw new Error(`No collection ${command.collection}`);
          await collection.insert(command.doc);
          return reply({ requestId: command.requestId, ok: true });
        }
        case 'contents':
          return reply({ requestId: command.requestId, ok: true, value: await contentsOf(db) });
        case 'wait-in-sync':
          await session.waitForInSync(20_000);
          return reply({ requestId: command.requestId, ok: true, value: session.status() });
        case 'stop':
          await session.stop();
          await db.remove();
          reply({ requestId: command.requestId, ok: true });
          return process.disconnect();
      }
    } catch (error) {
      reply({ requestId: command.requestId, ok: false, error: String(error) });
    }
  })();
});
reply({ ready: true, collections: Object.keys(db.collections).sort() });
