import type { PunchcardApi } from './operations.ts';
import type { StoragePort } from './storage-port.ts';

/**
 * What the renderer is given: the operations and the storage port. In Electron
 * the preload exposes it as `window.punchcard`; in the browser harness a
 * WebSocket adapter builds the same object.
 */
export interface PunchcardBridge {
  operations: PunchcardApi;
  storage: StoragePort;
  kind: 'electron' | 'web';
}
