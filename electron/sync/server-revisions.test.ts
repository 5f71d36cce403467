// What a session knows of the server's revisions: a pulled version is
// outdated only when a later revision of the same document is known, and
// anything it cannot tell is never called outdated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServerRevisions, generationOf } from './server-revisions.ts';

const base = 'http://127.0.0.1:5984/clinic-patients';

function changesAnswer(rows: { rev: string; lastName: string; leaves?: string[] }[]) {
  return {
    results: rows.map((row) => ({
      id: 'p1',
      changes: (row.leaves ?? [row.rev]).map((rev) => ({ rev })),
      doc: { _id: 'p1', _rev: row.rev, lastName: row.lastName },
    })),
    last_seq: 9,
  };
}

/** The document as RxDB's pull writes it into the desk. */
const deskDoc = (lastName: string) => ({
  id: 'p1',
  lastName,
  _deleted: false,
  _rev: '7-local',
  _meta: { lwt: 1 },
  _attachments: {},
});

test('revision generations are read from CouchDB revisions', () => {
  assert.equal(generationOf('12-abc'), 12);
  assert.equal(generationOf('abc'), undefined);
  assert.equal(generationOf(undefined), undefined);
});

test('a version delivered before this desk pushed a later one is outdated', () => {
  const revisions = createServerRevisions();
  revisions.learn(
    `${base}/_changes?feed=longpoll`,
    undefined,
    changesAnswer([{ rev: '2-a', lastName: 'Edit 1' }]),
  );
  revisions.learn(`${base}/_bulk_docs?`, { method: 'POST', body: '{"docs":[]}' }, [
    { ok: true, id: 'p1', rev: '3-b' },
  ]);
  assert.equal(revisions.isOutdated('clinic-patients', 'id', deskDoc('Edit 1')), true);
});

test('the latest delivered version, and anything unknown, is never outdated', () => {
  const revisions = createServerRevisions();
  revisions.learn(
    `${base}/_changes?feed=normal`,
    undefined,
    changesAnswer([{ rev: '3-b', lastName: 'Edit 2' }]),
  );
  revisions.learn(`${base}/_all_docs?`, undefined, { rows: [{ id: 'p1', value: { rev: '3-b' } }] });
  assert.equal(revisions.isOutdated('clinic-patients', 'id', deskDoc('Edit 2')), false);
  assert.equal(revisions.isOutdated('clinic-patients', 'id', deskDoc('never delivered')), false);
  assert.equal(revisions.isOutdated('clinic-other', 'id', deskDoc('Edit 2')), false);
});

test('an answer listing a leaf as new as the known revision is current (winner chosen among branches)', () => {
  const revisions = createServerRevisions();
  revisions.learn(`${base}/_bulk_docs?`, { body: '{}' }, [{ ok: true, id: 'p1', rev: '4-x' }]);
  revisions.learn(
    `${base}/_changes?feed=normal`,
    undefined,
    changesAnswer([{ rev: '2-a', lastName: 'Other branch', leaves: ['2-a', '5-deleted'] }]),
  );
  assert.equal(revisions.isOutdated('clinic-patients', 'id', deskDoc('Other branch')), false);
});

test('replicator-style writes (new_edits false) and refused rows teach nothing', () => {
  const revisions = createServerRevisions();
  revisions.learn(
    `${base}/_changes?feed=longpoll`,
    undefined,
    changesAnswer([{ rev: '1-a', lastName: 'Start' }]),
  );
  revisions.learn(`${base}/_bulk_docs?`, { body: '{"new_edits":false,"docs":[]}' }, [
    { ok: true, id: 'p1', rev: '9-z' },
  ]);
  revisions.learn(`${base}/_bulk_docs?`, { body: '{"docs":[]}' }, [
    { id: 'p1', error: 'conflict', reason: 'Document update conflict.' },
  ]);
  assert.equal(revisions.isOutdated('clinic-patients', 'id', deskDoc('Start')), false);
});

test('memory is bounded: a forgotten document is never called outdated', () => {
  const revisions = createServerRevisions({ maxDocumentsPerDatabase: 2 });
  revisions.learn(
    `${base}/_changes?feed=longpoll`,
    undefined,
    changesAnswer([{ rev: '1-a', lastName: 'Start' }]),
  );
  revisions.learn(`${base}/_bulk_docs?`, { body: '{}' }, [
    { ok: true, id: 'p1', rev: '2-b' },
    { ok: true, id: 'p2', rev: '1-c' },
    { ok: true, id: 'p3', rev: '1-d' },
  ]);
  assert.equal(revisions.isOutdated('clinic-patients', 'id', deskDoc('Start')), false);
});
