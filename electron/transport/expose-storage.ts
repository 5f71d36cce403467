// Serves the renderer-facing storage over any message transport (Electron IPC
// or the harness's WebSocket) with RxDB's remote-storage protocol.
import { Subject } from 'rxjs';
import type { RxStorage } from 'rxdb';
import {
  exposeRxStorageRemote,
  type MessageFromRemote,
  type MessageToRemote,
} from 'rxdb/plugins/storage-remote';

/**
 * Returns the subject to push incoming renderer messages into; answers go to
 * `send`, each carrying the `connectionId` of the renderer connection it is for.
 */
export function exposeStorage(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- storages differ in their internals
  storage: RxStorage<any, any>,
  send: (message: MessageFromRemote) => void,
): Subject<MessageToRemote> {
  const incoming = new Subject<MessageToRemote>();
  exposeRxStorageRemote({ storage, messages$: incoming.asObservable(), send });
  return incoming;
}

/** A message from outside is only passed on when it has the protocol's shape. */
export function isStorageMessage(value: unknown): value is MessageToRemote {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['connectionId'] === 'string' &&
    typeof candidate['requestId'] === 'string' &&
    typeof candidate['method'] === 'string'
  );
}
