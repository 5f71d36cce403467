// Bundles the main process and the preload into dist/electron as CommonJS.
// The preload must be a single CommonJS file: sandboxed preloads cannot load
// ES modules or anything but a few Electron modules.
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  external: ['electron'],
  logLevel: 'warning',
  // What a CommonJS bundle gives anyway (esbuild empties import.meta), said outright so
  // the build does not warn: code run both bundled and from source looks at __dirname
  // first (electron/ledger/clinic-fold-worker-location.ts).
  define: { 'import.meta.url': 'undefined' },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // The clinic fold worker's own file, beside main.cjs where it looks for it
  // (electron/ledger/clinic-fold-worker-location.ts).
  build({
    ...common,
    entryPoints: ['electron/ledger/clinic-fold-worker.ts'],
    outfile: 'dist/electron/clinic-fold-worker.cjs',
  }),
  // Minified: the preload parses on every window load (it carries the contract's schemas).
  build({
    ...common,
    minify: true,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
  }),
]);
console.log('Built dist/electron/main.cjs, clinic-fold-worker.cjs and preload.cjs');
