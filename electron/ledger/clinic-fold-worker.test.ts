// The clinic fold worker (clinic-fold-worker.ts, fold-in-worker.ts) on a real SQLite RxDB
// database: what it folds from the file and saves equals the in-process fold — state,
// needs attention, and the mark (checkpoint, documents) — on random merged journals
// written in several batches (so change order is not id order); a start without a
// snapshot folds in it and loads its snapshot; and every way it can fail (an exception,
// out of memory, a snapshot that does not fit) falls back to the fold in-process, with
// the right figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { snapshotAttentionState } from '../../shared/ledger/attention-state.ts';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import { needsAttention } from '../../shared/ledger/projections/attention.ts';
import { mergedJournal, offline, ops, withUlids } from '../../shared/testing/merged-journals.ts';
import { shuffled } from '../../shared/testing/random-commands.ts';
import { chooseStorage } from '../db/choose-storage.ts';
import { openDatabase } from '../db/open-database.ts';
import { ClinicProjection, type ClinicProjectionOptions } from './clinic-projection.ts';
import { loadSnapshotFile, type FoldMark } from './clinic-snapshot.ts';
import { foldJournalInWorker, journalTableOf } from './fold-in-worker.ts';
import { foldJournalFile } from './fold-journal-file.ts';
import { journalChangesAfter } from './journal-queries.ts';

