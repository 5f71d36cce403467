// The report and export operations on a real desk (SQLite in a temporary folder),
// through core.dispatch as the screen calls them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDesk, type TestDesk } from '../ledger/testing/test-desk.ts';
import { parseCsv } from './csv.ts';

describe('reports and exports on a desk', () => {
  let desk: TestDesk;
  let out: string;
  let ann: string;
  before(async () => {
    desk = await openTestDesk('desk-1', '2026-03-02T01:00:00.000Z');
    out = mkdtempSync(join(tmpdir(), 'punchcard-exports-'));
    ann = await desk.patient('Ann', 'Lee, "Jr"');
    await desk.call('recordPayment', {
      payer: { type: 'patient', patientId: ann },
      method: 'card',
      amount: '120.00',
    });
    desk.advanceDays(1);
    await desk.call('writeOffCredit', { patientId: ann, amount: '20.00', reasonCode: 'goodwill' });
  });
  after(async () => {
    await desk.close();
    rmSync(out, { recursive: true, force: true });
  });

  test('a report at a date, and at an earlier date', async () => {
    const now = await desk.call('runReport', { report: 'credit', at: '2026-03-03' });
    assert.deepEqual(
      now.rows.map((row) => [row[0], row[2]]),
      [['Ann Lee, "Jr"', '100.00']],
    );
    const before = await desk.call('runReport', { report: 'credit', at: '2026-03-02' });
    assert.deepEqual(
      before.rows.map((row) => row[2]),
      ['120.00'],
    );
    assert.deepEqual(parseCsv(before.csv)[1]?.slice(0, 3), ['Ann Lee, "Jr"', ann, '120.00']);
    const takings = await desk.call('runReport', {
      report: 'takings',
      from: '2026-03-02',
      to: '2026-03-03',
    });
    assert.deepEqual(takings.totals?.slice(3), ['120.00', '0.00', '0.00', '120.00']);
  });

  test('bad input is refused with a sentence', async () => {
    const error = await desk.refuse('runExport', {
      format: 'xero-journals',
      from: '2026-03-05',
      to: '2026-03-01',
    });
    assert.match(error.message, /From must not be after To/);
    await desk.refuse('runReport', { report: 'credit', at: '31/03/2026' }, 'invalid-input');
  });

  test('exporting the same range again writes the same file; later entries are reported late', async () => {
    const range = {
      format: 'xero-journals' as const,
      from: '2026-03-01',
      to: '2026-03-03',
      outDir: out,
    };
    const first = await desk.call('runExport', range);
    assert.equal(first.repeated, false);
    assert.equal(first.entryCount, 2);
    assert.deepEqual(readdirSync(out), ['xero-journals-2026-03-01-to-2026-03-03.csv']);
    const written = readFileSync(join(out, first.files[0]?.name ?? ''), 'utf8');
    assert.equal(written, first.files[0]?.csv);

    // A payment recorded now, dated inside the exported period.
    desk.advanceDays(2);
    await desk.call('recordPayment', {
      payer: { type: 'patient', patientId: ann },
      method: 'cash',
      amount: '15.00',
      occurredAt: '2026-03-02T03:00:00.000Z',
    });
    const again = await desk.call('runExport', range);
    assert.equal(again.repeated, true);
    assert.equal(again.files[0]?.csv, first.files[0]?.csv);
    assert.equal(readFileSync(join(out, first.files[0]?.name ?? ''), 'utf8'), written);
    assert.deepEqual(
      again.late.map((late) => [late.kind, late.exportId]),
      [['paymentReceived', first.exportId]],
    );

    // A wider range carries the late entry once, flagged, and not the ones already exported.
    const wider = await desk.call('runExport', { ...range, to: '2026-03-31' });
    assert.equal(wider.entryCount, 1);
    assert.equal(wider.late.length, 1);
    const exports = await desk.call('listExports', {});
    assert.deepEqual(
      exports.map((e) => [e.from, e.to, e.entryCount]),
      [
        ['2026-03-01', '2026-03-03', 2],
        ['2026-03-01', '2026-03-31', 1],
      ],
    );
  });

  test('the account mapping is validated and remembered', async () => {
    const mapping = await desk.call('accountMapping', {});
    assert.equal(mapping.card.code, '092');
    const changed = { ...mapping, card: { ...mapping.card, code: '1020' } };
    await desk.call('setAccountMapping', { mapping: changed });
    assert.equal((await desk.call('accountMapping', {})).card.code, '1020');
    const error = await desk.refuse('setAccountMapping', {
      mapping: { ...mapping, cash: { ...mapping.cash, code: '' } },
    });
    assert.match(error.message, /account code/);
    const journals = await desk.call('runExport', {
      format: 'qbo-journals',
      from: '2026-03-01',
      to: '2026-03-03',
    });
    assert.ok(journals.files[0]?.csv.includes('Card clearing'));
    assert.equal(journals.writtenTo, '');
  });
});
