// Finds the Electron binary that the `electron` npm package would launch, or
// says why there is none. The package installs without its binary where the
// download host is unreachable (and npm here refuses install scripts anyway).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const fromEnv = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron npm package is not installed (run npm install)' };
  }
  if (fromEnv) {
    const binary = join(fromEnv, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(binary)
      ? { found: true, path: binary }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${binary})` };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason: 'the Electron binary has not been downloaded (node_modules/electron/dist is missing)',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { found: true, path: binary }
    : { found: false, reason: `the Electron binary is missing at ${binary}` };
}

export const MISSING_ELECTRON_ADVICE = [
  'The Electron binary is not installed, so the desktop app cannot start here.',
  "Electron's npm package installs without its binary when the download host cannot be reached",
  '(and npm skips install scripts it has not been told to trust). On a machine with internet access,',
  'run `npx install-electron` in this folder (or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked',
  'Electron 45), then `npm start` again. Meanwhile the same app runs in a browser against the same',
  'services: `npm run dev:web` prints a local address to open.',
].join(' ');
