// Golden files of every export on the seeded scenario, and what makes them true:
// each exported day sums to zero, the exported liability balances equal the reports,
// and names survive the round trip through a CSV parser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { add, negate, zeroAmount } from '../../shared/money.ts';
import {
  buildExport,
  creditLiability,
  deferredRevenue,
  DEFAULT_ACCOUNT_MAPPING,
  directoryOf,
  EXPORT_FORMATS,
  funderPositionsAt,
  XERO_JOURNAL_COLUMNS,
} from '../../shared/reports/index.ts';
import {
  SCENARIO_FRAME,
  SCENARIO_FUNDERS,
  SCENARIO_PATIENTS,
  seededScenario,
} from '../../shared/reports/seeded-scenario.ts';
import { exportFileCsv, parseCsv, toCsv } from './csv.ts';

const scenario = seededScenario();
const directory = directoryOf(SCENARIO_PATIENTS, SCENARIO_FUNDERS);
const march = { from: '2026-03-01', to: '2026-03-31' };
const mapping = DEFAULT_ACCOUNT_MAPPING;

function exportCsv(format: (typeof EXPORT_FORMATS)[number]): { name: string; text: string }[] {
  return buildExport(format, scenario.entries, march, SCENARIO_FRAME, directory, mapping).map(
    (file) => ({ name: file.name, text: exportFileCsv(file) }),
  );
}

describe('accounting exports on the seeded scenario', () => {
  for (const format of EXPORT_FORMATS) {
    test(`${format} matches its golden file`, () => {
      const files = exportCsv(format);
      assert.equal(files.length, 1);
      const [file] = files;
      if (!file) throw new Error('no file');
      const golden = new URL(`./golden/${format}.csv`, import.meta.url);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, file.text);
      assert.equal(file.text, readFileSync(golden, 'utf8'));
      assert.equal(file.name, `${format}-2026-03-01-to-2026-03-31.csv`);
    });
  }

  test('every day of the Xero manual journals sums to zero, and positive is a debit', () => {
    const [file] = exportCsv('xero-journals');
    const [header, ...rows] = parseCsv(file?.text ?? '');
    assert.deepEqual(header, [...XERO_JOURNAL_COLUMNS]);
    const perDay = new Map<string, string>();
    for (const row of rows)
      perDay.set(row[1] ?? '', add(perDay.get(row[1] ?? '') ?? '0.00', row[5] ?? ''));
    assert.deepEqual(
      [...perDay.keys()],
      ['02/03/2026', '03/03/2026', '04/03/2026', '16/03/2026', '20/03/2026'],
    );
    for (const [day, sum] of perDay) assert.equal(sum, '0.00', `journal of ${day} balances`);
    // The card sale of the package on 2 March is money in: a debit of the card clearing account.
    const card = rows.find((row) => row[1] === '02/03/2026' && row[3] === mapping.card.code);
    assert.equal(card?.[5], '400.00');
  });

  test('every QuickBooks journal balances: debits equal credits', () => {
    const [file] = exportCsv('qbo-journals');
    const [, ...rows] = parseCsv(file?.text ?? '');
    const perJournal = new Map<string, string>();
    for (const row of rows) {
      const signed = row[4] ? row[4] : negate(row[5] ?? '');
      perJournal.set(row[0] ?? '', add(perJournal.get(row[0] ?? '') ?? '0.00', signed));
    }
    assert.equal(perJournal.size, 5);
    for (const sum of perJournal.values()) assert.equal(sum, '0.00');
    // Receivable lines name the customer (QuickBooks requires it).
    const receivable = rows.filter((row) => row[2] === mapping.patientReceivable.name);
    assert.ok(receivable.length > 0);
    assert.ok(receivable.every((row) => (row[6] ?? '') !== ''));
  });

  test('the liability balances in the journals equal the reports at the end of the period', () => {
    const [file] = exportCsv('xero-journals');
    const [, ...rows] = parseCsv(file?.text ?? '');
    const balance = (code: string) =>
      negate(
        rows
          .filter((row) => row[3] === code)
          .reduce((sum, row) => add(sum, row[5] ?? ''), zeroAmount('AUD')),
      );
    const at = march.to;
    const credit = creditLiability(scenario.entries, at, SCENARIO_FRAME, directory);
    assert.equal(balance(mapping.patientCredit.code), credit.totals?.[2]);
    const deferred = deferredRevenue(scenario.entries, at, SCENARIO_FRAME);
    assert.equal(balance(mapping.deferredRevenue.code), deferred.totals?.[4]);
    const funders = funderPositionsAt(scenario.entries, at, SCENARIO_FRAME, directory);
    assert.equal(balance(mapping.funderHeld.code), funders.totals?.[7]);
    assert.deepEqual(
      [credit.totals?.[2], deferred.totals?.[4], funders.totals?.[7]],
      ['60.00', '240.00', '360.00'],
    );
  });

  test('Xero invoices settled with credit, funder money or a package session are paid (total = owing)', () => {
    const [file] = exportCsv('xero-invoices');
    const [, ...rows] = parseCsv(file?.text ?? '');
    const totals = new Map<string, string>();
    for (const row of rows)
      totals.set(row[10] ?? '', add(totals.get(row[10] ?? '') ?? '0.00', row[17] ?? ''));
    assert.ok(totals.size >= 6);
    for (const [number, total] of totals) assert.equal(total, '0.00', `invoice ${number} is paid`);
    // Package sales go to deferred revenue, not to sales.
    const packageLine = rows.find((row) => row[15] === '5 physio sessions');
    assert.equal(packageLine?.[19], mapping.deferredRevenue.code);
  });

  test('names with commas, quotes, line breaks, accents and other scripts survive a round trip', () => {
    const [file] = exportCsv('xero-invoices');
    const contacts = new Set(parseCsv(file?.text ?? '').map((row) => row[0]));
    for (const { name } of SCENARIO_PATIENTS.values()) {
      if (name !== SCENARIO_PATIENTS.get('p3')?.name) assert.ok(contacts.has(name), name);
    }
    const awkward = [
      ['Smith, "Jack"', 'Ana\nMaría Núñez', '山田 太郎', 'Ολυμπία', 'محمد', 'a\r\nb', '"', ','],
      ['-12.50', ' leading space', 'trailing space ', '', 'emoji 🦘', 'tab\there', 'ß', 'naïve'],
    ];
    assert.deepEqual(
      parseCsv(
        toCsv(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'], awkward),
      ).slice(1),
      awkward,
    );
  });
});
