// Every report the desk serves (slim copy, pages from SQLite, funders read by id, the kept
// needs-attention fold) equals the pure builder run on every whole entry, at every date
// of the seeded clinic month.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDesk, type TestDesk } from '../ledger/testing/test-desk.ts';
import { addDays, buildReport, REPORT_NAMES } from '../../shared/reports/index.ts';
import { seededScenario } from '../../shared/reports/seeded-scenario.ts';
import { createReportService } from './report-service.ts';
import { clinicFrame, loadDirectory } from './report-sources.ts';

let desk: TestDesk;
const records = mkdtempSync(join(tmpdir(), 'punchcard-history-reports-'));
const { entries } = seededScenario();

before(async () => {
  desk = await openTestDesk('desk-1', '2026-04-15T01:00:00.000Z');
  const written = await desk.core.db.journal.bulkInsert(entries);
  assert.equal(written.error.length, 0);
});
after(async () => {
  await desk.close();
  rmSync(records, { recursive: true, force: true });
});

test('each report from the desk equals the builder on every entry', async () => {
  const db = desk.core.db;
  const service = createReportService({
    db,
    dataDirectory: records,
    now: () => desk.now,
  });
  const frame = await clinicFrame(db);
  const directory = await loadDirectory(db);
  for (const at of ['2026-03-01', '2026-03-03', '2026-03-04', '2026-03-16', '2026-03-31']) {
    for (const report of REPORT_NAMES) {
      const from = report === 'trend' ? addDays(at, -29) : addDays(at, -3);
      const request = { report, at, from, to: at, withinDays: 30 };
      const { csv, ...table } = await service.runReport(request);
      assert.deepEqual(
        table,
        buildReport(request, entries, frame, directory),
        `${report} at ${at}`,
      );
      assert.ok(csv.length > 0);
    }
  }
});
