import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdSlots } from './id-slots.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ulid = fc
  .tuple(
    fc.constantFrom(...'01234567'),
    fc.array(fc.constantFrom(...CROCKFORD), { minLength: 25, maxLength: 25 }),
  )
  .map(([first, rest]) => first + rest.join(''));
// Not ULIDs: other lengths, lower case, letters Crockford leaves out, a first digit above 7.
const other = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  ulid.map((id) => id.toLowerCase()),
  ulid.map((id) => `${id.slice(0, 25)}U`),
  ulid.map((id) => `8${id.slice(1)}`),
);

test('ids get dense slots in first-seen order, found again, and read back exactly', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(ulid, ulid, other), { maxLength: 300 }), (ids) => {
      const slots = new IdSlots();
      const expected = new Map<string, number>();
      for (const id of ids) {
        const slot = slots.add(id);
        if (!expected.has(id)) expected.set(id, expected.size);
        assert.equal(slot, expected.get(id));
      }
      assert.equal(slots.size, expected.size);
      for (const [id, slot] of expected) {
        assert.equal(slots.slotOf(id), slot);
        assert.equal(slots.idAt(slot), id);
      }
    }),
    { numRuns: 200 },
  );
});

test('an id never added has no slot, even one a single character away', () => {
  const slots = new IdSlots();
  slots.add('01ARZ3NDEKTSV4RRFFQ69G5FAV');
  assert.equal(slots.slotOf('01ARZ3NDEKTSV4RRFFQ69G5FAW'), -1);
  assert.equal(slots.slotOf('01arz3ndektsv4rrffq69g5fav'), -1);
  assert.equal(slots.slotOf('p1'), -1);
  assert.equal(slots.slotOf('01ARZ3NDEKTSV4RRFFQ69G5FAV'), 0);
});

test('keeps every id as it grows well past its first table (many rehashes)', () => {
  const slots = new IdSlots();
  const ids: string[] = [];
  // Ids of one millisecond differ only in their random part; these share most bits.
  for (let i = 0; i < 50_000; i += 1) {
    const tail = i.toString(32).toUpperCase().padStart(6, '0');
    ids.push(`01JC0000000000000000${tail.replace(/[ILOU]/g, 'Z')}`);
  }
  const unique = [...new Set(ids)];
  for (const id of unique) slots.add(id);
  assert.equal(slots.size, unique.length);
  for (const [slot, id] of unique.entries()) {
    assert.equal(slots.slotOf(id), slot);
    assert.equal(slots.idAt(slot), id);
  }
});
