// Adapts a StoragePort (Electron preload or the harness's WebSocket) to the
// RxDB remote storage the renderer's database reads through.
import { Subject } from 'rxjs';
import type { RxStorage } from 'rxdb';
import {
  getRxStorageRemote,
  type MessageFromRemote,
  type MessageToRemote,
} from 'rxdb/plugins/storage-remote';
import type { StoragePort } from '../contract/storage-port.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the remote storage's internals are opaque here
export function storageFromPort(port: StoragePort, identifier: string): RxStorage<any, any> {
  return getRxStorageRemote({
    identifier,
    mode: 'storage',
    messageChannelCreator() {
      const messages$ = new Subject<MessageFromRemote>();
      const unsubscribe = port.subscribe((message) => messages$.next(message as MessageFromRemote));
      return Promise.resolve({
        messages$,
        send(message: MessageToRemote) {
          port.post(message);
        },
        close() {
          unsubscribe();
          messages$.complete();
          return Promise.resolve();
        },
      });
    },
  });
}
