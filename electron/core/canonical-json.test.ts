// The fast canonical JSON must give exactly the text of the definition for any
// JSON value: entry hashes already stored were computed with the definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson, canonicalJsonByHand } from './canonical-json.ts';

test('equals the recursive definition for any JSON value, integer-like keys included', () => {
  const keyed = fc.dictionary(
    fc.oneof(
      fc.string(),
      fc.constantFrom('0', '1', '10', '2', '01', '-1', '1.5', 'a', '__proto__', 'constructor'),
    ),
    fc.jsonValue({ maxDepth: 3 }),
  );
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), keyed, fc.array(keyed)), (value) => {
      assert.equal(canonicalJson(value), canonicalJsonByHand(value));
    }),
    { numRuns: 2000 },
  );
});

test('sorts keys at every depth and leaves out undefined members', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [{ d: 2, c: undefined }, undefined], e: { z: null, y: 'é' } }),
    '{"a":[{"d":2},null],"b":1,"e":{"y":"é","z":null}}',
  );
  assert.equal(canonicalJson({ 10: 'x', 2: 'y', b: 'z' }), '{"10":"x","2":"y","b":"z"}');
  assert.equal(
    canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}')),
    '{"__proto__":{"x":1},"b":1}',
  );
  assert.equal(canonicalJson(undefined), 'null');
  assert.equal(canonicalJson('text'), '"text"');
});
