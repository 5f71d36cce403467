// A fold worker whose snapshot does not fit the journal: it folds as the real one does but
// records one document fewer than it counted (clinic-fold-worker.test.ts: the main
// process's checks must refuse it and fold in-process instead).
import { workerData, parentPort } from 'node:worker_threads';
import { snapshotBytes, writeSnapshotFile } from '../clinic-snapshot.ts';
import { foldJournalFile } from '../fold-journal-file.ts';
import type { ClinicFoldJob } from '../fold-in-worker.ts';

const job = workerData as ClinicFoldJob;
const { state, mark } = foldJournalFile(job.source, job.currency);
void writeSnapshotFile(
  job.snapshotFile,
  snapshotBytes(state, { ...mark, documents: mark.documents - 1 }),
).then(() => parentPort?.postMessage({ documents: mark.documents }));
