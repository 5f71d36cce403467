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
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // Minified: the preload parses on every window load (it carries the contract's schemas).
  build({
    ...common,
    minify: true,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
  }),
]);
console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
