// The worker thread that folds the whole journal when a desk starts without a usable
// clinic snapshot, and saves it as one (fold-in-worker.ts starts it; the main process
// then loads the snapshot through its usual checks). In a worker so the ~1.7 GB of JSON
// parsed at a clinic's size fills a small capped heap that is collected often, not the
// main process's old generation (which grew to ~330 MB doing the same fold).
// Bundled on its own (scripts/build-electron.ts, build-harness.ts); from source Node runs
// this .ts by type stripping.
import { parentPort, workerData } from 'node:worker_threads';
import { snapshotBytes, writeSnapshotFile } from './clinic-snapshot.ts';
import { foldJournalFile } from './fold-journal-file.ts';
import type { ClinicFoldJob, ClinicFoldDone } from './fold-in-worker.ts';

async function run(job: ClinicFoldJob): Promise<ClinicFoldDone> {
  if (job.failForTest === 'exhaust the heap') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(100_000).fill(hoard.length));
  }
  if (job.failForTest) throw new Error(job.failForTest);
  const { state, mark } = foldJournalFile(job.source, job.currency);
  await writeSnapshotFile(job.snapshotFile, snapshotBytes(state, mark));
  return { documents: mark.documents };
}

// Not top-level await: the bundle is CommonJS. A rejection is the worker's 'error' event.
void run(workerData as ClinicFoldJob).then((done) => parentPort?.postMessage(done));
