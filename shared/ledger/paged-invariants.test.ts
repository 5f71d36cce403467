// The paged self-check finds what checkInvariants finds over the whole array, for merged
// journals read in pages of any size, healthy or spoiled in the ways the check looks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergedJournal, offline, ops } from '../testing/merged-journals.ts';
import type { JournalEntry, Violation } from './index.ts';
import { checkInvariants } from './index.ts';
import { attentionStateFrom, snapshotAttentionState } from './attention-state.ts';
import { PagedInvariantCheck } from './paged-invariants.ts';

type Spoil =
  | 'none'
  | 'unbalance'
  | 'unname'
  | 'duplicate'
  | 'malform'
  | 'reverseTwice'
  | 'badReversal'
  | 'badAccount';

/** Spoil the journal in one of the ways the self-check must notice. */
function spoiled(entries: JournalEntry[], spoil: Spoil, at: number): JournalEntry[] {
  const out = entries.map((entry) => ({ ...entry }));
  const i = at % Math.max(out.length, 1);
  const entry = out[i];
  if (!entry) return out;
  const first = entry.lines[0];
  switch (spoil) {
    case 'unbalance':
      if (first)
        entry.lines = [
          { ...first, amount: first.amount === '1.00' ? '2.00' : '1.00' },
          ...entry.lines.slice(1),
        ];
      break;
    case 'unname':
      entry.patientId = 'nobody';
      entry.counterpartyPatientId = '';
      break;
    case 'duplicate':
      out.push({ ...entry });
      break;
    case 'malform':
      entry.kind = 'madeUp' as JournalEntry['kind'];
      break;
    case 'badAccount':
      if (first) entry.lines = [{ ...first, account: 'nowhere' }, ...entry.lines.slice(1)];
      break;
    case 'reverseTwice':
    case 'badReversal': {
      const reversal = out.find((e) => e.reverses);
      const target = reversal ?? entry;
      const lines = target.lines.map((line) => ({
        ...line,
        amount: line.amount.startsWith('-') ? line.amount.slice(1) : `-${line.amount}`,
      }));
      out.push({
        ...target,
        id: `${target.id}-X`,
        kind: 'reversal',
        reverses: reversal ? reversal.reverses : target.id,
        // A bad reversal repeats the lines instead of negating them.
        lines: spoil === 'badReversal' ? target.lines : reversal ? reversal.lines : lines,
        data: { ...target.data },
      });
      break;
    }
    case 'none':
      break;
  }
  return out;
}

const order = (violations: Violation[]) =>
  violations.map((v) => `${v.kind}|${v.entryId}|${v.message}`).sort();

test('paged: the violations checkInvariants finds over the whole array, and the lean fold', () => {
  const kinds = new Set<string>();
  fc.assert(
    fc.property(
      ops(10),
      offline,
      offline,
      fc.constantFrom<Spoil>(
        'none',
        'unbalance',
        'unname',
        'duplicate',
        'malform',
        'reverseTwice',
        'badReversal',
        'badAccount',
      ),
      fc.nat(),
      fc.integer({ min: 1, max: 40 }),
      (shared, onA, onB, spoil, at, pageSize) => {
        const entries = spoiled(mergedJournal(shared, onA, onB), spoil, at);
        let expected: Violation[];
        try {
          expected = checkInvariants(entries, { currency: 'AUD' });
        } catch {
          return; // a journal the whole-array check cannot fold either
        }
        const check = new PagedInvariantCheck('AUD');
        for (let i = 0; i < entries.length; i += pageSize)
          check.add(entries.slice(i, i + pageSize));
        // Originals as the desk reads them by id (its storage holds one entry per id).
        const byId = new Map(entries.map((entry) => [entry.id, entry]));
        const originals = new Map(
          check.originalsNeeded().flatMap((id) => {
            const found = byId.get(id);
            return found ? [[id, found] as const] : [];
          }),
        );
        const { violations, lean } = check.finish(originals);
        assert.deepEqual(order(violations), order(expected));
        assert.equal(check.entries, entries.length);
        for (const v of violations) kinds.add(v.kind);
        if (spoil !== 'duplicate')
          assert.deepEqual(
            snapshotAttentionState(lean),
            snapshotAttentionState(attentionStateFrom(entries, 'AUD')),
          );
      },
    ),
    { numRuns: 200 },
  );
  for (const kind of [
    'unbalanced-entry',
    'patient-not-named',
    'duplicate-id',
    'malformed-entry',
    'reversed-twice',
    'reversal-mismatch',
  ])
    assert.ok(kinds.has(kind), `never produced ${kind}: ${[...kinds].join(', ')}`);
});
