// Electron's entry point: thin glue between Electron and the desk core.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  safeStorage,
  shell,
  type WebContents,
} from 'electron';
import { join } from 'node:path';
import { startCore, type Core } from '../app/start-core.ts';
import { createSafeStorageCredentialStore } from '../sync/credential-store.ts';
import { createSafeStorageBackupPassphraseStore } from '../app/backup-passphrase-store.ts';
import { registerAppScheme, serveRendererBundle } from './app-protocol.ts';
import { dataDirectoryFrom } from './data-directory.ts';
import { hardenContents, hardenSession } from './harden-session.ts';
import { registerIpc } from './ipc-bridge.ts';
import { createPrintToPdf } from './print-to-pdf.ts';
import { APP_ENTRY_URL, windowOptions } from './window-options.ts';

const dataDirectory = dataDirectoryFrom(process.argv, process.env, app.getPath('userData'));
// A separate data directory is a separate desk: give it its own instance lock.
app.setPath('userData', join(dataDirectory, 'electron'));

registerAppScheme();

const windows = new Set<BrowserWindow>();
const ourWindowOf = (contents: WebContents) =>
  [...windows].find((window) => !window.isDestroyed() && window.webContents === contents) ?? null;
const isOurWindow = (contents: WebContents) => ourWindowOf(contents) !== null;

function openWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs')));
  windows.add(window);
  window.on('closed', () => windows.delete(window));
  hardenContents(window.webContents, (url) => shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function launch(): Promise<void> {
  const storageKind = 'sqlite' as const;
  const core: Core = await startCore({
    dataDirectory,
    storageKind,
    devMode: !app.isPackaged,
    appVersion: app.getVersion(),
    // The sync password, encrypted by the operating system's key store (never plain text).
    credentialStore: createSafeStorageCredentialStore({
      safeStorage,
      filePath: join(dataDirectory, 'sync-credentials.bin'),
    }),
    // The backup passphrase, likewise (backups stay unencrypted where it cannot be kept safely).
    backupPassphraseStore: createSafeStorageBackupPassphraseStore({
      safeStorage,
      filePath: join(dataDirectory, 'backup-passphrase.bin'),
    }),
    // Receipts and statements: the calling window's page, printed to a file the person picks.
    printToPdf: createPrintToPdf({
      dialog,
      ourWindowOf,
      defaultFolder: app.getPath('documents'),
    }),
    // After a restore or "open the demo clinic" the store is closed and replaced:
    // start again on the new data once the window has shown the message.
    onRestartNeeded: () => {
      setTimeout(() => {
        app.relaunch();
        app.exit(0);
      }, 1500);
    },
  });
  hardenSession((await import('electron')).session.defaultSession);
  serveRendererBundle(join(__dirname, '..', 'renderer'));
  registerIpc(ipcMain, core, isOurWindow);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      { role: 'editMenu' },
      {
        label: 'Window',
        submenu: [
          { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => openWindow() },
          { role: 'reload' },
          { role: 'toggleDevTools' },
          { role: 'minimize' },
        ],
      },
    ]),
  );
  openWindow();
  // On quit: take the day's backup if none was made (the PC may be switched
  // off for the night), then close the store. Quitting waits for both.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    void core.backups
      .atQuit()
      .catch(() => undefined)
      .then(() => core.close())
      .finally(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [first] = windows;
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, (url) => shell.openExternal(url)),
  );
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(launch);
}
