// Where the clinic fold worker's file is. The main process and the benchmark's harness
// are each bundled into one CommonJS file (dist/electron/main.cjs,
// dist/harness/serve-harness.cjs); the worker, which imports the ledger's modules, is
// bundled as clinic-fold-worker.cjs beside each (scripts/build-electron.ts,
// build-harness.ts), and a CommonJS bundle has __dirname. Run from source (tests,
// scripts/dev-web.ts) this is an ES module — no __dirname — and Node runs the worker's
// .ts beside it by type stripping, as it does the rest.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CLINIC_FOLD_WORKER_BUNDLE = 'clinic-fold-worker.cjs';

export function clinicFoldWorkerUrl(): URL {
  if (typeof __dirname === 'string') {
    return pathToFileURL(join(__dirname, CLINIC_FOLD_WORKER_BUNDLE));
  }
  return new URL('./clinic-fold-worker.ts', import.meta.url);
}
