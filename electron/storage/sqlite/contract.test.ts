// The storage contract: what RxDB expects of every RxStorageInstance, checked
// against real SQLite files in a temporary folder.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MangoQuery, RxDocumentData, RxStorageChangeEvent } from 'rxdb/plugins/core';
import { openConnectionCount } from './connection-registry.ts';
import { getRxStorageSqlite } from './index.ts';
import type { Person } from './test-fixtures.ts';
import { makeTempDir, openPeople, personDoc, preparePersonQuery } from './test-fixtures.ts';

const temp = makeTempDir();
after(() => temp.cleanup());

const storage = getRxStorageSqlite({ directory: temp.dir });
let dbCounter = 0;
/** A fresh database per test, so tests do not see each other's documents. */
function freshName(): string {
  dbCounter += 1;
  return `contract-${dbCounter}`;
}

const people: Person[] = [
  { id: 'p01', name: 'Ann', age: 31, score: 1.5, tag: 'x' },
  { id: 'p02', name: 'Bob', age: 22, score: 9, tag: 'y' },
  { id: 'p03', name: 'Cleo', age: 45, score: 3, tag: 'x' },
  { id: 'p04', name: 'Dan', age: 22, score: 7, tag: 'z' },
  { id: 'p05', name: 'Eve', age: 60, score: 2, tag: 'y' },
  { id: 'p06', name: 'Ann', age: 19, score: 4, tag: 'x' },
  { id: 'p07', name: 'Gus', age: 31, score: 8, tag: 'z' },
  { id: 'p08', name: 'Hal', age: 0, score: 6, tag: 'x' },
];

async function seeded() {
  const instance = await openPeople(storage, freshName());
  const result = await instance.bulkWrite(
    people.map((p) => ({ document: personDoc(p) })),
    'seed',
  );
  assert.deepEqual(result.error, []);
  return instance;
}

function strip(docs: RxDocumentData<Person>[]): Person[] {
  return docs.map(({ id, name, age, score, tag }) => ({ id, name, age, score, tag }) as Person);
}

describe('writes and reads', () => {
  it('inserts documents and finds them by id', async () => {
    const instance = await seeded();
    const found = await instance.findDocumentsById(['p03', 'p01', 'missing'], false);
    assert.deepEqual(
      strip(found).sort((a, b) => a.id.localeCompare(b.id)),
      [people[0], people[2]],
    );
    await instance.close();
  });

  it('updates with the right previous revision and reports 409 otherwise', async () => {
    const instance = await seeded();
    const [current] = await instance.findDocumentsById(['p02'], false);
    assert.ok(current);
    const updated = personDoc({ ...people[1]!, age: 23 }, '2-b');
    assert.deepEqual(
      (await instance.bulkWrite([{ previous: current, document: updated }], 'update')).error,
      [],
    );

    // Stale previous revision: conflict, with the stored document attached.
    const stale = await instance.bulkWrite(
      [{ previous: current, document: personDoc({ ...people[1]!, age: 99 }, '2-c') }],
      'stale',
    );
    assert.equal(stale.error.length, 1);
    assert.equal(stale.error[0]!.status, 409);
    assert.equal(stale.error[0]!.documentId, 'p02');
    assert.equal((stale.error[0] as { documentInDb: RxDocumentData<Person> }).documentInDb.age, 23);

    // Insert over an existing document (no previous): conflict too.
    const clash = await instance.bulkWrite(
      [{ document: personDoc({ id: 'p02', name: 'X', age: 1 }) }],
      'clash',
    );
    assert.equal(clash.error[0]!.status, 409);

    // Other rows of the same bulk still succeed.
    const mixed = await instance.bulkWrite(
      [
        { document: personDoc({ id: 'p01', name: 'dup', age: 1 }) },
        { document: personDoc({ id: 'p99', name: 'New', age: 5 }) },
      ],
      'mixed',
    );
    assert.deepEqual(
      mixed.error.map((e) => e.documentId),
      ['p01'],
    );
    const [stored] = await instance.findDocumentsById(['p02'], false);
    assert.equal(stored!.age, 23);
    assert.equal(stored!._rev, '2-b');
    assert.equal((await instance.findDocumentsById(['p99'], false)).length, 1);
    await instance.close();
  });

  it('keeps deleted documents as tombstones, visible only with withDeleted', async () => {
    const instance = await seeded();
    const [current] = await instance.findDocumentsById(['p04'], false);
    const res = await instance.bulkWrite(
      [{ previous: current!, document: personDoc(people[3]!, '2-d', true) }],
      'delete',
    );
    assert.deepEqual(res.error, []);
    assert.deepEqual(await instance.findDocumentsById(['p04'], false), []);
    const [tomb] = await instance.findDocumentsById(['p04'], true);
    assert.equal(tomb!._deleted, true);
    // Storage queries see tombstones unless the selector excludes them, as RxDB's collections do.
    const live = await instance.query(
      preparePersonQuery({ selector: { age: 22, _deleted: false } as never }),
    );
    assert.deepEqual(
      live.documents.map((d) => d.id),
      ['p02'],
    );
    // Inserting an already deleted document (as replication does) is allowed.
    assert.deepEqual(
      (
        await instance.bulkWrite(
          [{ document: personDoc({ id: 'gone', name: 'G', age: 3 }, '1-g', true) }],
          'tomb',
        )
      ).error,
      [],
    );
    assert.equal((await instance.findDocumentsById(['gone'], true)).length, 1);
    await instance.close();
  });
});

