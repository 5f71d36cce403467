// Child process for the crash test and the soak script: writes through the
// storage in a loop and reports each write on stdout only after bulkWrite()
// has resolved, i.e. after the app would have told a person "saved". The
// parent kills it with SIGKILL at a random moment and checks that every
// reported write survived.
//
// Usage: node crash-child.ts <database file> <writer tag>
// Output lines: "ready", then "insert <id>" and "counter <value>".

import { randomToken } from 'rxdb/plugins/core';
import type { RxDocumentData } from 'rxdb/plugins/core';
import { COUNTER_ID, crashSchema } from './crash-schema.ts';
import type { Entry } from './crash-schema.ts';
import { getRxStorageSqlite } from './index.ts';

function doc(entry: Entry, previous?: RxDocumentData<Entry>): RxDocumentData<Entry> {
  const generation = previous ? Number(previous._rev.split('-')[0]) + 1 : 1;
  return {
    ...entry,
    _deleted: false,
    _rev: `${generation}-${randomToken(6)}`,
    _attachments: {},
    _meta: { lwt: Date.now() },
  };
}

async function main(): Promise<void> {
  const [path, tag] = process.argv.slice(2);
  if (!path || !tag) throw new Error('usage: crash-child.ts <database file> <writer tag>');
  const storage = getRxStorageSqlite({ filePathFor: () => path });
  const entries = await storage.createStorageInstance<Entry>({
    databaseInstanceToken: randomToken(10),
    databaseName: 'crash',
    collectionName: 'entries',
    schema: crashSchema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  const write = (line: string) => process.stdout.write(`${line}\n`);
  write('ready');
  for (let i = 0; ; i++) {
    // A bulk of new entries (one transaction) ...
    const size = 1 + (i % 3);
    const rows = Array.from({ length: size }, (_, j) => ({
      document: doc({ id: `${tag}-${i}-${j}`, kind: 'visit', value: i }),
    }));
    const inserted = await entries.bulkWrite(rows, 'crash-insert');
    if (inserted.error.length > 0)
      throw new Error(`insert failed: ${JSON.stringify(inserted.error[0])}`);
    for (const row of rows) write(`insert ${row.document.id}`);
    // ... and an update of one shared document, whose value only grows.
    const [current] = await entries.findDocumentsById([COUNTER_ID], true);
    const value = (current?.value ?? 0) + 1;
    const updated = await entries.bulkWrite(
      [{ previous: current, document: doc({ id: COUNTER_ID, kind: 'counter', value }, current) }],
      'crash-update',
    );
    if (updated.error.length > 0)
      throw new Error(`update failed: ${JSON.stringify(updated.error[0])}`);
    write(`counter ${value}`);
  }
}

await main();
