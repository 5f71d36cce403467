// The desktop app's Save as PDF without an Electron binary: fake dialog and
// window; the save dialog belongs to the calling window, the PDF is that
// window's print, written where the person chose; a cancelled dialog writes
// nothing; a stranger's contents are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindow, Dialog, PrintToPDFOptions, SaveDialogOptions } from 'electron';
import { createPrintToPdf } from './print-to-pdf.ts';

function fakes(choice: { canceled: boolean; filePath?: string }) {
  const printed: PrintToPDFOptions[] = [];
  const dialogs: [unknown, SaveDialogOptions][] = [];
  const written: [string, Uint8Array][] = [];
  const contents = {
    printToPDF: (options: PrintToPDFOptions) => {
      printed.push(options);
      return Promise.resolve(Buffer.from('%PDF-1.7 fake'));
    },
  };
  const window = { webContents: contents } as unknown as BrowserWindow;
  const dialog = {
    showSaveDialog: (owner: unknown, options: SaveDialogOptions) => {
      dialogs.push([owner, options]);
      return Promise.resolve({ canceled: choice.canceled, filePath: choice.filePath ?? '' });
    },
  } as unknown as Pick<Dialog, 'showSaveDialog'>;
  const printToPdf = createPrintToPdf({
    dialog,
    ourWindowOf: (candidate) => (candidate === (contents as unknown) ? window : null),
    defaultFolder: '/home/desk/Documents',
    write: (filePath, data) => {
      written.push([filePath, data]);
      return Promise.resolve();
    },
  });
  return { printToPdf, contents, window, printed, dialogs, written };
}

test('asks where to save, over the calling window, then writes that window printed to PDF', async () => {
  const f = fakes({ canceled: false, filePath: '/home/desk/Documents/Receipt 12.pdf' });
  const outcome = await f.printToPdf({ fileName: 'Receipt 12.pdf', pageSize: 'A4' }, f.contents);
  assert.deepEqual(outcome, { saved: true, fileName: 'Receipt 12.pdf' });
  assert.equal(f.dialogs.length, 1);
  assert.equal(f.dialogs[0]![0], f.window, 'the dialog is modal to the window that asked');
  assert.equal(f.dialogs[0]![1].defaultPath, '/home/desk/Documents/Receipt 12.pdf');
  assert.deepEqual(f.dialogs[0]![1].filters, [{ name: 'PDF document', extensions: ['pdf'] }]);
  assert.deepEqual(f.printed, [{ pageSize: 'A4', printBackground: true }]);
  assert.equal(f.written[0]![0], '/home/desk/Documents/Receipt 12.pdf');
  assert.equal(Buffer.from(f.written[0]![1]).toString(), '%PDF-1.7 fake');
});

test('a cancelled dialog prints and writes nothing', async () => {
  const f = fakes({ canceled: true });
  const outcome = await f.printToPdf({ fileName: 'Statement.pdf', pageSize: 'Letter' }, f.contents);
  assert.deepEqual(outcome, { saved: false });
  assert.deepEqual([f.printed.length, f.written.length], [0, 0]);
});

test('contents of no window of ours (or none at all) are refused before any dialog', async () => {
  const f = fakes({ canceled: false, filePath: '/tmp/x.pdf' });
  await assert.rejects(f.printToPdf({ fileName: 'x.pdf', pageSize: 'A4' }, { stranger: true }));
  await assert.rejects(f.printToPdf({ fileName: 'x.pdf', pageSize: 'A4' }, undefined));
  assert.deepEqual([f.dialogs.length, f.printed.length, f.written.length], [0, 0, 0]);
});
