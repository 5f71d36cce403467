// The browser harness's bridge: the same contract as Electron's preload, over
// two WebSockets to the harness (operations, and RxDB storage messages). The
// secret comes in the page's URL fragment.
import type { PunchcardBridge } from '../../shared/contract/bridge.ts';
import type { PunchcardApi } from '../../shared/contract/operations.ts';
import { OPERATION_NAMES } from '../../shared/contract/operations.ts';
import type { StoragePort } from '../../shared/contract/storage-port.ts';
import type { OpResult } from '../../shared/contract/result.ts';

export function webBridgeFromLocation(location: Location): PunchcardBridge | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!token) return null;
  const base = `ws://${location.host}`;
  return {
    kind: 'web',
    operations: operationsOverSocket(`${base}/ops?token=${encodeURIComponent(token)}`),
    storage: storagePortOverSocket(`${base}/storage?token=${encodeURIComponent(token)}`),
  };
}

/** A socket that queues what is sent before it opens. */
function queuedSocket(url: string, onMessage: (data: unknown) => void) {
  const socket = new WebSocket(url);
  const pending: string[] = [];
  socket.addEventListener('open', () => pending.splice(0).forEach((text) => socket.send(text)));
  socket.addEventListener('message', (event) => {
    try {
      onMessage(JSON.parse(String(event.data)));
    } catch {
      // not ours to interpret: ignore
    }
  });
  return {
    socket,
    send(value: unknown) {
      const text = JSON.stringify(value);
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else pending.push(text);
    },
  };
}

function operationsOverSocket(url: string): PunchcardApi {
  let nextId = 1;
  const waiting = new Map<number, (result: OpResult<unknown>) => void>();
  const connection = queuedSocket(url, (data) => {
    const answer = data as { id: number; result: OpResult<unknown> };
    waiting.get(answer.id)?.(answer.result);
    waiting.delete(answer.id);
  });
  connection.socket.addEventListener('close', () => {
    for (const resolve of waiting.values()) {
      resolve({
        ok: false,
        error: {
          code: 'disconnected',
          message: 'Lost the connection to the desk service. Nothing was saved.',
        },
      });
    }
    waiting.clear();
  });
  const call = (name: string) => (args: unknown) =>
    new Promise<OpResult<unknown>>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      connection.send({ id, name, args });
    });
  return Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, call(name)]),
  ) as unknown as PunchcardApi;
}

function storagePortOverSocket(url: string): StoragePort {
  const listeners = new Set<(message: unknown) => void>();
  const connection = queuedSocket(url, (data) => listeners.forEach((listener) => listener(data)));
  return {
    post: (message) => connection.send(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
