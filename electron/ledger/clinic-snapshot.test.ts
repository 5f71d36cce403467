// The clinic-wide projection's snapshot file: a state folded from random merged journals
// comes back exactly (same figures, same needs-attention, same trial total) and keeps
// folding like the original — the entries it holds are no-ops, the rest bring it to a
// fold from scratch. A file that is damaged, of another version or another currency is
// refused with its reason, never half read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { needsAttention } from '../../shared/ledger/index.ts';
import type { AttentionState } from '../../shared/ledger/attention-state.ts';
import {
  applyToAttentionState,
  attentionStateFrom,
  createAttentionState,
  snapshotAttentionState,
} from '../../shared/ledger/attention-state.ts';
import { mergedJournal, offline, ops, withUlids } from '../../shared/testing/merged-journals.ts';
import {
  loadSnapshotFile,
  snapshotBytes,
  writeSnapshotFile,
  type FoldMark,
} from './clinic-snapshot.ts';
import { CLINIC_SNAPSHOT_VERSION } from './clinic-snapshot-version.ts';

const MARK: FoldMark = {
  checkpoint: { id: '01JC7K3QW9X2M5PR8T00000001', lwt: 1234.5 },
  documents: 7,
};

function withFolder(run: (folder: string) => Promise<void>): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'punchcard-clinic-snapshot-'));
  return run(folder).finally(() => rmSync(folder, { recursive: true, force: true }));
}

async function roundTrip(folder: string, state: AttentionState, mark = MARK) {
  const file = join(folder, 'clinic.snapshot');
  await writeSnapshotFile(file, snapshotBytes(state, mark));
  const loaded = await loadSnapshotFile(file, state.currency);
  if (!loaded.ok) assert.fail(`refused: ${loaded.reason}`);
  return loaded;
}

test('a state folded from random merged journals comes back exactly, and folds on like the original', async () => {
  await withFolder(async (folder) => {
    await fc.assert(
      fc.asyncProperty(
        ops(12),
        offline,
        offline,
        fc.boolean(),
        fc.nat(),
        async (shared, onA, onB, ulids, cut) => {
          const merged = mergedJournal(shared, onA, onB);
          const entries = ulids ? withUlids(merged) : merged;
          const all = attentionStateFrom(entries, 'AUD');

          const whole = await roundTrip(folder, all);
          assert.deepEqual(whole.mark, MARK);
          assert.deepEqual(snapshotAttentionState(whole.state), snapshotAttentionState(all));
          assert.deepEqual(needsAttention(whole.state), needsAttention(all));
          assert.equal(whole.state.lineTotal, all.lineTotal);
          assert.equal(whole.state.entryCount, all.entryCount);
          // Every entry it holds is known: delivered again, nothing changes.
          for (const entry of entries)
            assert.equal(applyToAttentionState(whole.state, entry), false);

          // Saved part way, then the rest folded in: the same as a fold from scratch.
          const at = entries.length === 0 ? 0 : cut % (entries.length + 1);
          const part = await roundTrip(folder, attentionStateFrom(entries.slice(0, at), 'AUD'));
          for (const entry of entries) applyToAttentionState(part.state, entry);
          assert.deepEqual(snapshotAttentionState(part.state), snapshotAttentionState(all));
          assert.deepEqual(needsAttention(part.state), needsAttention(all));
        },
      ),
      { numRuns: 60 },
    );
  });
});

test('an empty state with no checkpoint comes back too', async () => {
  await withFolder(async (folder) => {
    const empty = createAttentionState('NZD');
    const loaded = await roundTrip(folder, empty, { checkpoint: null, documents: 0 });
    assert.deepEqual(loaded.mark, { checkpoint: null, documents: 0 });
    assert.deepEqual(snapshotAttentionState(loaded.state), snapshotAttentionState(empty));
  });
});

test('a missing, damaged, other-version or other-currency file is refused with its reason', async () => {
  await withFolder(async (folder) => {
    const entries = withUlids(mergedJournal([], [], []));
    const state = attentionStateFrom(entries, 'AUD');
    const file = join(folder, 'clinic.snapshot');
    const refusedAs = async (reason: RegExp, currency = 'AUD') => {
      const loaded = await loadSnapshotFile(file, currency);
      assert.equal(loaded.ok, false);
      if (!loaded.ok) assert.match(loaded.reason, reason);
    };
    await refusedAs(/no snapshot/);

    await writeSnapshotFile(file, snapshotBytes(state, MARK));
    const good = readFileSync(file);
    await refusedAs(/snapshot in AUD/, 'NZD');

    // One bit of the payload flipped.
    const flipped = Buffer.from(good);
    flipped[flipped.length - 40]! ^= 0x04;
    writeFileSync(file, flipped);
    await refusedAs(/checksum/);

    // The header's count changed (the checksum covers the header too).
    writeFileSync(
      file,
      rewriteHeader(good, (header) => ({ ...header, documents: 8 })),
    );
    await refusedAs(/checksum/);

    writeFileSync(
      file,
      rewriteHeader(good, (header) => ({ ...header, version: CLINIC_SNAPSHOT_VERSION + 1 })),
    );
    await refusedAs(/version/);

    writeFileSync(file, good.subarray(0, good.length / 2));
    await refusedAs(/checksum|unreadable/);
    writeFileSync(file, Buffer.from('not a snapshot'));
    await refusedAs(/unreadable/);
  });
});

function rewriteHeader(
  file: Buffer,
  change: (header: Record<string, unknown>) => Record<string, unknown>,
): Buffer {
  const length = file.readUInt32LE(0);
  const header = change(JSON.parse(file.subarray(4, 4 + length).toString('utf8')) as never);
  const bytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(bytes.length);
  return Buffer.concat([prefix, bytes, file.subarray(4 + length)]);
}
