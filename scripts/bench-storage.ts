// Benchmark of the SQLite RxStorage on a ledger-shaped collection, measured in
// the same run against RxDB's memory storage (the speed ceiling) and against
// raw node:sqlite statements over an equivalent table (the engine's limit).
//
//   npm run bench:storage                 # 300,000 documents
//   BENCH_DOCS=50000 npm run bench:storage
//
// Prints median and p95 per operation and the ratios.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import type {
  MangoQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorage,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
} from 'rxdb/plugins/core';
import {
  fillWithDefaultSettings,
  getChangedDocumentsSince,
  normalizeMangoQuery,
  prepareQuery,
  randomToken,
} from 'rxdb/plugins/core';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSqlite } from '../electron/storage/sqlite/index.ts';

type Line = { account: string; amount: string };
type Entry = {
  id: string;
  kind: string;
  patientId: string;
  occurredAt: number;
  recordedAt: number;
  deskId: string;
  memo: string;
  lines: Line[];
};
type Instance = RxStorageInstance<Entry, unknown, unknown, RxStorageDefaultCheckpoint>;

const DOCS = Number(process.env.BENCH_DOCS ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;
const BATCH = 500;
const PATIENTS = Math.max(100, Math.floor(DOCS / 10));
const KINDS = ['payment', 'visit', 'package-sale', 'refund', 'adjustment', 'transfer'];
const T0 = 1_700_000_000_000;

const schema: RxJsonSchema<RxDocumentData<Entry>> = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 32 },
    kind: { type: 'string', maxLength: 20 },
    patientId: { type: 'string', maxLength: 32 },
    occurredAt: { type: 'integer', minimum: 0, maximum: 9_999_999_999_999, multipleOf: 1 },
    recordedAt: { type: 'integer' },
    deskId: { type: 'string' },
    memo: { type: 'string' },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: { account: { type: 'string' }, amount: { type: 'string' } },
      },
    },
  },
  required: ['id', 'kind', 'patientId', 'occurredAt'],
  indexes: [
    ['patientId', 'occurredAt'],
    ['kind', 'occurredAt'],
  ],
});

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

function entryId(n: number): string {
  return `e${String(n).padStart(9, '0')}`;
}

