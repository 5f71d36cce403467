// One text for one value, whatever order its keys were written or stored in, so
// equal documents give equal text on every desk (entry hashes, sync revisions):
// object keys sorted, no whitespace, undefined members left out (as a JSON
// store leaves them out). What the entry hashes are computed over, so for plain
// JSON data its output must never change: canonical-json.test.ts holds it to
// the plain recursive definition (`canonicalJsonByHand`).
//
// It runs over every entry written and, for a backup's chain summary or the
// self-check, over the whole journal, so the engine's own JSON.stringify does
// the work, given a copy of the value whose objects have their keys inserted in
// sorted order.
// Engines list integer-like keys ("0", "12") first, in numeric order, whatever
// the insertion order; a value holding one is written by hand instead.

const INTEGER_LIKE = /^(?:0|[1-9]\d*)$/;

/** Thrown while copying when key order cannot be left to the engine. */
const NEEDS_HAND = Symbol('canonical JSON by hand');

/** The value with every object's keys inserted in sorted order (primitives as they are). */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source).sort();
  // No prototype: a member named "__proto__" stays a member, not a prototype.
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of keys) {
    if (INTEGER_LIKE.test(key)) throw NEEDS_HAND;
    const member = source[key];
    if (member !== undefined) copy[key] = sortedCopy(member);
  }
  return copy;
}

/** The definition: recursive, member by member. */
export function canonicalJsonByHand(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJsonByHand).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map(
      (key) =>
        `${JSON.stringify(key)}:${canonicalJsonByHand((value as Record<string, unknown>)[key])}`,
    );
  return `{${members.join(',')}}`;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return canonicalJsonByHand(value);
  try {
    return JSON.stringify(sortedCopy(value));
  } catch (error) {
    if (error === NEEDS_HAND) return canonicalJsonByHand(value);
    throw error;
  }
}
