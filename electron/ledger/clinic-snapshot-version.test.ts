// Guards CLINIC_SNAPSHOT_VERSION: a desk loads the snapshot a fold saved before, so when
// what the fold produces, or how the codec writes it, changes, old snapshots must be
// refused (a version bump) or desks would start from figures of the old meaning. This
// folds a fixed journal (testing/fixed-journal.jsonl: two desks' offline work merged,
// with every kind of needs-attention item; kept as data so that changes to the commands
// do not move it) and compares fingerprints of the state and of the codec's layout with
// the ones recorded for the current version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { attentionStateFrom, snapshotAttentionState } from '../../shared/ledger/attention-state.ts';
import { encodeAttentionState, kindOf } from './attention-snapshot-codec.ts';
import { CLINIC_SNAPSHOT_VERSION } from './clinic-snapshot-version.ts';

/** Recorded for CLINIC_SNAPSHOT_VERSION = 2 (1: the state in one node:v8 buffer). */
const RECORDED = {
  version: 2,
  fold: '42b12f38b62e21b00c9254abc74490bd215beb9560867c9c1d5d0cbbc5d66feb',
  layout: 'd6392e945a48e454b770ef1a6a9147346c4bf02fae9c7e95a81010dadd7144d1',
};

const entries = readFileSync(new URL('./testing/fixed-journal.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as JournalEntry);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Field names and kinds of values, all the way down (array: its first element's). */
function shape(value: unknown): unknown {
  if (value instanceof Map) {
    const first = value.entries().next().value as [unknown, unknown] | undefined;
    return { Map: first ? [shape(first[0]), shape(first[1])] : [] };
  }
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  if (Array.isArray(value)) return [value.length > 0 ? shape(value[0]) : 'empty'];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
    );
  }
  return typeof value;
}

test('the fold and the snapshot layout are those of CLINIC_SNAPSHOT_VERSION', () => {
  const state = attentionStateFrom(entries, 'AUD');
  // The fixture still holds what it is for.
  assert.equal(state.entryCount, entries.length);
  const kinds = new Set([...state.attention.values()].map((item) => item.kind));
  assert.deepEqual([...kinds].sort(), [
    'invoice-overpaid',
    'negative-balance',
    'package-overused',
    'payment-overrefunded',
  ]);
  assert.ok(state.payments.otherMethods.size > 0, 'a payment with two methods');

  const fold = sha256(JSON.stringify(snapshotAttentionState(state)));
  const encoded = encodeAttentionState(state);
  const layout = sha256(
    JSON.stringify([
      shape(deserialize(encoded.rest)),
      encoded.arrays.map(([path, array]) => [path, kindOf(array)]),
    ]),
  );
  const now = JSON.stringify({ fold, layout });
  assert.equal(
    RECORDED.version,
    CLINIC_SNAPSHOT_VERSION,
    `CLINIC_SNAPSHOT_VERSION is now ${CLINIC_SNAPSHOT_VERSION}: record its fingerprints in RECORDED (version ${CLINIC_SNAPSHOT_VERSION}, ${now}).`,
  );
  assert.deepEqual(
    { fold, layout },
    { fold: RECORDED.fold, layout: RECORDED.layout },
    `The clinic-wide fold or the snapshot's layout changed. Bump CLINIC_SNAPSHOT_VERSION in ` +
      `electron/ledger/clinic-snapshot-version.ts (desks then fold the journal once instead of ` +
      `loading snapshots of the old meaning), then record in RECORDED: version ` +
      `${CLINIC_SNAPSHOT_VERSION + 1}, ${now}.`,
  );
});
