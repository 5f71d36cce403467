// The reports that read slim entries give the same tables from slim entries as from
// whole ones, at every date of the seeded month; the funders report picks the same
// entries; and a slim entry carries only what SlimEntry names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts } from '../ledger/accounts.ts';
import type { JournalEntry } from '../ledger/entry.ts';
import { addDays, buildReport, buildSlimReport, directoryOf } from './index.ts';
import type { SlimReportName } from './index.ts';
import { slimEntry, touchesFunder, type SlimEntry } from './slim-entry.ts';
import {
  SCENARIO_FRAME,
  SCENARIO_FUNDERS,
  SCENARIO_PATIENTS,
  seededScenario,
} from './seeded-scenario.ts';

const scenario = seededScenario().entries;
const base = scenario[0] as JournalEntry;
/** Entries the scenario lacks: each needs a field a report reads that no kept line shows. */
const crafted: JournalEntry[] = [
  // A visit paid by card only: no credit or package line, but it is p4's last visit.
  {
    ...base,
    id: '0ZZZZZZZZZZZZZZZZZZZZZZZZ1',
    kind: 'checkout',
    occurredAt: '2026-03-25T00:00:00.000Z',
    patientId: 'p4',
    funderId: '',
    packageId: '',
    data: {},
    lines: [
      { account: accounts.money('card'), amount: '90.00' },
      { account: 'revenue:service', amount: '-90.00' },
    ],
  },
  // Money from a funder named on the entry, settling nothing the funder holds.
  {
    ...base,
    id: '0ZZZZZZZZZZZZZZZZZZZZZZZZ2',
    kind: 'paymentReceived',
    occurredAt: '2026-03-26T00:00:00.000Z',
    patientId: 'p2',
    funderId: 'charity',
    packageId: '',
    data: {},
    lines: [
      { account: accounts.money('remittance'), amount: '50.00' },
      { account: accounts.patientReceivable('p2'), amount: '-50.00' },
    ],
  },
];
const entries = [...scenario, ...crafted];
const directory = directoryOf(SCENARIO_PATIENTS, SCENARIO_FUNDERS);
const strings = new Map<string, string>();
const intern = (text: string) => {
  const known = strings.get(text);
  if (known !== undefined) return known;
  strings.set(text, text);
  return text;
};
const slim = entries.map((entry) => slimEntry(entry, intern));
const kept = slim.filter((entry): entry is SlimEntry => entry !== null);
const REPORTS: SlimReportName[] = ['credit', 'deferred', 'packages', 'trend'];

test('slim entries give the same tables as whole ones at every date of the month', () => {
  for (let day = 1; day <= 31; day += 1) {
    const at = `2026-03-${String(day).padStart(2, '0')}`;
    for (const report of REPORTS) {
      for (const withinDays of [1, 30]) {
        const request = { report, at, from: addDays(at, -9), to: at, withinDays };
        assert.deepEqual(
          buildSlimReport(request, kept, SCENARIO_FRAME, directory),
          buildReport(request, entries, SCENARIO_FRAME, directory),
          `${report} at ${at} (within ${withinDays} days)`,
        );
      }
    }
  }
});

test('the funders report picks the same entries from slim ones', () => {
  const fromWhole = entries.filter(touchesFunder).map((entry) => entry.id);
  assert.ok(fromWhole.length > 0);
  assert.deepEqual(
    kept.filter(touchesFunder).map((entry) => entry.id),
    fromWhole,
  );
});

test('a slim entry carries only the fields and data the reports read', () => {
  const fields = [
    'id',
    'kind',
    'occurredAt',
    'patientId',
    'funderId',
    'packageId',
    'lines',
    'data',
  ];
  const dataKeys = new Set([
    'package',
    'packageSold',
    'sessionsUsed',
    'packageExpired',
    'packageFunderId',
  ]);
  for (const entry of kept) {
    assert.deepEqual(Object.keys(entry), fields);
    for (const key of Object.keys(entry.data)) assert.ok(dataKeys.has(key), key);
    for (const line of entry.lines) assert.ok(!line.account.startsWith('card'), line.account);
  }
  // A sale keeps its snapshot; a card payment that only settles an invoice is left out.
  const sale = entries.find((entry: JournalEntry) => entry.kind === 'packageSold');
  assert.ok(sale && slimEntry(sale, intern)?.data['package']);
  const settled: JournalEntry = {
    ...sale,
    kind: 'paymentReceived',
    packageId: '',
    data: { invoiceMoves: [] },
    lines: [
      { account: accounts.money('card'), amount: '80.00' },
      { account: accounts.patientReceivable('p1'), amount: '-80.00' },
    ],
  };
  assert.equal(slimEntry(settled, intern), null);
  // Paid for by a funder: kept (the funders report folds it), with who paid.
  const funded = slimEntry({ ...settled, data: { packageFunderId: 'charity' } }, intern);
  assert.deepEqual(funded?.data, { packageFunderId: 'charity' });
  assert.deepEqual(funded?.lines, []);
});
