// `npm start`: build, then launch Electron — or explain why it cannot start.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary, MISSING_ELECTRON_ADVICE } from './electron-binary.ts';

const electron = findElectronBinary();
if (!electron.found) {
  console.error(`\nPunchcard: ${electron.reason}.\n\n${MISSING_ELECTRON_ADVICE}\n`);
  process.exit(1);
}

const built = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
