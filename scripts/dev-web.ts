// `npm run dev:web`: the desk's services under plain Node and the renderer in
// a browser. Options: --data <dir> (default .data/dev-web), --port <n>,
// --storage sqlite|memory (default sqlite),
// --build (build the renderer first), --dev-staff (start signed in as a development
// manager; --dev-pin <pin> gives them a PIN for signing in again after a lock), --fresh (a new
// desk is not set up: the first-run wizard shows; without it a new desk counts as set up).
// Prints one JSON line {"url": …} when ready,
// which the end-to-end tests read.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCore } from '../electron/app/start-core.ts';
import { startHarness } from '../electron/harness/web-harness.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.data/dev-web' },
    port: { type: 'string', default: '0' },
    build: { type: 'boolean', default: false },
    storage: { type: 'string', default: 'sqlite' },
    'dev-staff': { type: 'boolean', default: false },
    'dev-pin': { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});

const bundleDirectory = resolve('dist/renderer');
if (values.build || !existsSync(resolve(bundleDirectory, 'index.html'))) {
  const built = spawnSync('npm', ['run', 'build:renderer'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const core = await startCore({
  dataDirectory: resolve(values.data),
  storageKind: values.storage === 'memory' ? 'memory' : 'sqlite',
  devMode: true,
  appVersion: process.env['npm_package_version'] ?? '0.0.0-dev',
  assumeSetUp: !values.fresh,
  onRestartNeeded: (message) => console.error(`Punchcard harness: ${message}`),
  ...(values['dev-staff']
    ? {
        devStaff: {
          id: 'dev-manager',
          name: 'Dev Manager',
          role: 'manager' as const,
          ...(values['dev-pin'] ? { pin: values['dev-pin'] } : {}),
        },
      }
    : {}),
});
const harness = await startHarness({
  core,
  bundleDirectory,
  port: Number.parseInt(values.port, 10),
});
console.log(JSON.stringify({ url: harness.url }));
console.error(`Punchcard harness: open ${harness.url}`);

const stop = async () => {
  await harness.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
