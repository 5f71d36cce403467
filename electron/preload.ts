// The preload: the only bridge between the page and the main process. It
// exposes one function per operation of the contract and a narrow port for
// RxDB's storage messages — never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { operationChannel } from '../shared/contract/operation-names.ts';
import type { PunchcardApi } from '../shared/contract/operations.ts';
import { STORAGE_CHANNEL, type StoragePort } from '../shared/contract/storage-port.ts';
import type { PunchcardBridge } from '../shared/contract/bridge.ts';

const call = <N extends keyof PunchcardApi>(name: N): PunchcardApi[N] =>
  ((args: unknown) => ipcRenderer.invoke(operationChannel(name), args)) as PunchcardApi[N];

const operations: PunchcardApi = {
  appInfo: call('appInfo'),
  addPatient: call('addPatient'),
};

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
