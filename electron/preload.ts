// The preload: the only bridge between the page and the main process. It
// exposes one function per operation of the contract and a narrow port for
// RxDB's storage messages — never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import {
  OPERATION_NAMES,
  operationChannel,
  type OperationName,
  type PunchcardApi,
} from '../shared/contract/operations.ts';
import { STORAGE_CHANNEL, type StoragePort } from '../shared/contract/storage-port.ts';
import type { PunchcardBridge } from '../shared/contract/bridge.ts';

/** The function for one operation: its own channel, nothing else. */
function operation<N extends OperationName>(name: N): PunchcardApi[N] {
  const channel = operationChannel(name);
  return ((args: unknown) => ipcRenderer.invoke(channel, args)) as PunchcardApi[N];
}

const operations = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, operation(name)]),
) as PunchcardApi;

const storage: StoragePort = {
  post: (message) => ipcRenderer.send(STORAGE_CHANNEL, message),
  subscribe(listener) {
    const onMessage = (_event: unknown, message: unknown) => listener(message);
    ipcRenderer.on(STORAGE_CHANNEL, onMessage);
    return () => {
      ipcRenderer.removeListener(STORAGE_CHANNEL, onMessage);
    };
  },
};

const bridge: PunchcardBridge = { operations, storage, kind: 'electron' };
contextBridge.exposeInMainWorld('punchcard', bridge);
