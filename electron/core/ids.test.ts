import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIdSource } from './ids.ts';

test('ids are 26 characters of Crockford base32', () => {
  const id = createIdSource(() => 1_763_700_000_000)();
  assert.match(id, /^[0-9A-HJKMNP-TV-Z]{26}$/);
});

test('ids made later sort later, and ids within one millisecond keep increasing', () => {
  let clock = 1_763_700_000_000;
  const next = createIdSource(() => clock);
  const ids: string[] = [];
  for (let i = 0; i < 1000; i++) {
    if (i % 100 === 0) clock += 1;
    ids.push(next());
  }
  const sorted = [...ids].sort();
  assert.deepEqual(ids, sorted);
  assert.equal(new Set(ids).size, ids.length);
});

test('two desks making ids in the same millisecond do not collide', () => {
  const deskA = createIdSource(() => 42);
  const deskB = createIdSource(() => 42);
  const a = new Set(Array.from({ length: 500 }, () => deskA()));
  const b = Array.from({ length: 500 }, () => deskB());
  assert.equal(b.filter((id) => a.has(id)).length, 0);
});
