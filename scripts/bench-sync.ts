// Sync figures on loopback: initial sync of N documents from the server to an
// empty desk (documents per second), and live propagation of a new document
// from one desk to another (median of --samples). The server is the test
// CouchDB-protocol server (express-pouchdb, in memory) in this same process,
// so server and desks share the CPU.
//   node scripts/bench-sync.ts [--docs 300000] [--batch 1000] [--samples 25]
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { startCouchTestServer } from '../electron/sync/testing/couch-test-server.ts';
import { createDesk, fastTiming, makePatient } from '../electron/sync/testing/desk.ts';
import { startSyncSession } from '../electron/sync/sync-session.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '300000' },
    batch: { type: 'string', default: '1000' },
    samples: { type: 'string', default: '25' },
  },
});
const docs = Number(values.docs);
const batchSize = Number(values.batch);
const samples = Number(values.samples);
const credentials = { username: 'bench', password: 'bench-password' };
const timing = { ...fastTiming, answerTimeoutMs: 30_000, heartbeatMs: 10_000 };

const server = await startCouchTestServer({ credentials });
const target = { serverUrl: server.url, databasePrefix: `bench-${randomUUID().slice(0, 8)}` };
const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
const entriesDb = `${server.url}/${target.databasePrefix}-test_entries`;
const patientsDb = `${server.url}/${target.databasePrefix}-patients`;

async function http(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    headers: { authorization: auth, 'content-type': 'application/json' },
  });
  if (!response.ok && response.status !== 412) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

// Seed the server directly (what other desks would have pushed over time).
console.log(`Seeding ${docs} documents on the server…`);
await http(entriesDb, { method: 'PUT' });
await http(patientsDb, { method: 'PUT' });
const seedStart = performance.now();
for (let start = 0; start < docs; start += 5000) {
  const chunk = Array.from({ length: Math.min(5000, docs - start) }, (_, i) => ({
    _id: `e-${String(start + i).padStart(7, '0')}`,
    deskId: 'desk-seed',
    memo: `Session ${start + i} of a prepaid package`,
    amount: '-71.43',
  }));
  await http(`${entriesDb}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ docs: chunk }) });
}
console.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

// 1. Initial sync to an empty desk.
const empty = await createDesk('desk-new');
const syncStart = performance.now();
const session = startSyncSession({ db: empty.db, target, credentials, timing, batchSize });
for (;;) {
  const count = await empty.db.testEntries.count().exec();
  if (count >= docs) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const syncSeconds = (performance.now() - syncStart) / 1000;
console.log(
  `Initial sync: ${docs} documents in ${syncSeconds.toFixed(1)} s = ${Math.round(docs / syncSeconds)} documents/s (batch ${batchSize})`,
);
await session.stop();
await empty.close();

// 2. Live propagation between two desks.
const [a, b] = await Promise.all([createDesk('desk-a'), createDesk('desk-b')]);
const prefix2 = { ...target, databasePrefix: `${target.databasePrefix}-live` };
const sessions = [a, b].map((d) =>
  startSyncSession({ db: d.db, target: prefix2, credentials, timing }),
);
await Promise.all(sessions.map((s) => s.waitForInSync(60_000)));
await new Promise((resolve) => setTimeout(resolve, 500));
const latencies: number[] = [];
for (let i = 0; i < samples; i++) {
  const id = `live-${i}`;
  const arrived = new Promise<void>((resolve) => {
    const subscription = b.db.patients.findOne(id).$.subscribe((doc) => {
      if (doc) {
        subscription.unsubscribe();
        resolve();
      }
    });
  });
  const sent = performance.now();
  await a.db.patients.insert(makePatient(id, 'desk-a', new Date().toISOString()));
  await arrived;
  latencies.push(performance.now() - sent);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
latencies.sort((x, y) => x - y);
const median = latencies[Math.floor(latencies.length / 2)] ?? Number.NaN;
console.log(
  `Live propagation desk A → desk B: median ${median.toFixed(0)} ms over ${samples} (min ${latencies[0]?.toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms)`,
);
await Promise.all(sessions.map((s) => s.stop()));
await Promise.all([a.close(), b.close()]);
await server.close();
