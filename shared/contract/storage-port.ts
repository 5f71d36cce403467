// The narrow port through which the renderer reaches the main process's RxDB
// storage. In Electron the preload exposes it (context isolation forbids handing
// over ipcRenderer); in the browser harness a WebSocket implements it.
export interface StoragePort {
  /** Sends one RxDB remote-storage message to the main process. */
  post(message: unknown): void;
  /** Receives every message the main process sends; returns the unsubscribe. */
  subscribe(listener: (message: unknown) => void): () => void;
}

export const STORAGE_CHANNEL = 'punchcard:storage';