let lwtTick = 0;
function makeEntry(n: number): RxDocumentData<Entry> {
  const amount = `${Math.floor(rand() * 20000)}.${String(Math.floor(rand() * 100)).padStart(2, '0')}`;
  return {
    id: entryId(n),
    kind: pick(KINDS),
    patientId: `pat${String(Math.floor(rand() * PATIENTS)).padStart(6, '0')}`,
    occurredAt: T0 + n * 60_000,
    recordedAt: T0 + n * 60_000 + 5,
    deskId: `desk-${1 + (n % 3)}`,
    memo: n % 7 === 0 ? 'Paid at reception, receipt printed' : '',
    lines: [
      { account: 'cash', amount },
      { account: `credit:pat${n % PATIENTS}`, amount: `-${amount}` },
    ],
    _deleted: false,
    _rev: '1-bench',
    _attachments: {},
    _meta: { lwt: T0 + ++lwtTick },
  };
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function measure(fn: (run: number) => unknown): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const queryMango: (run: number) => MangoQuery<Entry> = (run) => ({
  selector: {
    kind: 'payment',
    occurredAt: { $gte: T0 + ((run * 7919) % DOCS) * 60_000 },
    _deleted: { $eq: false },
  } as never,
  sort: [{ occurredAt: 'asc' }],
  limit: 50,
});
const countRange = (run: number) => {
  const from = T0 + ((run * 104729) % Math.max(1, DOCS - 20_000)) * 60_000;
  return { from, to: from + 20_000 * 60_000 };
};
const randomIds = (run: number) =>
  Array.from({ length: 100 }, (_, i) => entryId(((run + 11) * 7_919 + i * 104_729) % DOCS));
const checkpointFor = (run: number): RxStorageDefaultCheckpoint => {
  const n = Math.floor(DOCS / 2) + ((run * 131) % 1000);
  return { id: entryId(n), lwt: T0 + n + 1 };
};

type Row = { op: string; samples: number[] };
type Results = Map<string, Row[]>;
const results: Results = new Map();
function record(target: string, op: string, samples: number[]) {
  if (!results.has(target)) results.set(target, []);
  results.get(target)!.push({ op, samples });
}

/** Generated in main(), not at import: the RSS child must not hold the data set. */
let docs: RxDocumentData<Entry>[] = [];

async function benchRxStorage(
  target: string,
  storage: RxStorage<unknown, unknown>,
  databaseName: string,
): Promise<void> {
  const open = () =>
    storage.createStorageInstance<Entry>({
      databaseInstanceToken: randomToken(10),
      databaseName,
      collectionName: 'entries',
      schema,
      options: {},
      multiInstance: false,
      devMode: false,
    }) as Promise<Instance>;
  let instance = await open();
  const insertSamples: number[] = [];
  for (let i = 0; i < DOCS; i += BATCH) {
    const rows = docs.slice(i, i + BATCH).map((document) => ({ document }));
    const start = performance.now();
    const result = await instance.bulkWrite(rows, 'bench');
    insertSamples.push(performance.now() - start);
    if (result.error.length > 0) throw new Error(`${target}: insert failed`);
  }
  record(target, `bulk insert ${BATCH} docs`, insertSamples);

  record(
    target,
    'findDocumentsById 100 ids',
    await measure(async (run) => {
      const found = await instance.findDocumentsById(randomIds(Math.abs(run)), false);
      if (found.length !== 100) throw new Error(`${target}: found ${found.length}`);
    }),
  );
  record(
    target,
    'indexed query, 50 docs',
    await measure(async (run) => {
      const q = prepareQuery(schema, normalizeMangoQuery(schema, queryMango(Math.abs(run))));
      const { documents } = await instance.query(q);
      if (documents.length !== 50) throw new Error(`${target}: query gave ${documents.length}`);
    }),
  );
  record(
    target,
    'count over an index range',
    await measure(async (run) => {
      const { from, to } = countRange(Math.abs(run));
      const q = prepareQuery(
        schema,
        normalizeMangoQuery(
          schema,
          {
            selector: {
              kind: 'visit',
              occurredAt: { $gte: from, $lt: to },
              _deleted: { $eq: false },
            } as never,
          },
          true,
        ),
      );
      const { count } = await instance.count(q);
      if (count < 1000) throw new Error(`${target}: count ${count}`);
    }),
  );
  record(
    target,
    'changes since a checkpoint (100)',
    await measure(async (run) => {
      const page = await getChangedDocumentsSince(instance, 100, checkpointFor(Math.abs(run)));
      if (page.documents.length !== 100)
        throw new Error(`${target}: changes gave ${page.documents.length}`);
    }),
  );
  let extra = DOCS;
  record(
    target,
    'single-document write',
    await measure(async () => {
      const result = await instance.bulkWrite([{ document: makeEntry(extra++) }], 'bench-single');
      if (result.error.length > 0) throw new Error(`${target}: single write failed`);
    }),
  );
  // Closing checkpoints the WAL into the file (an fsync); that is the close's
  // cost, not the open's, so it happens outside the timed part.
  const openSamples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await instance.close();
    const start = performance.now();
    instance = await open();
    await instance.findDocumentsById([entryId(1)], false);
    if (i >= WARMUP) openSamples.push(performance.now() - start);
  }
  record(target, 'open database', openSamples);
  await instance.close();
}

