// The loader against a store whose reads, replies, writes and change events
// interleave in every order fast-check's scheduler picks: once loaded and
// every event delivered, the index is exactly the live patients, each once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { loadPatientIndex, type PatientPages } from './load-patient-index.ts';
import { compareRows, type StoredPatientRow } from './patient-index-merge.ts';
import type { PatientIndex, PatientRow } from './patient-index.ts';

type Names = { lastName: string; firstName: string };
type Operation =
  | { kind: 'insert'; names: Names }
  | { kind: 'update'; which: number; names: Names }
  | { kind: 'delete'; which: number };

/** The stored patients, deleted ones kept as the storage keeps them. */
class FakeStore {
  readonly docs = new Map<string, StoredPatientRow>();
  #clock = 0;
  #nextId = 0;

  write(id: string, names: Names, deleted = false): StoredPatientRow {
    const doc: StoredPatientRow = {
      id,
      ...names,
      phone: '',
      dateOfBirth: '',
      searchText: `${names.firstName} ${names.lastName}`.toLowerCase(),
      _deleted: deleted,
      _meta: { lwt: ++this.#clock },
    };
    this.docs.set(id, doc);
    return doc;
  }

  insert(names: Names): StoredPatientRow {
    return this.write(`p${String(this.#nextId++).padStart(4, '0')}`, names);
  }

  live(): StoredPatientRow[] {
    return [...this.docs.values()].filter((doc) => !doc._deleted).sort(compareRows);
  }

  read(after: PatientRow | null, limit: number): StoredPatientRow[] {
    return this.live()
      .filter((doc) => !after || compareRows(doc, after) > 0)
      .slice(0, limit);
  }
}

const names = fc.record({
  lastName: fc.constantFrom('Adams', 'Ng', 'Smith', 'Zhou'),
  firstName: fc.constantFrom('Al', 'Bo', 'Cy'),
});
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), names }),
  fc.record({ kind: fc.constant('update' as const), which: fc.nat(), names }),
  fc.record({ kind: fc.constant('delete' as const), which: fc.nat() }),
);

test('writes during and after the load land exactly once, at their newest version', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.scheduler(),
      fc.array(names, { maxLength: 40 }),
      fc.array(operation, { maxLength: 25 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 9 }),
      async (s, initial, operations, firstRows, pageSize) => {
        const store = new FakeStore();
        for (const patient of initial) store.insert(patient);
        const changes = new Subject<readonly StoredPatientRow[]>();
        // A page is read at one scheduled moment and its reply arrives at a later one.
        const source: PatientPages = {
          async page(after, limit) {
            await s.schedule(Promise.resolve(), 'read');
            const docs = store.read(after, limit);
            return s.schedule(Promise.resolve(docs), 'reply');
          },
          changes,
        };
        // Events arrive in write order, each at some later moment.
        let delivered: Promise<void> = Promise.resolve();
        const apply = (op: Operation) => {
          const live = store.live();
          let written: StoredPatientRow | undefined;
          if (op.kind === 'insert') written = store.insert(op.names);
          else if (live.length > 0) {
            const target = live[op.which % live.length]!;
            written =
              op.kind === 'update'
                ? store.write(target.id, op.names)
                : store.write(target.id, target, true);
          }
          if (!written) return;
          const event = written;
          delivered = delivered.then(() =>
            s.schedule(Promise.resolve(), 'event').then(() => changes.next([event])),
          );
        };
        const emitted: PatientIndex[] = [];
        const subscription = loadPatientIndex(source, { firstRows, pageSize }).subscribe({
          next: (index) => emitted.push(index),
          error: (error: unknown) => assert.fail(String(error)),
        });
        const writes = operations.map((op) => s.schedule(Promise.resolve(op), 'write').then(apply));

        const allDone = async () => {
          await Promise.all(writes);
          await delivered;
        };
        let finished = false;
        void allDone().then(() => (finished = true));
        for (let turn = 0; turn < 10_000; turn++) {
          await s.waitAll();
          // The loader gives the browser a turn (a timer) between pages.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (finished && emitted.at(-1)?.complete && s.count() === 0) break;
        }
        subscription.unsubscribe();

        const last = emitted.at(-1);
        assert.ok(last?.complete, 'the index completes');
        assert.deepEqual(
          last.rows.map((row) => [row.id, row.lastName, row.firstName]),
          store.live().map((doc) => [doc.id, doc.lastName, doc.firstName]),
        );
        assert.equal(emitted.filter((index) => index.complete).length >= 1, true);
        assert.equal(emitted[0]!.complete || emitted.length > 1, true);
      },
    ),
    { numRuns: 150 },
  );
});

test('the first rows show before the rest is read; with fewer patients the first page is complete', async () => {
  const store = new FakeStore();
  for (let i = 0; i < 7; i++) store.insert({ lastName: `L${i}`, firstName: 'F' });
  const asked: number[] = [];
  const source: PatientPages = {
    page(after, limit) {
      asked.push(limit);
      return Promise.resolve(store.read(after, limit));
    },
    changes: new Subject(),
  };
  const first = await new Promise<PatientIndex[]>((resolve) => {
    const seen: PatientIndex[] = [];
    const subscription = loadPatientIndex(source, { firstRows: 3, pageSize: 2 }).subscribe(
      (index) => {
        seen.push(index);
        if (index.complete) {
          subscription.unsubscribe();
          resolve(seen);
        }
      },
    );
  });
  // Only the first page and the complete index are shown: the pages between add nothing visible.
  assert.deepEqual(
    first.map((index) => [index.rows.length, index.complete]),
    [
      [3, false],
      [7, true],
    ],
  );
  assert.deepEqual(asked, [3, 2, 2, 2]);

  const small = new FakeStore();
  small.insert({ lastName: 'Only', firstName: 'One' });
  const only = await new Promise<PatientIndex>((resolve) =>
    loadPatientIndex(
      { page: (a, l) => Promise.resolve(small.read(a, l)), changes: new Subject() },
      { firstRows: 50, pageSize: 2000 },
    ).subscribe(resolve),
  );
  assert.deepEqual(only.complete, true);
  assert.equal(only.rows.length, 1);
});