async function withDatabase(run: (db: PunchcardDatabase, folder: string) => Promise<void>) {
  const folder = mkdtempSync(join(tmpdir(), 'punchcard-fold-worker-'));
  const db = await openDatabase({
    storage: chooseStorage({ kind: 'sqlite', dataDirectory: folder }),
    devMode: false,
  });
  try {
    await run(db, folder);
  } finally {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Written in batches of random sizes and order: each batch one lwt, ids across batches unordered. */
async function writeInBatches(
  db: PunchcardDatabase,
  entries: readonly JournalEntry[],
  randoms: Iterator<number>,
): Promise<void> {
  let rest = shuffled(entries, randoms);
  while (rest.length > 0) {
    const size = 1 + ((randoms.next().value as number) % 7);
    const written = await db.journal.bulkInsert(rest.slice(0, size));
    assert.equal(written.error.length, 0);
    rest = rest.slice(size);
  }
}

/** What ClinicProjection's own fold leaves: the state, and the mark its pages moved. */
async function foldInProcess(
  db: PunchcardDatabase,
): Promise<{ state: AttentionState; mark: FoldMark }> {
  const projection = new ClinicProjection(db, 'AUD', { delayMs: 0, foldWorker: false });
  const state = await projection.ready();
  assert.equal(projection.started?.from, 'journal');
  await projection.close();
  const mark: FoldMark = { checkpoint: null, documents: 0 };
  for await (const page of journalChangesAfter(db, 3, null)) {
    mark.checkpoint = page.checkpoint;
    mark.documents += page.entries.length;
  }
  return { state, mark };
}

const seen = (state: AttentionState) => ({
  state: snapshotAttentionState(state),
  needsAttention: needsAttention(state),
});

/** Endless naturals from a few (the shuffle and the batches draw as many as they need). */
function* cycle(numbers: readonly number[]): Generator<number> {
  for (;;) yield* numbers;
}

test('the worker saves what the in-process fold gives: state, needs attention, mark', async () => {
  await fc.assert(
    fc.asyncProperty(
      ops(10),
      offline,
      offline,
      fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
      (shared, onA, onB, randoms) =>
        withDatabase(async (db, folder) => {
          const file = join(folder, 'clinic.snapshot');
          const entries = withUlids(mergedJournal(shared, onA, onB));
          await writeInBatches(db, entries, cycle(randoms));
          const expected = await foldInProcess(db);
          assert.equal(expected.mark.documents, entries.length);
          const source = journalTableOf(db);
          assert.ok(source, 'a SQLite journal');
          // The fold itself, and the worker running it and saving the snapshot.
          const direct = foldJournalFile(source, 'AUD');
          assert.deepEqual(seen(direct.state), seen(expected.state));
          assert.deepEqual(direct.mark, expected.mark);
          const done = await foldJournalInWorker(
            { source, currency: 'AUD', snapshotFile: file },
            {},
            new AbortController().signal,
          );
          assert.deepEqual(done, { ok: true, documents: entries.length });
          const loaded = await loadSnapshotFile(file, 'AUD');
          assert.ok(loaded.ok, loaded.ok ? '' : loaded.reason);
          assert.deepEqual(seen(loaded.state), seen(expected.state));
          assert.deepEqual(loaded.mark, expected.mark);
        }),
    ),
    { numRuns: 12 },
  );
});

test('deleted documents move the checkpoint but are not folded or counted, as in-process', async () => {
  await withDatabase(async (db, folder) => {
    const entries = withUlids(mergedJournal([], [], []));
    await writeInBatches(db, entries, cycle([3, 1, 4, 1, 5, 9, 2, 6]));
    // The last document written is deleted (a tombstone stays until cleaned up).
    const last = (await db.journal.find().exec()).at(-1);
    await last?.remove();
    const expected = await foldInProcess(db);
    const source = journalTableOf(db);
    assert.ok(source);
    const direct = foldJournalFile(source, 'AUD');
    assert.equal(direct.mark.documents, entries.length - 1);
    assert.deepEqual(direct.mark, expected.mark);
    assert.deepEqual(seen(direct.state), seen(expected.state));
    assert.ok(folder);
  });
});

async function startedOn(db: PunchcardDatabase, file: string, options: ClinicProjectionOptions) {
  const projection = new ClinicProjection(db, 'AUD', {
    delayMs: 0,
    snapshotFile: file,
    ...options,
  });
  const state = await projection.ready();
  await projection.close();
  return { state, started: projection.started };
}

async function withJournal(
  run: (db: PunchcardDatabase, file: string, folder: string) => Promise<void>,
) {
  await withDatabase(async (db, folder) => {
    const entries = withUlids(mergedJournal([], [], []));
    await writeInBatches(db, entries, cycle([2, 7, 1, 8, 2, 8]));
    await run(db, join(folder, 'clinic.snapshot'), folder);
  });
}

test('a start without a snapshot folds in the worker, then loads the snapshot it saved', async () => {
  await withJournal(async (db, file) => {
    const expected = seen((await foldInProcess(db)).state);
    const first = await startedOn(db, file, {});
    assert.deepEqual(
      [first.started?.from, first.started?.reason, first.started?.documents],
      ['worker', 'no snapshot', await db.journal.count().exec()],
    );
    assert.deepEqual(seen(first.state), expected);
    assert.ok(existsSync(file));
    const second = await startedOn(db, file, {});
    assert.deepEqual([second.started?.from, second.started?.documents], ['snapshot', 0]);
    assert.deepEqual(seen(second.state), expected);
  });
});

test('whatever goes wrong in the worker, the start folds in-process, to the right figures', async () => {
  await withJournal(async (db, file, folder) => {
    const expected = seen((await foldInProcess(db)).state);
    const cases: [string, ClinicProjectionOptions['foldWorker'], RegExp][] = [
      ['an exception', { failForTest: 'injected failure' }, /not in a worker: injected failure/],
      [
        'out of memory',
        // Exhausted while running, as a large journal would (a cap below what the isolate
        // needs to start at all is fatal to the whole process: keep FOLD_WORKER_LIMITS sane).
        {
          failForTest: 'exhaust the heap',
          resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 },
        },
        /not in a worker: ERR_WORKER_OUT_OF_MEMORY/,
      ],
      [
        'a snapshot that does not fit the journal',
        { url: new URL('./testing/miscounting-fold-worker.ts', import.meta.url) },
        /not in a worker: its snapshot: the journal is not the snapshot/,
      ],
      [
        'no worker file',
        { url: new URL('./no-such-worker.ts', import.meta.url) },
        /not in a worker/,
      ],
    ];
    for (const [name, foldWorker, reason] of cases) {
      rmSync(file, { force: true });
      const start = await startedOn(db, file, { foldWorker });
      assert.equal(start.started?.from, 'journal', name);
      assert.match(start.started?.reason ?? '', reason, name);
      assert.deepEqual(seen(start.state), expected, name);
      // No temporary file left behind; the in-process fold saved a good snapshot.
      assert.deepEqual(
        readdirSync(folder).filter((f) => f.endsWith('.tmp')),
        [],
        name,
      );
      const again = await startedOn(db, file, { foldWorker: false });
      assert.equal(again.started?.from, 'snapshot', name);
    }
  });
});
