// Reports on the seeded scenario: figures equal the ledger's projections, a past date
// ignores everything after it, and the pieces (days, file splitting) hold their limits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  creditOf,
  funderPosition,
  liabilityOf,
  needsAttention,
  packageView,
} from '../ledger/index.ts';
import { add } from '../money.ts';
import {
  buildReport,
  creditLiability,
  dailyTakings,
  deferredRevenue,
  directoryOf,
  endOfLocalDay,
  funderPositionsAt,
  liabilityTrend,
  LocalDays,
  localDateOf,
  needsAttentionAt,
  packagesDue,
  regionalDate,
  splitIntoFiles,
  startOfLocalDay,
  xeroSalesInvoices,
  DEFAULT_ACCOUNT_MAPPING,
} from './index.ts';
import {
  SCENARIO_FRAME,
  SCENARIO_FUNDERS,
  SCENARIO_PATIENTS,
  seededScenario,
} from './seeded-scenario.ts';

const scenario = seededScenario();
const directory = directoryOf(SCENARIO_PATIENTS, SCENARIO_FUNDERS);
const frame = SCENARIO_FRAME;

describe('report figures equal the projections', () => {
  test('credit liability per patient equals creditOf', () => {
    const table = creditLiability(scenario.entries, '2026-03-31', frame, directory);
    const byId = new Map(table.rows.map((row) => [row[1], row[2]]));
    assert.deepEqual(
      byId,
      new Map([
        ['p2', '30.00'],
        ['p4', '30.00'],
      ]),
    );
    for (const [patientId, credit] of byId)
      assert.equal(credit, creditOf(scenario.state, patientId ?? ''));
    const p2 = table.rows.find((row) => row[1] === 'p2');
    // p2's credit came in on 2 March (cash); last visit that day; 29 days old at the 31st.
    assert.deepEqual(p2, ['Smith, "Jack"', 'p2', '30.00', '2026-03-02', '2026-03-02', '29']);
    const p4 = table.rows.find((row) => row[1] === 'p4');
    // p4 got 30.00 on the 3rd and 10.00 on the 4th, 10.00 written off: the oldest 20.00 of the transfer remains.
    assert.deepEqual(p4?.slice(3), ['2026-03-04', '2026-03-03', '28']);
  });

  test('deferred revenue equals the packages’ unearned accounts, breakage shown', () => {
    const table = deferredRevenue(scenario.entries, '2026-03-31', frame);
    assert.deepEqual(table.rows, [
      ['2 massage sessions', '2026-03', '0', '0', '0.00', '150.00'],
      ['5 physio sessions', '2026-03', '1', '3', '240.00', '0.00'],
    ]);
    assert.equal(
      table.totals?.[4],
      packageView(scenario.state, scenario.ids.firstPackage)?.remainingValue,
    );
  });

  test('funder positions equal funderPosition', () => {
    const table = funderPositionsAt(scenario.entries, '2026-03-31', frame, directory);
    const p = funderPosition(scenario.state, 'charity', 'p3');
    assert.deepEqual(table.rows, [
      [
        'Ngā Tamariki Trust, Inc.',
        '山田 太郎',
        'p3',
        p.received,
        p.spent,
        p.expired,
        p.remaining,
        p.held,
      ],
    ]);
    assert.equal(p.held, liabilityOf(scenario.state, 'funderHeld:charity:p3'));
  });

  test('daily takings by method and desk, refunds and reversals apart', () => {
    const table = dailyTakings(scenario.entries, { from: '2026-03-02', to: '2026-03-04' }, frame);
    assert.deepEqual(table.rows.slice(0, 6), [
      ['2026-03-02', 'A', 'card', '400.00', '0.00', '0.00', '400.00'],
      ['2026-03-02', 'A', 'cash', '200.00', '0.00', '0.00', '200.00'],
      ['2026-03-03', 'A', 'cash', '0.00', '50.00', '0.00', '-50.00'],
      ['2026-03-03', 'A', 'eft', '450.00', '0.00', '0.00', '450.00'],
      ['2026-03-04', 'A', 'card', '100.00', '0.00', '0.00', '100.00'],
      ['2026-03-04', 'A', 'eft', '170.00', '0.00', '-20.00', '150.00'],
    ]);
    assert.deepEqual(table.totals, ['Total', '', '', '1320.00', '50.00', '-20.00', '1250.00']);
    assert.deepEqual(
      table.charts[0]?.points.map((p) => p.y),
      ['600.00', '400.00', '250.00'],
    );
  });

  test('needs attention equals the ledger’s list (empty on a healthy journal)', () => {
    const table = needsAttentionAt(scenario.entries, '2026-03-31', frame, directory);
    assert.equal(table.rows.length, needsAttention(scenario.state).length);
    assert.equal(table.rows.length, 0);
  });

  test('packages expiring soon or with one session left', () => {
    const soon = packagesDue(scenario.entries, '2026-03-05', 14, frame, directory);
    assert.deepEqual(
      soon.rows.map((row) => [row[2], row[4], row[6], row[8]]),
      [['2 massage sessions', '2026-03-14', '2', 'expires soon']],
    );
    // After the 20th the short package is closed; nothing expires within a week.
    assert.deepEqual(packagesDue(scenario.entries, '2026-03-25', 7, frame, directory).rows, []);
  });

  test('the liability trend ends at the report figures', () => {
    const trend = liabilityTrend(scenario.entries, { from: '2026-03-01', to: '2026-03-31' }, frame);
    assert.equal(trend.rows.length, 31);
    assert.deepEqual(trend.rows[0], ['2026-03-01', '0.00', '0.00', '0.00']);
    assert.deepEqual(trend.rows[30], ['2026-03-31', '60.00', '360.00', '240.00']);
  });
});