async function benchRaw(path: string): Promise<void> {
  const openRaw = () => {
    const db = new DatabaseSync(path, { timeout: 5000 });
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
    return db;
  };
  let db = openRaw();
  db.exec(`CREATE TABLE entries (id TEXT PRIMARY KEY, kind TEXT NOT NULL, patientId TEXT NOT NULL, occurredAt INTEGER NOT NULL, lwt REAL NOT NULL, data TEXT NOT NULL);
    CREATE INDEX entries_patient ON entries (patientId, occurredAt, id);
    CREATE INDEX entries_kind ON entries (kind, occurredAt, id);
    CREATE INDEX entries_lwt ON entries (lwt, id);`);
  const insertSql =
    'INSERT INTO entries (id, kind, patientId, occurredAt, lwt, data) VALUES (?, ?, ?, ?, ?, ?)';
  const insertOne = (s: ReturnType<DatabaseSync['prepare']>, d: RxDocumentData<Entry>) =>
    s.run(d.id, d.kind, d.patientId, d.occurredAt, d._meta.lwt, JSON.stringify(d));
  let insert = db.prepare(insertSql);
  const insertSamples: number[] = [];
  for (let i = 0; i < DOCS; i += BATCH) {
    const start = performance.now();
    db.exec('BEGIN IMMEDIATE');
    for (const d of docs.slice(i, i + BATCH)) insertOne(insert, d);
    db.exec('COMMIT');
    insertSamples.push(performance.now() - start);
  }
  record('raw', `bulk insert ${BATCH} docs`, insertSamples);
  const sync = (fn: (run: number) => void) => measure(fn);
  const parse = (rows: unknown[]) =>
    rows.map((r) => JSON.parse((r as { data: string }).data) as unknown);
  const byIds = db.prepare('SELECT data FROM entries WHERE id IN (SELECT value FROM json_each(?))');
  const query = db.prepare(
    'SELECT data FROM entries WHERE kind = ? AND occurredAt >= ? ORDER BY occurredAt, id LIMIT 50',
  );
  const count = db.prepare(
    'SELECT count(*) AS n FROM entries WHERE kind = ? AND occurredAt >= ? AND occurredAt < ?',
  );
  const changes = db.prepare(
    'SELECT data FROM entries WHERE (lwt, id) > (?, ?) ORDER BY lwt, id LIMIT 100',
  );
  const tasks: [string, (run: number) => void][] = [
    [
      'findDocumentsById 100 ids',
      (run) => void parse(byIds.all(JSON.stringify(randomIds(Math.abs(run))))),
    ],
    [
      'indexed query, 50 docs',
      (run) =>
        void parse(
          query.all(
            'payment',
            (queryMango(Math.abs(run)).selector as { occurredAt: { $gte: number } }).occurredAt
              .$gte,
          ),
        ),
    ],
    [
      'count over an index range',
      (run) =>
        void count.get('visit', countRange(Math.abs(run)).from, countRange(Math.abs(run)).to),
    ],
    [
      'changes since a checkpoint (100)',
      (run) =>
        void parse(changes.all(checkpointFor(Math.abs(run)).lwt, checkpointFor(Math.abs(run)).id)),
    ],
  ];
  await (async () => {
    for (const [op, fn] of tasks) record('raw', op, await sync(fn));
    let extra = DOCS;
    record(
      'raw',
      'single-document write',
      await sync(() => void insertOne(insert, makeEntry(extra++))),
    );
    const openSamples: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      db.close();
      const start = performance.now();
      db = openRaw();
      insert = db.prepare(insertSql);
      db.prepare('SELECT data FROM entries WHERE id = ?').get(entryId(1));
      if (i >= WARMUP) openSamples.push(performance.now() - start);
    }
    record('raw', 'open database', openSamples);
    db.close();
  })();
}

/** RSS of a fresh process right after opening the 300k-document file. */
function rssAfterOpen(path: string): number {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--rss-after-open', path],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return Number(child.stdout.trim());
}

