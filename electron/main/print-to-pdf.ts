// The desktop app's "Save as PDF": Chromium prints the calling window's page
// with its print style sheet (only the receipt or statement shows), after the
// person picked where to save it. Electron's pieces are passed in, so a test
// can drive this with fakes where no Electron binary exists.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, WebContents } from 'electron';
import type { Caller, HostFunctions, PdfOutcome, PdfRequest } from '../ops/host.ts';

export interface PrintToPdfDependencies {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window showing these contents, when it is one this process made; null otherwise. */
  ourWindowOf(contents: WebContents): Pick<BrowserWindow, 'webContents'> | null;
  /** Where the save dialog opens (the person's Documents folder). */
  defaultFolder: string;
  write?: (filePath: string, data: Uint8Array) => Promise<void>;
}

/** Owner-only: the file holds a patient's or a funder's account. */
const writeOwnerOnly = (filePath: string, data: Uint8Array) =>
  writeFile(filePath, data, { mode: 0o600 });

export function createPrintToPdf(
  deps: PrintToPdfDependencies,
): NonNullable<HostFunctions['printToPdf']> {
  const write = deps.write ?? writeOwnerOnly;
  return async (request: PdfRequest, caller: Caller | undefined): Promise<PdfOutcome> => {
    // The IPC bridge passes the sender it has already checked; check again, cheaply.
    const window = caller ? deps.ourWindowOf(caller as WebContents) : null;
    if (!window) throw new Error('Save as PDF was asked for by no window of ours');
    const choice = await deps.dialog.showSaveDialog(window as BrowserWindow, {
      title: 'Save as PDF',
      defaultPath: join(deps.defaultFolder, request.fileName),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const pdf = await window.webContents.printToPDF({
      pageSize: request.pageSize,
      printBackground: true,
    });
    await write(choice.filePath, pdf);
    return { saved: true, fileName: basename(choice.filePath) };
  };
}
