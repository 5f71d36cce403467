// Differential test: the same random sequence of writes and reads against
// this storage and RxDB's memory storage must give identical answers.

import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import fc from 'fast-check';
import type {
  MangoQuery,
  RxDocumentData,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
} from 'rxdb/plugins/core';
import { getChangedDocumentsSince, randomToken } from 'rxdb/plugins/core';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSqlite } from './index.ts';
import type { Person } from './test-fixtures.ts';
import { makeTempDir, openPeople, personDoc, preparePersonQuery } from './test-fixtures.ts';

const temp = makeTempDir();
after(() => temp.cleanup());

type AnyInstance = RxStorageInstance<Person, unknown, unknown, RxStorageDefaultCheckpoint>;

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
// Includes characters whose UTF-8 order differs from JavaScript's.
const names = ['Ann', 'ann', 'Bo', 'é', '😀', '\uffee', ''];

const personArb = fc.record({
  id: fc.constantFrom(...ids),
  // Weighted towards the characters whose byte order differs.
  name: fc.oneof(fc.constantFrom(...names), fc.constantFrom('😀', '\uffee')),
  age: fc.integer({ min: 0, max: 6 }),
  score: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
  tag: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
});

const selectorArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    age: fc.oneof(
      fc.integer({ min: 0, max: 6 }).map((v) => ({ $eq: v })),
      fc.record({ $gt: fc.integer({ min: -1, max: 6 }) }, { requiredKeys: [] }),
      fc.record({ $gte: fc.integer({ min: 0, max: 6 }), $lt: fc.integer({ min: 0, max: 7 }) }),
      fc
        .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 })
        .map((v) => ({ $in: v })),
    ),
    name: fc.oneof(
      fc.constantFrom(...names).map((v) => ({ $eq: v })),
      fc.constantFrom(...names).map((v) => ({ $gt: v })),
    ),
    tag: fc.oneof(
      fc.constant({ $eq: 'x' }),
      fc.constant({ $ne: 'y' }),
      fc.constant({ $exists: false }),
    ),
    score: fc.integer({ min: -3, max: 3 }).map((v) => ({ $lte: v })),
  },
  { requiredKeys: [] },
);

const sortArb = fc.constantFrom<MangoQuery<Person>['sort']>(
  undefined,
  [{ age: 'asc' }],
  [{ age: 'desc' }],
  [{ name: 'asc' }, { age: 'asc' }],
  [{ name: 'desc' }, { age: 'desc' }, { id: 'desc' }],
  [{ score: 'asc' }],
  [{ id: 'desc' }],
);

type Command =
  | { kind: 'write'; people: Person[]; deleteIds: string[]; stale: boolean }
  | {
      kind: 'query';
      selector: Record<string, unknown>;
      sort: MangoQuery<Person>['sort'];
      skip?: number;
      limit?: number;
      withDeleted: boolean;
    }
  | { kind: 'changes'; pageSize: number }
  | { kind: 'cleanup' };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    people: fc.array(personArb, { maxLength: 4 }),
    deleteIds: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
    stale: fc.boolean(),
  }),
  fc.record(
    {
      kind: fc.constant('query' as const),
      selector: selectorArb,
      sort: sortArb,
      skip: fc.integer({ min: 0, max: 3 }),
      limit: fc.integer({ min: 0, max: 5 }),
      withDeleted: fc.boolean(),
    },
    { requiredKeys: ['kind', 'selector', 'sort', 'withDeleted'] },
  ),
  fc.record({ kind: fc.constant('changes' as const), pageSize: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ kind: 'cleanup' as const }),
);

function clean(docs: RxDocumentData<Person>[]) {
  return docs.map((d) => JSON.parse(JSON.stringify(d)) as RxDocumentData<Person>);
}

async function apply(instance: AnyInstance, command: Command, lwt: () => number): Promise<unknown> {
  switch (command.kind) {
    case 'write': {
      // Each distinct id once per bulk, as RxDB sends them.
      const byId = new Map(command.people.map((p) => [p.id, p]));
      const current = new Map(
        (await instance.findDocumentsById([...byId.keys(), ...command.deleteIds], true)).map(
          (d) => [d.id, d],
        ),
      );
      const rows = [...byId.values()].map((p) => {
        const previous = current.get(p.id);
        const rev = previous ? `${Number(previous._rev.split('-')[0]) + 1}-r` : '1-r';
        const stalePrevious =
          previous && command.stale ? { ...previous, _rev: '0-stale' } : previous;
        return { previous: stalePrevious, document: personDoc(p, rev, false, lwt()) };
      });
      for (const id of command.deleteIds) {
        const previous = current.get(id);
        if (!previous || byId.has(id)) continue;
        rows.push({
          previous,
          document: {
            ...previous,
            _deleted: true,
            _rev: `${Number(previous._rev.split('-')[0]) + 1}-r`,
            _meta: { lwt: lwt() },
          },
        });
      }
      const result = await instance.bulkWrite(rows, 'diff');
      return result.error.map((e) => [e.status, e.documentId]).sort();
    }
    case 'query': {
      const selector = command.withDeleted
        ? command.selector
        : { ...command.selector, _deleted: { $eq: false } };
      const query = preparePersonQuery({
        selector: selector as never,
        sort: command.sort,
        skip: command.skip,
        limit: command.limit,
      });
      const counted = await instance.count(preparePersonQuery({ selector: selector as never }));
      return { docs: clean((await instance.query(query)).documents), count: counted.count };
    }
    case 'changes': {
      const pages: unknown[] = [];
      let checkpoint: RxStorageDefaultCheckpoint | undefined;
      for (let guard = 0; guard < 50; guard++) {
        // The memory storage has no native method; RxDB then runs an equivalent query.
        const page = await getChangedDocumentsSince(instance, command.pageSize, checkpoint);
        pages.push(page.documents.map((d) => d.id));
        checkpoint = page.checkpoint;
        if (page.documents.length < command.pageSize) break;
      }
      return pages;
    }
    case 'cleanup':
      // Both purge every tombstone (minimum age zero; lwt is in the past).
      return instance.cleanup(-1_000_000);
  }
}

it('gives the same results as the memory storage for random operation sequences', async () => {
  const sqlite = getRxStorageSqlite({ directory: temp.dir });
  const memory = getRxStorageMemory();
  await fc.assert(
    fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 30 }), async (commands) => {
      const name = `diff-${randomToken(8)}`;
      const a = (await openPeople(sqlite, name)) as unknown as AnyInstance;
      const b = (await openPeople(memory, name)) as unknown as AnyInstance;
      // The same clock for both: write times are part of the compared documents.
      let ticks = 0;
      const base = Date.now() - 1_000_000;
      const lwt = () => base + ++ticks;
      try {
        for (const command of commands) {
          const ticksBefore = ticks;
          const fromSqlite = await apply(a, command, lwt);
          ticks = ticksBefore;
          const fromMemory = await apply(b, command, lwt);
          assert.deepEqual(fromSqlite, fromMemory, JSON.stringify(command));
        }
      } finally {
        await a.remove();
        await b.remove();
      }
    }),
    { numRuns: 250 },
  );
});