async function rssChild(path: string): Promise<void> {
  const storage = getRxStorageSqlite({ filePathFor: () => path });
  const instance = await storage.createStorageInstance<Entry>({
    databaseInstanceToken: randomToken(10),
    databaseName: 'bench',
    collectionName: 'entries',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  await instance.findDocumentsById([entryId(1)], false);
  process.stdout.write(String(process.memoryUsage().rss));
}

function format(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return '-';
  return ms < 10 ? ms.toFixed(3) : ms.toFixed(1);
}

export interface StorageFigures {
  median: number;
  p95: number;
  runs: number;
}

/** One storage operation: the SQLite storage and its two baselines (memory, raw node:sqlite). */
export interface StorageOperationRow {
  op: string;
  sqlite?: StorageFigures;
  memory?: StorageFigures;
  raw?: StorageFigures;
}

export interface StorageBenchReport {
  docs: number;
  runs: number;
  warmup: number;
  rows: StorageOperationRow[];
  /** RSS of a fresh process right after opening the SQLite database */
  rssAfterOpenBytes: number;
}

/**
 * Runs every measurement (BENCH_DOCS and BENCH_RUNS from the environment, read when
 * this module is first imported) and returns the figures. Used by `npm run bench`.
 */
export async function runStorageBench(): Promise<StorageBenchReport> {
  results.clear();
  const dir = mkdtempSync(join(tmpdir(), 'bench-storage-'));
  try {
    docs = Array.from({ length: DOCS }, (_, n) => makeEntry(n));
    const sqliteStorage = getRxStorageSqlite({ directory: dir });
    await benchRxStorage(
      'sqlite',
      sqliteStorage as unknown as RxStorage<unknown, unknown>,
      'bench',
    );
    await benchRaw(join(dir, 'raw.sqlite'));
    const rss = rssAfterOpen(sqliteStorage.filePathFor('bench'));
    await benchRxStorage(
      'memory',
      getRxStorageMemory() as unknown as RxStorage<unknown, unknown>,
      `bench-${randomToken(6)}`,
    );
    const figures = (target: string, op: string): StorageFigures | undefined => {
      const row = results.get(target)?.find((r) => r.op === op);
      return row ? { ...stats(row.samples), runs: row.samples.length } : undefined;
    };
    const rows = (results.get('sqlite') ?? []).map(({ op }) => ({
      op,
      sqlite: figures('sqlite', op),
      memory: figures('memory', op),
      raw: figures('raw', op),
    }));
    return { docs: DOCS, runs: RUNS, warmup: WARMUP, rows, rssAfterOpenBytes: rss };
  } finally {
    docs = [];
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--rss-after-open' && process.argv[3]) {
    await rssChild(process.argv[3]);
    return;
  }
  console.log(
    `${DOCS} ledger documents, ${RUNS} runs after ${WARMUP} warm-up runs (bulk insert: every batch)\n`,
  );
  const report = await runStorageBench();
  const header = [
    'operation',
    'sqlite median',
    'sqlite p95',
    'memory median',
    'memory p95',
    'raw median',
    'raw p95',
    'sqlite/raw',
    'sqlite/memory',
  ];
  const lines = report.rows.map(({ op, sqlite: s, memory: m, raw: r }) => [
    op,
    format(s?.median),
    format(s?.p95),
    format(m?.median),
    format(m?.p95),
    format(r?.median),
    format(r?.p95),
    s && r ? `${(s.median / r.median).toFixed(2)}x` : '-',
    s && m ? `${(s.median / m.median).toFixed(1)}x` : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const printRow = (cells: string[]) =>
    console.log(
      `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`,
    );
  printRow(header);
  console.log(
    `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`,
  );
  lines.forEach(printRow);
  console.log(
    `\n(times in ms) process RSS after opening the ${DOCS}-document SQLite database: ${(report.rssAfterOpenBytes / 1024 / 1024).toFixed(1)} MB`,
  );
}

// Run as a script (not when imported by scripts/bench.ts).
if (import.meta.main) await main();
