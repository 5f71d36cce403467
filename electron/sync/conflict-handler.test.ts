// The declared conflict rule: latest updatedAt wins, ties broken the same way
// on every desk, the loser kept in the audit trail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { WithDeleted } from 'rxdb';
import {
  compareVersions,
  latestUpdateWinsConflictHandler,
  withConflictHandlers,
  hasDeclaredConflictRule,
} from './conflict-handler.ts';
import { createConflictAuditTrail } from './conflict-audit.ts';
import { collectionSchemas } from '../../shared/db/collections.ts';

type Doc = WithDeleted<{ id: string; name: string; updatedAt: string; deskId: string }>;

const doc = (name: string, updatedAt: string, deskId: string): Doc => ({
  id: 'p1',
  name,
  updatedAt,
  deskId,
  _deleted: false,
});

const fixedNow = () => new Date('2026-03-01T10:00:00.000Z');

function handler() {
  const audit = createConflictAuditTrail();
  return {
    audit,
    h: latestUpdateWinsConflictHandler<Doc>({
      collection: 'patients',
      primaryKey: 'id',
      audit,
      now: fixedNow,
    }),
  };
}

test('the later updatedAt wins whichever side is local, and the loser is kept', async () => {
  const older = doc('Ann', '2026-02-01T09:00:00.000Z', 'desk-b');
  const newer = doc('Anne', '2026-02-01T09:00:01.000Z', 'desk-a');
  const { audit, h } = handler();
  assert.deepEqual(
    await h.resolve({ newDocumentState: older, realMasterState: newer }, 't'),
    newer,
  );
  assert.deepEqual(
    await h.resolve({ newDocumentState: newer, realMasterState: older }, 't'),
    newer,
  );
  assert.equal(audit.entries().length, 1, 'the same pair is recorded once');
  const [entry] = audit.entries();
  assert.equal(entry?.documentId, 'p1');
  assert.equal(entry?.kept['name'], 'Anne');
  assert.equal(entry?.discarded['name'], 'Ann');
  assert.equal(entry?.resolvedAt, '2026-03-01T10:00:00.000Z');
});

test('a tie on updatedAt is broken by deskId, then by content', async () => {
  const at = '2026-02-01T09:00:00.000Z';
  const { h } = handler();
  const fromA = doc('From A', at, 'desk-a');
  const fromB = doc('From B', at, 'desk-b');
  assert.deepEqual(
    await h.resolve({ newDocumentState: fromA, realMasterState: fromB }, 't'),
    fromB,
  );
  assert.deepEqual(
    await h.resolve({ newDocumentState: fromB, realMasterState: fromA }, 't'),
    fromB,
  );
  const x = doc('X', at, 'desk-a');
  const y = doc('Y', at, 'desk-a');
  assert.deepEqual(await h.resolve({ newDocumentState: x, realMasterState: y }, 't'), y);
  assert.deepEqual(await h.resolve({ newDocumentState: y, realMasterState: x }, 't'), y);
});

test('equal content is no conflict: nothing recorded, local storage fields ignored', async () => {
  const { audit, h } = handler();
  const a = doc('Same', '2026-02-01T09:00:00.000Z', 'desk-a');
  const withMeta = { ...a, _meta: { lwt: 5 }, _rev: '3-abc', _attachments: {} } as unknown as Doc;
  assert.equal(h.isEqual(a, withMeta, 't'), true);
  assert.equal(h.isEqual(a, { ...a, name: 'Other' }, 't'), false);
  assert.equal(
    h.isEqual(
      { id: 'p1', name: 'x', updatedAt: 'u', deskId: 'd', _deleted: false },
      { name: 'x', id: 'p1', deskId: 'd', updatedAt: 'u', _deleted: false },
      't',
    ),
    true,
  );
  assert.deepEqual(
    await h.resolve({ newDocumentState: a, realMasterState: withMeta }, 't'),
    withMeta,
  );
  assert.equal(audit.entries().length, 0);
});

const versions = fc.record({
  id: fc.constant('p1'),
  name: fc.string({ maxLength: 4 }),
  updatedAt: fc
    .integer({ min: 0, max: 5 })
    .map((s) => new Date(Date.UTC(2026, 1, 1, 9, 0, s)).toISOString()),
  deskId: fc.constantFrom('desk-a', 'desk-b', 'desk-c'),
  _deleted: fc.boolean(),
});

test('property: the winner does not depend on which side is local, and the order is total', async () => {
  await fc.assert(
    fc.asyncProperty(versions, versions, versions, async (a, b, c) => {
      const { h } = handler();
      const ab = await h.resolve({ newDocumentState: a, realMasterState: b }, 't');
      const ba = await h.resolve({ newDocumentState: b, realMasterState: a }, 't');
      assert.ok(h.isEqual(ab, ba, 't'));
      // Antisymmetric and transitive: a consistent total order, so any
      // sequence of pairwise resolutions ends on the same maximum.
      // (+ 0 turns -0 into 0.)
      assert.equal(Math.sign(compareVersions(a, b)) + 0, -Math.sign(compareVersions(b, a)) + 0);
      if (compareVersions(a, b) > 0 && compareVersions(b, c) > 0)
        assert.ok(compareVersions(a, c) > 0);
      if (compareVersions(a, b) === 0) assert.ok(h.isEqual(a, b, 't'));
    }),
  );
});

test('withConflictHandlers adds the declared rule to every collection', () => {
  const audit = createConflictAuditTrail();
  const creators = withConflictHandlers(
    { ...collectionSchemas, extra: { schema: { primaryKey: 'id' } } },
    audit,
  );
  for (const creator of Object.values(creators)) {
    assert.ok(hasDeclaredConflictRule(creator.conflictHandler));
  }
  assert.equal(hasDeclaredConflictRule({ isEqual: () => true, resolve: async () => ({}) }), false);
});

test('the audit trail persists to its file and reads it back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-audit-'));
  try {
    const filePath = join(dir, 'sync-conflicts.jsonl');
    const first = createConflictAuditTrail({ filePath });
    const record = {
      collection: 'patients',
      documentId: 'p1',
      kept: { name: 'B' },
      discarded: { name: 'A' },
      resolvedAt: '2026-03-01T10:00:00.000Z',
    };
    first.record(record);
    first.record(record);
    const again = createConflictAuditTrail({ filePath });
    assert.deepEqual(again.entries(), [record]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
