// Memory of the main process once the clinic-wide projection has folded the
// journal: the desk core on a working copy of the cached "clinic" data set
// (production mode, durable storage), waits for the fold, then prints
// process.memoryUsage() and the peak resident size (VmHWM), after a GC when
// node runs with --expose-gc. The copy is removed afterwards.
//   node --expose-gc scripts/bench/clinic-memory.ts [--size clinic] [--seed 1] [--page 500]
// With --fold full|lean the desk's own background work is held off and the
// script folds the journal's pages itself into a full LedgerState or the lean
// AttentionState, to weigh the one structure alone.
// --from says how the desk's clinic-wide projection starts: "journal" removes the
// snapshot from the working copy first (the first start: the whole journal folded),
// "snapshot" needs one beside the cached data set (electron/ledger/clinic-snapshot.ts)
// and folds only what was written since. Either way the snapshot the desk saved is
// copied beside the cached data set afterwards, for the next --from snapshot.
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startCore } from '../../electron/app/start-core.ts';
import { TEST_MANAGER } from '../../electron/auth/testing/test-staff.ts';
import { benchData, cachedDirectory } from './dataset.ts';
import { clinicSnapshotPath } from '../../electron/ledger/clinic-snapshot.ts';
import { journalPages } from '../../electron/ledger/journal-queries.ts';
import { applyEntry, createLedgerState } from '../../shared/ledger/index.ts';
import {
  applyToAttentionState,
  createAttentionState,
} from '../../shared/ledger/attention-state.ts';
import type { DemoSize } from '../demo/sizes.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'clinic' },
    seed: { type: 'string', default: '1' },
    fold: { type: 'string' },
    /** entries per page of the desk's clinic-wide fold (its default when not given) */
    page: { type: 'string' },
    from: { type: 'string', default: 'journal' },
  },
});

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** VmHWM, VmRSS and its anonymous part from /proc (Linux), in MB; 0 elsewhere. */
function procStatus(field: 'VmHWM' | 'VmRSS' | 'RssAnon'): number {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : 0;
  } catch {
    return 0;
  }
}

function snapshot(label: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const usage = process.memoryUsage();
  console.log(
    JSON.stringify({
      at: label,
      rssMB: mb(usage.rss),
      anonMB: procStatus('RssAnon'),
      heapUsedMB: mb(usage.heapUsed),
      heapTotalMB: mb(usage.heapTotal),
      externalMB: mb(usage.external),
      arrayBuffersMB: mb(usage.arrayBuffers),
      vmHwmMB: procStatus('VmHWM'),
    }),
  );
}

const data = await benchData(values.size as DemoSize, Number(values.seed), (line) =>
  console.error(line),
);
const workingSnapshot = clinicSnapshotPath(data.dataDirectory);
const cachedSnapshot = clinicSnapshotPath(
  cachedDirectory(values.size as DemoSize, Number(values.seed)),
);
if (values.from === 'journal') rmSync(workingSnapshot, { force: true });
else if (values.from !== 'snapshot') throw new Error('--from journal|snapshot');
else if (!existsSync(workingSnapshot)) {
  rmSync(data.dataDirectory, { recursive: true, force: true });
  throw new Error(`no snapshot at ${cachedSnapshot}: run once with --from journal first`);
}
try {
  const core = await startCore({
    dataDirectory: data.dataDirectory,
    storageKind: 'sqlite',
    devMode: false,
    appVersion: 'bench',
    devStaff: TEST_MANAGER,
    ledger: {
      clinic: {
        // --fold: hold the desk's own clinic-wide fold off (it waits an hour)
        ...(values.fold ? { delayMs: 3_600_000 } : {}),
        ...(values.page ? { pageSize: Number(values.page) } : {}),
      },
    },
  });
  snapshot('core started');
  const started = performance.now();
  if (values.fold === 'full' || values.fold === 'lean') {
    const full = createLedgerState('AUD');
    const lean = createAttentionState('AUD');
    for await (const page of journalPages(core.db, 500)) {
      for (const entry of page) {
        if (values.fold === 'full') applyEntry(full, entry);
        else applyToAttentionState(lean, entry);
      }
    }
    console.log(
      JSON.stringify({ fold: values.fold, foldMs: Math.round(performance.now() - started) }),
    );
    snapshot(`${values.fold} state folded`);
    // Keep the state alive up to the snapshot above.
    if (full.entryCount + lean.entryCount === 0) console.log('empty journal');
  } else {
    await core.ledger.clinic.ready();
    console.log(
      JSON.stringify({
        clinicFoldMs: Math.round(performance.now() - started),
        start: core.ledger.clinic.started,
      }),
    );
    snapshot('clinic folded');
  }
  await core.close();
  snapshot('closed (snapshot saved)');
  if (!values.fold && existsSync(workingSnapshot)) {
    copyFileSync(workingSnapshot, cachedSnapshot);
    console.log(
      JSON.stringify({ snapshotMB: +(statSync(cachedSnapshot).size / 1048576).toFixed(1) }),
    );
  }
} finally {
  rmSync(data.dataDirectory, { recursive: true, force: true });
}