describe('reports at a past date ignore later entries', () => {
  test('credit, deferred revenue and funders at 2 March see only 2 March', () => {
    const firstDay = scenario.entries.filter(
      (entry) => entry.occurredAt < endOfLocalDay('2026-03-02', 'Australia/Sydney'),
    );
    for (const report of ['credit', 'deferred', 'funders', 'attention', 'packages'] as const) {
      const request = { report, at: '2026-03-02', from: '', to: '', withinDays: 30 };
      assert.deepEqual(
        buildReport(request, scenario.entries, frame, directory),
        buildReport(request, firstDay, frame, directory),
        report,
      );
    }
    const credit = creditLiability(scenario.entries, '2026-03-02', frame, directory);
    assert.deepEqual(
      credit.rows.map((row) => [row[1], row[2]]),
      [['p2', '110.00']],
    );
    assert.equal(deferredRevenue(scenario.entries, '2026-03-02', frame).totals?.[4], '320.00');
    assert.deepEqual(funderPositionsAt(scenario.entries, '2026-03-02', frame, directory).rows, []);
  });

  test('an entry recorded late but dated earlier counts at its own date', () => {
    const late = scenario.entries.map((entry) => ({ ...entry }));
    const moved = late.find((entry) => entry.kind === 'creditTransferred');
    if (!moved) throw new Error('no transfer');
    moved.recordedAt = '2026-04-20T00:00:00.000Z';
    assert.deepEqual(
      creditLiability(late, '2026-03-31', frame, directory).rows,
      creditLiability(scenario.entries, '2026-03-31', frame, directory).rows,
    );
  });
});

describe('days in the clinic’s zone', () => {
  test('a Sydney day starts at 13:00 or 14:00 UTC the day before', () => {
    assert.equal(startOfLocalDay('2026-03-02', 'Australia/Sydney'), '2026-03-01T13:00:00.000Z');
    assert.equal(startOfLocalDay('2026-06-02', 'Australia/Sydney'), '2026-06-01T14:00:00.000Z');
    // Daylight saving ends on 5 April 2026: that day is 25 hours long.
    assert.equal(endOfLocalDay('2026-04-05', 'Australia/Sydney'), '2026-04-05T14:00:00.000Z');
    assert.equal(localDateOf('2026-03-01T13:00:00.000Z', 'Australia/Sydney'), '2026-03-02');
    assert.equal(regionalDate('2026-03-02', 'en-AU'), '02/03/2026');
    assert.equal(regionalDate('2026-03-02', 'en-US'), '03/02/2026');
  });

  test('LocalDays buckets instants as formatting each one would', () => {
    const days = new LocalDays('2026-03-25', '2026-04-10', 'Australia/Sydney');
    const start = Date.parse(days.start);
    const end = Date.parse(days.end);
    fc.assert(
      fc.property(fc.integer({ min: start - 86_400_000, max: end + 86_400_000 }), (time) => {
        const instant = new Date(time).toISOString();
        const inside = instant >= days.start && instant < days.end;
        assert.equal(days.dateOf(instant), inside ? localDateOf(instant, 'Australia/Sydney') : '');
      }),
    );
  });
});

describe('export files keep the import limits', () => {
  test('groups are never split and each file stays within the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 60 }),
        fc.integer({ min: 40, max: 120 }),
        (sizes, limit) => {
          const groups = sizes.map((size, g) =>
            Array.from({ length: size }, (_, i) => [`g${g}`, String(i)]),
          );
          const files = splitIntoFiles(groups, { rows: limit }, ['group', 'line'], 'x');
          assert.ok(files.every((file) => file.rows.length <= limit));
          assert.deepEqual(
            files.flatMap((file) => file.rows),
            groups.flat(),
          );
          for (const file of files) {
            const first = file.rows[0]?.[0];
            const last = file.rows[file.rows.length - 1]?.[0];
            assert.ok(
              first === undefined || file.rows[0]?.[1] === '0',
              'a file starts at a group start',
            );
            assert.ok(
              last === undefined ||
                groups.find((grp) => grp[0]?.[0] === last)?.length ===
                  file.rows.filter((r) => r[0] === last).length,
            );
          }
        },
      ),
    );
  });

  test('more than 500 invoices go into several files of at most 500', () => {
    const many = Array.from({ length: 1203 }, (_, i) => {
      const sale = scenario.entries.find((entry) => entry.kind === 'packageSold');
      if (!sale) throw new Error('no sale');
      const invoice = {
        ...(sale.data['invoice'] as object),
        number: `N-${String(i).padStart(5, '0')}`,
      };
      return { ...sale, id: `${sale.id}-${i}`, data: { ...sale.data, invoice } };
    });
    const files = xeroSalesInvoices(
      many,
      { from: '2026-03-01', to: '2026-03-31' },
      frame,
      directory,
      DEFAULT_ACCOUNT_MAPPING,
    );
    const counts = files.map((file) => new Set(file.rows.map((row) => row[10])).size);
    assert.deepEqual(counts, [500, 500, 203]);
    assert.deepEqual(
      files.map((file) => file.name),
      [
        'xero-invoices-2026-03-01-to-2026-03-31-part1.csv',
        'xero-invoices-2026-03-01-to-2026-03-31-part2.csv',
        'xero-invoices-2026-03-01-to-2026-03-31-part3.csv',
      ],
    );
    let total = '0.00';
    for (const file of files) for (const row of file.rows) total = add(total, row[17] ?? '');
    assert.equal(total, '0.00');
  });
});
