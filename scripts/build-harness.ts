// Bundles the benchmark's harness (scripts/bench/serve-harness.ts: the desk core
// in production mode and the browser harness) into one ES module for Node, as
// scripts/build-electron.ts bundles the app's main process: the benchmark then
// starts what the app starts, not hundreds of .ts files type-stripped one by one.
//   npm run build:harness
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const HARNESS_ENTRY = fileURLToPath(new URL('./bench/serve-harness.ts', import.meta.url));
export const HARNESS_BUNDLE = fileURLToPath(
  new URL('../dist/harness/serve-harness.mjs', import.meta.url),
);

export async function buildHarness(): Promise<string> {
  await build({
    entryPoints: [HARNESS_ENTRY],
    outfile: HARNESS_BUNDLE,
    bundle: true,
    // platform node keeps node:sqlite and every other built-in external.
    platform: 'node',
    target: 'node22',
    // ESM for the entry's top-level await.
    format: 'esm',
    sourcemap: true,
    // Bundled CommonJS packages (ws) call require() for built-ins; an ES module has none.
    banner: {
      js: "import { createRequire as __harnessCreateRequire } from 'node:module'; const require = __harnessCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return HARNESS_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildHarness();
  console.log(`Built ${HARNESS_BUNDLE}`);
}