describe('queries', () => {
  let instance: Awaited<ReturnType<typeof seeded>>;
  before(async () => {
    instance = await seeded();
  });
  after(async () => {
    await instance.close();
  });

  /** Reference: filter and sort in plain JavaScript. */
  function expected(
    filter: (p: Person) => boolean,
    compare: (a: Person, b: Person) => number,
    skip = 0,
    limit = Infinity,
  ): string[] {
    return people
      .filter(filter)
      .sort(compare)
      .slice(skip, skip + limit)
      .map((p) => p.id);
  }
  const byId = (a: Person, b: Person) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  /** Compares one field in the given direction; ties fall back to `then`. */
  const by =
    (key: 'age' | 'name' | 'score', dir = 1, then: (a: Person, b: Person) => number = byId) =>
    (a: Person, b: Person) =>
      ((a[key] as number | string) < (b[key] as number | string)
        ? -1
        : (a[key] as number | string) > (b[key] as number | string)
          ? 1
          : 0) * dir || then(a, b);
  const idDesc = (a: Person, b: Person) => -byId(a, b);

  const cases: { name: string; query: MangoQuery<Person>; want: string[] }[] = [
    {
      name: 'range on an index',
      query: { selector: { age: { $gt: 22, $lte: 45 } }, sort: [{ age: 'asc' }] },
      want: expected((p) => p.age > 22 && p.age <= 45, by('age')),
    },
    {
      name: 'equality on a compound index',
      query: { selector: { name: 'Ann' }, sort: [{ name: 'asc' }, { age: 'asc' }] },
      want: expected((p) => p.name === 'Ann', by('age')),
    },
    {
      name: '$in on an index',
      query: { selector: { age: { $in: [22, 60] } }, sort: [{ age: 'asc' }] },
      want: expected((p) => p.age === 22 || p.age === 60, by('age')),
    },
    {
      name: 'non-indexed selector',
      query: { selector: { tag: 'x' }, sort: [{ id: 'asc' }] },
      want: expected((p) => p.tag === 'x', byId),
    },
    {
      name: 'indexed plus non-indexed selector',
      query: { selector: { age: { $gte: 20 }, tag: 'z' }, sort: [{ age: 'asc' }] },
      want: expected((p) => p.age >= 20 && p.tag === 'z', by('age')),
    },
    {
      name: 'descending sort on an index',
      query: { selector: {}, sort: [{ age: 'desc' }, { id: 'desc' }] },
      want: expected(() => true, by('age', -1, idDesc)),
    },
    {
      name: 'descending sort on an index, ties ascending',
      query: { selector: {}, sort: [{ age: 'desc' }] },
      want: expected(() => true, by('age', -1)),
    },
    {
      name: 'sort on a non-indexed field',
      query: { selector: {}, sort: [{ score: 'desc' }] },
      want: expected(() => true, by('score', -1)),
    },
    {
      name: 'skip and limit on an index',
      query: { selector: {}, sort: [{ age: 'asc' }], skip: 2, limit: 3 },
      want: expected(() => true, by('age'), 2, 3),
    },
    {
      name: 'skip and limit with a matcher',
      query: { selector: { tag: { $ne: 'y' } }, sort: [{ age: 'asc' }], skip: 1, limit: 2 },
      want: expected((p) => p.tag !== 'y', by('age'), 1, 2),
    },
    {
      name: 'skip and limit on a non-indexed sort',
      query: { selector: {}, sort: [{ score: 'asc' }], skip: 3, limit: 2 },
      want: expected(() => true, by('score'), 3, 2),
    },
    { name: 'limit 0', query: { selector: {}, sort: [{ age: 'asc' }], limit: 0 }, want: [] },
    {
      name: '$or and $regex',
      query: {
        selector: { $or: [{ name: { $regex: '^A' } }, { age: { $gte: 60 } }] },
        sort: [{ id: 'asc' }],
      },
      want: expected((p) => p.name.startsWith('A') || p.age >= 60, byId),
    },
    {
      name: 'descending with a limit',
      query: { selector: { age: { $lt: 40 } }, sort: [{ age: 'desc' }, { id: 'desc' }], limit: 2 },
      want: expected((p) => p.age < 40, by('age', -1, idDesc), 0, 2),
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const result = await instance.query(
        preparePersonQuery({
          ...c.query,
          selector: { ...c.query.selector, _deleted: { $eq: false } } as never,
        }),
      );
      assert.deepEqual(
        result.documents.map((d) => d.id),
        c.want,
      );
      // count() agrees with the same selector's query (without skip and limit).
      const unpaged = preparePersonQuery({
        selector: { ...c.query.selector, _deleted: { $eq: false } } as never,
      });
      const counted = await instance.count(unpaged);
      assert.equal(counted.count, (await instance.query(unpaged)).documents.length);
    });
  }

  it('counts an index range without reading documents', async () => {
    const counted = await instance.count(
      preparePersonQuery({
        selector: { age: { $gte: 22, $lt: 60 }, _deleted: { $eq: false } } as never,
      }),
    );
    assert.equal(counted.count, people.filter((p) => p.age >= 22 && p.age < 60).length);
  });

  it('orders index strings the way JavaScript does, beyond the Basic Multilingual Plane', async () => {
    const db = await openPeople(storage, freshName());
    const names = ['😀', '\uffef', 'zz', 'a\u0000', 'é'];
    await db.bulkWrite(
      names.map((name, i) => ({ document: personDoc({ id: `n${i}`, name, age: 1 }) })),
      'unicode',
    );
    const sorted = await db.query(
      preparePersonQuery({
        selector: { name: { $gt: '' }, _deleted: false } as never,
        sort: [{ name: 'asc' }, { age: 'asc' }],
      }),
    );
    assert.deepEqual(
      sorted.documents.map((d) => d.name),
      [...names].sort(),
    );
    const high = await db.query(
      preparePersonQuery({
        selector: { name: { $gte: '\uffef' }, _deleted: false } as never,
        sort: [{ name: 'asc' }, { age: 'asc' }],
      }),
    );
    assert.deepEqual(
      high.documents.map((d) => d.name),
      ['\uffef'],
    );
    await db.close();
  });
});

