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

export async function buildHarness(): Promise<string> {
  await build({
    entryPoints: [HARNESS_ENTRY],
    outfile: HARNESS_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  });
  return HARNESS_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildHarness();
  console.log(`Built ${HARNESS_BUNDLE}`);
}
