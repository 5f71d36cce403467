// Save as PDF through core.dispatch: the host's function gets the request and
// the calling window; without one (the harness, tests) the answer is in words;
// an open save dialog holds up no other operation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type Core, type CoreOptions } from '../../app/start-core.ts';
import { TEST_MANAGER } from '../../auth/testing/test-staff.ts';
import type { Caller, PdfOutcome, PdfRequest } from '../host.ts';
import { PDF_NOT_AVAILABLE_MESSAGE, pdfFileName } from './print.ts';

async function withCore(
  extra: Partial<CoreOptions>,
  run: (core: Core) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-pdf-'));
  const core = await startCore({
    dataDirectory: join(dir, 'data'),
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    devStaff: TEST_MANAGER,
    ...extra,
  });
  try {
    await run(core);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the host prints the calling window: a safe file name, the page size, and that window', async () => {
  const calls: [PdfRequest, Caller | undefined][] = [];
  const printToPdf = (request: PdfRequest, caller: Caller | undefined): Promise<PdfOutcome> => {
    calls.push([request, caller]);
    return Promise.resolve({ saved: true, fileName: 'Receipt A-RCP-00001.pdf' });
  };
  await withCore({ printToPdf }, async (core) => {
    const window = { id: 7 };
    const answer = await core.dispatch(
      'saveAsPdf',
      { fileName: 'Receipt A-RCP-00001', pageSize: 'Letter' },
      window,
    );
    assert.deepEqual(answer, {
      ok: true,
      value: { saved: true, fileName: 'Receipt A-RCP-00001.pdf' },
    });
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]![0], { fileName: 'Receipt A-RCP-00001.pdf', pageSize: 'Letter' });
    assert.equal(calls[0]![1], window, 'the very window that asked');

    // A4 unless told; folders and characters no system accepts are taken out.
    await core.dispatch('saveAsPdf', { fileName: '../Statement: Ada/Lee?.PDF' }, window);
    assert.deepEqual(calls[1]![0], { fileName: 'Statement Ada Lee.pdf', pageSize: 'A4' });
  });
});

test('a closed save dialog saves nothing and says so', async () => {
  await withCore({ printToPdf: () => Promise.resolve({ saved: false }) }, async (core) => {
    const answer = await core.dispatch('saveAsPdf', { fileName: 'Receipt' }, { id: 1 });
    assert.deepEqual(answer, { ok: true, value: { saved: false, fileName: '' } });
  });
});

test('without a host that can (the harness, tests), the answer says what to do instead', async () => {
  await withCore({}, async (core) => {
    const answer = await core.dispatch('saveAsPdf', { fileName: 'Receipt' });
    assert.deepEqual(answer, {
      ok: false,
      error: { code: 'pdf-not-available', message: PDF_NOT_AVAILABLE_MESSAGE },
    });
    assert.equal(
      PDF_NOT_AVAILABLE_MESSAGE,
      "Saving as PDF is available in the desktop app; use your browser's Print → Save as PDF here.",
    );
  });
});

test('nobody signed in: refused before the host is asked; a bad name is refused in words', async () => {
  let asked = 0;
  const printToPdf = () => {
    asked += 1;
    return Promise.resolve({ saved: false } as const);
  };
  await withCore({ printToPdf }, async (core) => {
    const empty = await core.dispatch('saveAsPdf', { fileName: '  ' }, { id: 1 });
    assert.deepEqual(empty, {
      ok: false,
      error: { code: 'invalid-input', message: 'Give the file a name.', field: 'fileName' },
    });
    await core.dispatch('lock', {});
    const locked = await core.dispatch('saveAsPdf', { fileName: 'Receipt' }, { id: 1 });
    assert.equal(locked.ok ? '' : locked.error.code, 'not-signed-in');
    assert.equal(asked, 0);
  });
});

test('while the save dialog is open, other operations are not held up', async () => {
  let close: (outcome: PdfOutcome) => void = () => undefined;
  const printToPdf = () => new Promise<PdfOutcome>((resolve) => (close = resolve));
  await withCore({ printToPdf }, async (core) => {
    const saving = core.dispatch('saveAsPdf', { fileName: 'Statement' }, { id: 1 });
    const added = await core.dispatch('addPatient', { firstName: 'Ada', lastName: 'Lee' });
    assert.equal(added.ok, true, 'answered while the dialog is still open');
    close({ saved: true, fileName: 'Statement.pdf' });
    assert.deepEqual(await saving, { ok: true, value: { saved: true, fileName: 'Statement.pdf' } });
  });
});

test('file names: never empty, never a folder, always .pdf', () => {
  assert.equal(pdfFileName('Receipt A-RCP-00001'), 'Receipt A-RCP-00001.pdf');
  assert.equal(pdfFileName('...'), 'Punchcard.pdf');
  assert.equal(pdfFileName('a\u0000b\\c'), 'a b c.pdf');
  assert.equal(pdfFileName('x'.repeat(300)).length, 104);
});