describe('changes', () => {
  it('pages through changes since a checkpoint, each document once, updates at the end', async () => {
    const instance = await seeded();
    const seen: string[] = [];
    let checkpoint: { id: string; lwt: number } | undefined;
    for (;;) {
      const page = await instance.getChangedDocumentsSince!(3, checkpoint);
      seen.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint;
      if (page.documents.length < 3) break;
    }
    assert.deepEqual(
      seen,
      people.map((p) => p.id),
    );
    const [p03] = await instance.findDocumentsById(['p03'], false);
    await instance.bulkWrite(
      [{ previous: p03!, document: personDoc({ ...people[2]!, age: 46 }, '2-x') }],
      'later',
    );
    const after = await instance.getChangedDocumentsSince!(10, checkpoint);
    assert.deepEqual(
      after.documents.map((d) => d.id),
      ['p03'],
    );
    const none = await instance.getChangedDocumentsSince!(10, after.checkpoint);
    assert.deepEqual(none.documents, []);
    assert.deepEqual(none.checkpoint, after.checkpoint);
    await instance.close();
  });

  it('emits INSERT, UPDATE and DELETE events with a checkpoint, to every instance of the collection', async () => {
    const name = freshName();
    const writer = await openPeople(storage, name);
    const otherStorage = getRxStorageSqlite({ directory: temp.dir }); // a second storage object, e.g. the renderer's remote side
    const reader = await openPeople(otherStorage, name);
    const events: { op: string; id: string; context: string; checkpoint: unknown }[] = [];
    const sub = reader.changeStream().subscribe((bulk) =>
      bulk.events.forEach((e: RxStorageChangeEvent<Person>) =>
        events.push({
          op: e.operation,
          id: e.documentId,
          context: bulk.context,
          checkpoint: bulk.checkpoint,
        }),
      ),
    );
    const first = personDoc({ id: 'e1', name: 'E', age: 5 });
    await writer.bulkWrite([{ document: first }], 'ins');
    const second = personDoc({ id: 'e1', name: 'E', age: 6 }, '2-e');
    await writer.bulkWrite([{ previous: first, document: second }], 'upd');
    const third = personDoc({ id: 'e1', name: 'E', age: 6 }, '3-e', true);
    await writer.bulkWrite([{ previous: second, document: third }], 'del');
    // A conflicting write emits nothing.
    await writer.bulkWrite(
      [{ previous: first, document: personDoc({ id: 'e1', name: 'E', age: 7 }, '2-z') }],
      'conflict',
    );
    sub.unsubscribe();
    assert.deepEqual(
      events.map((e) => [e.op, e.id, e.context]),
      [
        ['INSERT', 'e1', 'ins'],
        ['UPDATE', 'e1', 'upd'],
        ['DELETE', 'e1', 'del'],
      ],
    );
    assert.deepEqual(events[2]!.checkpoint, { id: 'e1', lwt: third._meta.lwt });
    // The reader sees the writer's data, too.
    assert.equal((await reader.findDocumentsById(['e1'], true))[0]!._rev, '3-e');
    await writer.close();
    await reader.close();
  });
});

