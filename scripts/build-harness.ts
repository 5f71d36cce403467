// Bundles the benchmark's harness (scripts/bench/serve-harness.ts: the desk core
// in production mode and the browser harness) into one file for Node, the way
// scripts/build-electron.ts bundles the app's main process (CommonJS, node22,
// built-ins such as node:sqlite left to Node): the benchmark then starts what
// the app starts, not hundreds of .ts files type-stripped one by one. CommonJS
// also spares the start-up Node's ES-module facades of built-ins (importing
// node:http that way loads undici and http2 for its lazy exports).
//   npm run build:harness
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const HARNESS_ENTRY = fileURLToPath(new URL('./bench/serve-harness.ts', import.meta.url));
export const HARNESS_BUNDLE = fileURLToPath(
  new URL('../dist/harness/serve-harness.cjs', import.meta.url),
);

/** The clinic fold worker, bundled beside the harness where the desk looks for it. */
const FOLD_WORKER_ENTRY = fileURLToPath(
  new URL('../electron/ledger/clinic-fold-worker.ts', import.meta.url),
);
const FOLD_WORKER_BUNDLE = fileURLToPath(
  new URL('../dist/harness/clinic-fold-worker.cjs', import.meta.url),
);

export async function buildHarness(): Promise<string> {
  const options = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    // Empty in a CommonJS bundle anyway; said outright so the build does not warn (see
    // scripts/build-electron.ts).
    define: { 'import.meta.url': 'undefined' },
  } as const;
  await Promise.all([
    build({ ...options, entryPoints: [HARNESS_ENTRY], outfile: HARNESS_BUNDLE }),
    build({ ...options, entryPoints: [FOLD_WORKER_ENTRY], outfile: FOLD_WORKER_BUNDLE }),
  ]);
  return HARNESS_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildHarness();
  console.log(`Built ${HARNESS_BUNDLE}`);
}
