// Registers the IPC the preload uses: one handler per operation, and the
// storage channel. Every message's sender is checked: it must be a frame of a
// window this process made, showing the app's own origin.
// Electron's ipcMain is passed in (only types are imported), so a test can
// hand it a fake one and prove every handler checks its sender.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { OPERATION_NAMES, operationChannel } from '../../shared/contract/operations.ts';
import { STORAGE_CHANNEL } from '../../shared/contract/storage-port.ts';
import { fail } from '../../shared/contract/result.ts';
import type { Core } from '../app/start-core.ts';
import { exposeStorage, isStorageMessage } from '../transport/expose-storage.ts';
import { isTrustedSenderUrl } from './window-options.ts';

export type IpcRegistrar = Pick<IpcMain, 'handle' | 'on'>;

export function registerIpc(
  ipcMain: IpcRegistrar,
  core: Pick<Core, 'dispatch' | 'rendererStorage'>,
  isOurWindow: (contents: WebContents) => boolean,
): void {
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean =>
    isOurWindow(event.sender) && isTrustedSenderUrl(event.senderFrame?.url);

  for (const name of OPERATION_NAMES) {
    ipcMain.handle(operationChannel(name), (event, args: unknown) => {
      if (!trusted(event)) return fail('forbidden', 'This window may not do that.');
      // The sender goes along for host functions that act on its window (Save as PDF).
      return core.dispatch(name, args, event.sender);
    });
  }

  // Answers go back to the window that opened the connection they belong to.
  const windowByConnection = new Map<string, WebContents>();
  const incoming = exposeStorage(core.rendererStorage, (message) => {
    const target = windowByConnection.get(message.connectionId);
    if (target && !target.isDestroyed()) target.send(STORAGE_CHANNEL, message);
  });
  ipcMain.on(STORAGE_CHANNEL, (event, message: unknown) => {
    if (!trusted(event) || !isStorageMessage(message)) return;
    if (!windowByConnection.has(message.connectionId)) {
      windowByConnection.set(message.connectionId, event.sender);
      event.sender.once('destroyed', () => windowByConnection.delete(message.connectionId));
    }
    incoming.next(message);
  });
}