describe('lifecycle', () => {
  it('cleanup purges only tombstones older than the given age', async () => {
    const instance = await seeded();
    const old = personDoc({ id: 'old', name: 'O', age: 1 }, '1-o', true, Date.now() - 60_000);
    const recent = personDoc({ id: 'recent', name: 'R', age: 1 }, '1-r', true);
    await instance.bulkWrite([{ document: old }, { document: recent }], 'tombs');
    assert.equal(await instance.cleanup(30_000), true);
    assert.deepEqual(
      (await instance.findDocumentsById(['old', 'recent', 'p01'], true)).map((d) => d.id).sort(),
      ['p01', 'recent'],
    );
    await instance.close();
  });

  it('keeps data across close and reopen, and releases the file when closed', async () => {
    const name = freshName();
    const before = openConnectionCount();
    const first = await openPeople(storage, name);
    await first.bulkWrite([{ document: personDoc({ id: 'keep', name: 'K', age: 9 }) }], 'w');
    await first.close();
    assert.equal(openConnectionCount(), before);
    await assert.rejects(first.findDocumentsById(['keep'], false), /closed/);
    const again = await openPeople(storage, name);
    assert.equal((await again.findDocumentsById(['keep'], false))[0]!.name, 'K');
    await again.close();
  });

  it('remove() drops the collection and deletes an emptied file', async () => {
    const name = freshName();
    const instance = await openPeople(storage, name);
    await instance.bulkWrite([{ document: personDoc({ id: 'r', name: 'R', age: 9 }) }], 'w');
    await instance.remove();
    const { existsSync } = await import('node:fs');
    assert.equal(existsSync(storage.filePathFor(name)), false);
    const fresh = await openPeople(storage, name);
    assert.deepEqual(await fresh.findDocumentsById(['r'], true), []);
    await fresh.close();
  });

  it('refuses a schema with attachments at collection creation', async () => {
    await assert.rejects(
      storage.createStorageInstance({
        databaseInstanceToken: 't',
        databaseName: freshName(),
        collectionName: 'files',
        schema: { ...(await import('./test-fixtures.ts')).personSchema, attachments: {} } as never,
        options: {},
        multiInstance: false,
        devMode: false,
      }),
      /attachments/,
    );
  });
});
