// The hash chain on made-up entries: intact chains pass; any alteration,
// removal, reordering, duplication or unlinked insertion is found, and the
// verifier names the first broken link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JournalEntry } from '../../shared/ledger/entry.ts';
import { CHAIN_START, linkEntries } from './entry-chain.ts';
import { createChainVerifier, type ChainReport } from './chain-verifier.ts';
import { canonicalJson } from '../core/canonical-json.ts';

function entries(deskId: string, count: number): JournalEntry[] {
  return Array.from(
    { length: count },
    (_, index) =>
      ({
        id: `${deskId}-${String(index).padStart(5, '0')}`,
        kind: 'paymentReceived',
        deskId,
        staffId: 'rex',
        memo: `payment ${index}`,
        lines: [
          { account: 'cash', amount: `${index}.00` },
          { account: 'credit:p1', amount: `-${index}.00` },
        ],
        data: { method: 'cash', n: index },
      }) as unknown as JournalEntry,
  );
}

function verify(docs: readonly object[]): ChainReport {
  const verifier = createChainVerifier();
  for (const doc of docs) verifier.add(doc as never);
  return verifier.report();
}

test('canonical JSON does not depend on key order and leaves out undefined members', () => {
  assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] }), '{"a":[{"d":2}],"b":1}');
  assert.equal(canonicalJson({ a: [{ d: 2 }], b: 1 }), canonicalJson({ b: 1, a: [{ d: 2 }] }));
});

test('an intact chain verifies, continued across writes, with stored `_` fields ignored', () => {
  const first = linkEntries(entries('d1', 3), CHAIN_START);
  const second = linkEntries(entries('d1', 5).slice(3), first.head);
  const stored = [...second.entries, ...first.entries].map((entry) => ({
    ...entry,
    _rev: '1-x',
    _meta: { lwt: 1 },
  }));
  const report = verify(stored);
  assert.equal(report.ok, true);
  assert.deepEqual(report.desks, [
    { deskId: 'd1', entries: 5, verifiedThrough: 5, firstBreak: null },
  ]);
  assert.equal(second.head.seq, 5);
});

test('altering, removing or reordering entry k is found at k; other desks are unaffected', () => {
  const chain = linkEntries(entries('d1', 6), CHAIN_START).entries;
  const other = linkEntries(entries('d2', 2), CHAIN_START).entries;
  const at = (report: ChainReport) => report.desks.find((d) => d.deskId === 'd1')!.firstBreak;

  const altered = chain.map((e, i) => (i === 3 ? { ...e, memo: 'changed' } : e));
  assert.deepEqual(
    { ...at(verify([...altered, ...other])), message: '' },
    { deskId: 'd1', seq: 4, entryId: 'd1-00003', problem: 'altered', message: '' },
  );
  const amount = structuredClone(chain);
  amount[2]!.lines[0]!.amount = '2000.00';
  assert.equal(at(verify(amount))?.seq, 3);

  const removed = chain.filter((_, i) => i !== 2);
  assert.deepEqual(
    [at(verify(removed))?.problem, at(verify(removed))?.seq, at(verify(removed))?.entryId],
    ['missing', 3, 'd1-00003'],
  );

  // Swapping two entries' places (their links) breaks the chain at the first of them.
  const swapped = chain.map((e, i) =>
    i === 1 ? { ...e, chain: chain[4]!.chain } : i === 4 ? { ...e, chain: chain[1]!.chain } : e,
  );
  assert.equal(at(verify(swapped))?.seq, 2);

  // A forged entry given a link of its own but not the right predecessor.
  const replaced = linkEntries([{ ...chain[3]!, memo: 'forged' }], { seq: 3, hash: 'f'.repeat(64) })
    .entries[0]!;
  const withForgery = chain.map((e, i) => (i === 3 ? replaced : e));
  assert.deepEqual(
    [at(verify(withForgery))?.problem, at(verify(withForgery))?.seq],
    ['out-of-order', 4],
  );

  const unlinked = [...chain, { ...entries('d1', 7)[6]!, id: 'd1-extra' }];
  assert.deepEqual(
    [at(verify(unlinked))?.problem, at(verify(unlinked))?.entryId],
    ['unchained', 'd1-extra'],
  );
  const duplicated = [...chain, { ...chain[5]!, id: 'd1-copy' }];
  assert.equal(at(verify(duplicated))?.problem, 'duplicate');

  assert.equal(
    verify([...altered, ...other]).desks.find((d) => d.deskId === 'd2')!.firstBreak,
    null,
  );
});

test('property: for any chain and any single tampering, the first break is where it happened', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 40 }),
      fc.nat(),
      fc.constantFrom('alter', 'remove', 'swap-with-next', 'relink-seq'),
      (length, pick, how) => {
        const chain = linkEntries(entries('d1', length), CHAIN_START).entries;
        const k = pick % (length - 1); // 0-based; leaves a next entry for the swap
        const docs: object[] = structuredClone(chain);
        if (how === 'alter') (docs[k] as JournalEntry).memo += '!';
        if (how === 'remove') docs.splice(k, 1);
        if (how === 'swap-with-next') {
          const a = docs[k] as JournalEntry;
          const b = docs[k + 1] as JournalEntry;
          [a.chain, b.chain] = [b.chain, a.chain];
        }
        if (how === 'relink-seq') (docs[k] as JournalEntry).chain!.seq = length + 5;
        const found = verify(docs).desks[0]!.firstBreak;
        assert.ok(found, how);
        assert.equal(found.seq, k + 1, `${how} at ${k + 1}: ${found.message}`);
      },
    ),
    { numRuns: 300 },
  );
});
