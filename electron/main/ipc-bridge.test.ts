// Every IPC handler checks its sender, proved without an Electron binary: the
// bridge is registered on a fake ipcMain and driven with fake events from our
// window, another window, and our window showing another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WebContents } from 'electron';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { OPERATION_NAMES, operationChannel } from '../../shared/contract/operations.ts';
import { STORAGE_CHANNEL } from '../../shared/contract/storage-port.ts';
import { ok } from '../../shared/contract/result.ts';
import { registerIpc, type IpcRegistrar } from './ipc-bridge.ts';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function fakeIpc() {
  const handled = new Map<string, Handler>();
  const listened = new Map<string, Handler>();
  const ipc = {
    handle: (channel: string, handler: Handler) => handled.set(channel, handler),
    on: (channel: string, handler: Handler) => listened.set(channel, handler),
  } as unknown as IpcRegistrar;
  return { ipc, handled, listened };
}

function fakeContents() {
  const sent: unknown[] = [];
  let destroyedListeners = 0;
  const contents = {
    isDestroyed: () => false,
    send: (_channel: string, message: unknown) => sent.push(message),
    once: (event: string) => {
      if (event === 'destroyed') destroyedListeners += 1;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    sent,
    registered: () => destroyedListeners,
  };
}

function setUp() {
  const { ipc, handled, listened } = fakeIpc();
  const ours = fakeContents();
  const stranger = fakeContents();
  const calls: [string, unknown][] = [];
  const core = {
    dispatch: (name: string, args: unknown) => {
      calls.push([name, args]);
      return Promise.resolve(ok({ done: name }));
    },
    rendererStorage: getRxStorageMemory(),
  };
  registerIpc(ipc, core, (contents) => contents === ours.contents);
  const event = (sender: WebContents, url: string | undefined) => ({
    sender,
    senderFrame: url === undefined ? null : { url },
  });
  return { handled, listened, ours, stranger, calls, event };
}

test('one handler per operation of the contract, on its own channel, and one storage channel', () => {
  const { handled, listened } = setUp();
  assert.deepEqual([...handled.keys()].sort(), OPERATION_NAMES.map(operationChannel).sort());
  assert.deepEqual([...listened.keys()], [STORAGE_CHANNEL]);
});

test('every operation handler refuses another window, or our window showing another origin', async () => {
  const { handled, ours, stranger, calls, event } = setUp();
  const untrusted = [
    event(stranger.contents, 'app://punchcard/index.html'),
    event(ours.contents, 'https://evil.example/'),
    event(ours.contents, 'file:///tmp/index.html'),
    event(ours.contents, 'app://other/index.html'),
    event(ours.contents, undefined),
  ];
  for (const name of OPERATION_NAMES) {
    const handler = handled.get(operationChannel(name))!;
    for (const from of untrusted) {
      assert.deepEqual(await handler(from, {}), {
        ok: false,
        error: { code: 'forbidden', message: 'This window may not do that.' },
      });
    }
  }
  assert.deepEqual(calls, [], 'nothing reached the dispatcher');
  for (const name of OPERATION_NAMES) {
    const answer = await handled.get(operationChannel(name))!(
      event(ours.contents, 'app://punchcard/index.html'),
      { x: 1 },
    );
    assert.deepEqual(answer, ok({ done: name }));
  }
  assert.equal(calls.length, OPERATION_NAMES.length);
});

test('storage messages from an untrusted sender are dropped; ours open a connection', () => {
  const { listened, ours, stranger, event } = setUp();
  const onStorage = listened.get(STORAGE_CHANNEL)!;
  const message = (connectionId: string) => ({
    connectionId,
    requestId: 'r1',
    method: 'close',
    params: [],
  });
  onStorage(event(stranger.contents, 'app://punchcard/index.html'), message('c1'));
  onStorage(event(ours.contents, 'https://evil.example/'), message('c2'));
  onStorage(event(ours.contents, 'app://punchcard/index.html'), { not: 'a storage message' });
  assert.equal(stranger.registered() + ours.registered(), 0);
  onStorage(event(ours.contents, 'app://punchcard/index.html'), message('c3'));
  assert.equal(ours.registered(), 1);
});
