// Starts the clinic fold worker (clinic-fold-worker.ts) with a capped heap and reports
// how it ended. Never throws: out of memory (ERR_WORKER_OUT_OF_MEMORY), an exception,
// an exit without an answer, a stop — each is a reason, and ClinicProjection then folds
// in-process as it always did. What the worker saved is only ever used through the
// snapshot's usual checks, so a worker that went wrong costs time, never a wrong figure.
import { rm } from 'node:fs/promises';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import { clinicFoldWorkerUrl } from './clinic-fold-worker-location.ts';
import type { JournalTableSource } from './fold-journal-file.ts';

export interface ClinicFoldJob {
  source: JournalTableSource;
  currency: string;
  snapshotFile: string;
  /** tests: the worker throws this instead of folding ('exhaust the heap': runs out of memory) */
  failForTest?: string;
}

export interface ClinicFoldDone {
  documents: number;
}

export interface FoldWorkerOptions {
  /** the worker's script (tests: a failing one); default clinicFoldWorkerUrl() */
  url?: URL;
  resourceLimits?: ResourceLimits;
  failForTest?: string;
}

/**
 * The worker's heap. At 306k entries (scripts/bench/clinic-memory.ts --from journal) the
 * state's heap part is ~20 MB (its typed arrays, ~24 MB, are outside the heap, as are the
 * snapshot's buffers); the rest of the old generation is the parsed JSON's garbage,
 * which a small cap makes V8 collect instead of keep. Peak RSS of the whole process
 * (medians): 96/16 MB → 262 MB, 64/8 → 246, 48/8 → ~231 (in-process: ~330). 64 leaves the
 * state room to grow ~2–3 times before the worker runs out and the fold falls back to
 * in-process. Not much lower: a cap below what a worker needs to start at all is fatal
 * to the whole process, not only the worker.
 */
export const FOLD_WORKER_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 64,
  maxYoungGenerationSizeMb: 8,
};

/** The journal's table in the desk's SQLite file; null for any other storage (memory). */
export function journalTableOf(db: PunchcardDatabase): JournalTableSource | null {
  const internals = db.journal.storageInstance.internals as {
    path?: unknown;
    table?: { layout?: { table?: unknown; changesIndex?: { column?: unknown } } };
  } | null;
  const file = internals?.path;
  const table = internals?.table?.layout?.table;
  const changesColumn = internals?.table?.layout?.changesIndex?.column;
  if (typeof file !== 'string' || typeof table !== 'string' || typeof changesColumn !== 'string') {
    return null;
  }
  return { file, table, changesColumn };
}

export type FoldInWorkerResult = { ok: true; documents: number } | { ok: false; reason: string };

export function foldJournalInWorker(
  job: ClinicFoldJob,
  options: FoldWorkerOptions,
  signal: AbortSignal,
): Promise<FoldInWorkerResult> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: FoldInWorkerResult) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', stop);
      if (result.ok) {
        resolve(result);
        return;
      }
      // A worker stopped while writing leaves its temporary file (same pid: one process).
      void rm(`${job.snapshotFile}.${process.pid}.tmp`, { force: true })
        .catch(() => undefined)
        .then(() => resolve(result));
    };
    let worker: Worker;
    try {
      worker = new Worker(options.url ?? clinicFoldWorkerUrl(), {
        workerData: {
          ...job,
          ...(options.failForTest ? { failForTest: options.failForTest } : {}),
        },
        resourceLimits: options.resourceLimits ?? FOLD_WORKER_LIMITS,
        // Not the parent's flags (a test runner's, --expose-gc): the worker needs none.
        execArgv: [],
        stdout: false,
        stderr: false,
      });
    } catch (error) {
      settle({ ok: false, reason: describe(error) });
      return;
    }
    const stop = () => {
      settle({ ok: false, reason: 'closed' });
      void worker.terminate();
    };
    signal.addEventListener('abort', stop);
    if (signal.aborted) stop();
    // Answered at its exit, not its message: until then its heap is still this process's,
    // and the snapshot's load should not add to it.
    let done: ClinicFoldDone | null = null;
    worker.once('message', (message: ClinicFoldDone) => (done = message));
    worker.once('error', (error) => settle({ ok: false, reason: describe(error) }));
    worker.once('exit', (code) =>
      settle(
        done
          ? { ok: true, documents: done.documents }
          : { ok: false, reason: `the worker exited (${code})` },
      ),
    );
  });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
