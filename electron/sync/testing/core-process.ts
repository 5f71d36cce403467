// A whole desk (the application's core, as Electron runs it) in its own
// process, for tests with two real desks: RxDB lets one process open the
// application's database only once. The parent sends operations over the IPC
// channel: { type: 'dispatch', name, args }, { type: 'wait-in-sync' },
// { type: 'close' }; each answer carries the request's id.
import { startCore } from '../../app/start-core.ts';
import { TEST_MANAGER } from '../../auth/testing/test-staff.ts';
import { fastTiming } from './desk.ts';

type Command =
  | { type: 'dispatch'; name: string; args: unknown }
  | { type: 'wait-in-sync' }
  | { type: 'status' }
  | { type: 'close' };

const [dataDirectory, deskId] = process.argv.slice(2);
if (!dataDirectory || !deskId) throw new Error('usage: core-process.ts <dataDirectory> <deskId>');

const core = await startCore({
  dataDirectory,
  deskId,
  storageKind: 'sqlite',
  devMode: true,
  appVersion: '0.0.0-test',
  devStaff: TEST_MANAGER,
  ledger: { clinic: { delayMs: 0 } },
  syncTuning: { timing: fastTiming },
});

const reply = (message: unknown) => process.send?.(message);

process.on('message', (raw) => {
  const command = raw as Command & { requestId: number };
  void (async () => {
    try {
      switch (command.type) {
        case 'dispatch':
          return reply({
            requestId: command.requestId,
            ok: true,
            value: await core.dispatch(command.name, command.args),
          });
        case 'wait-in-sync':
          await core.sync.waitForInSync(20_000);
          return reply({ requestId: command.requestId, ok: true, value: core.sync.status() });
        case 'status':
          return reply({ requestId: command.requestId, ok: true, value: core.sync.status() });
        case 'close':
          await core.close();
          reply({ requestId: command.requestId, ok: true });
          return process.disconnect();
      }
    } catch (error) {
      reply({ requestId: command.requestId, ok: false, error: String(error) });
    }
  })();
});
reply({ ready: true });
