// Benchmark of reports and exports on a 300,000-entry journal in the durable SQLite
// storage: each report (entries loaded by the occurredAt index, names loaded, the pure
// builder run, CSV written) and a month's export of each format.
// Entries are synthetic but valid: made by the ledger's own pure commands for many
// patients over a year (packages, sessions, credit paid in and used, refunds, a funder).
//
//   npm run bench:reports
//   BENCH_ENTRIES=50000 npm run bench:reports     # a smaller journal
//   npm run bench:reports -- --clinic              # a copy of the cached "clinic" demo instead
//   node --expose-gc scripts/bench-reports.ts       # memory figures after a collection
//   BENCH_MEMORY_EACH=1 …                           # memory after each report too
//
// The desk is started again after the journal is written, and reports are timed once its
// clinic-wide fold is done. Nothing of the reports is made at start: the first report of
// each kind builds what it keeps (the slim copy of the journal, the needs-attention fold)
// and is printed apart; the median and p95 are of the runs after it (targets: report
// ≤ 1 s, month export ≤ 2 s). Memory (resident, heap, and the peak VmHWM) is printed after
// start, after the fold, and after reports and exports.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../electron/app/start-core.ts';
import { createIdSource } from '../electron/core/ids.ts';
import { createReportService } from '../electron/reports/report-service.ts';
import { benchData, BENCH_END_DATE } from './bench/dataset.ts';
import type { CommandResult, JournalEntry, PackagePlanSnapshot } from '../shared/ledger/index.ts';
import {
  applyEntry,
  bookAppointment,
  checkOutAppointment,
  createLedgerState,
  recordPayment,
  refundCredit,
  sellPackage,
} from '../shared/ledger/index.ts';
import type { ExportFormat, ReportName } from '../shared/reports/index.ts';
import { EXPORT_FORMATS, REPORT_NAMES } from '../shared/reports/index.ts';

const CLINIC = process.argv.includes('--clinic');
const TARGET = Number(process.env.BENCH_ENTRIES ?? 300_000);
const PATIENTS = Math.max(50, Math.round(TARGET / 20));
const RUNS = 6;
const START = Date.parse('2025-01-01T21:00:00.000Z');
const YEAR_MINUTES = 365 * 24 * 60;
const NOW = CLINIC ? `${BENCH_END_DATE}T23:00:00.000Z` : '2026-01-01T00:00:00.000Z';
/** The year the reports cover: the synthetic journal's, or the clinic's last. */
const LAST_DAY = CLINIC ? BENCH_END_DATE : '2025-12-31';
const MONTH = CLINIC
  ? { from: '2025-05-01', to: '2025-05-31' }
  : { from: '2025-06-01', to: '2025-06-30' };

/** The process's resident memory and live heap (after a collection when --expose-gc). */
function rss(label: string): void {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss: resident, heapUsed, heapTotal } = process.memoryUsage();
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  console.log(
    `memory ${label}: rss ${(resident / 1e6).toFixed(0)} MB, heap ${(heapUsed / 1e6).toFixed(0)} MB of ${(heapTotal / 1e6).toFixed(0)} MB` +
      (peak ? `, peak (VmHWM) ${(Number(peak) / 1024).toFixed(0)} MB` : ''),
  );
}

const PLAN: PackagePlanSnapshot = {
  planId: 'plan5',
  name: '5 physio sessions',
  sessions: 5,
  price: '400.00',
  validityDays: 180,
  eligibleServiceIds: ['physio'],
  lateCancelUsesSession: true,
  noShowUsesSession: true,
  expiryRule: 'breakage',
};

/** The first run (which builds what the report keeps) apart, then the median and p95 of the rest. */
function stats(label: string, samples: number[]): void {
  const [first = 0, ...rest] = samples;
  const sorted = [...rest].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  console.log(
    `${label.padEnd(44)} first ${first.toFixed(0).padStart(6)} ms   median ${at(0.5).toFixed(0).padStart(6)} ms   p95 ${at(0.95).toFixed(0).padStart(6)} ms   (n=${rest.length})`,
  );
}

/** A year of a busy clinic: each step is one patient's next event, spread evenly over the year. */
function generate(): JournalEntry[] {
  let time = START;
  const ids = createIdSource(() => time);
  const ctx = { now: new Date(time).toISOString(), newId: ids, deskId: 'desk-1', staffId: 'bench' };
  const state = createLedgerState('AUD');
  const entries: JournalEntry[] = [];
  const step = (YEAR_MINUTES / TARGET) * 60_000;
  const run = <R extends object>(result: CommandResult<R>): R | null => {
    if (!result.ok) return null;
    for (const entry of result.entries) {
      applyEntry(state, entry);
      entries.push(entry);
    }
    time += step * result.entries.length;
    ctx.now = new Date(time).toISOString();
    ctx.deskId = entries.length % 3 === 0 ? 'desk-2' : 'desk-1';
    return result;
  };
  const packages = new Map<string, string>();
  const payments = new Map<string, string>();
  const visit = (patientId: string, packageId = '') =>
    run(
      bookAppointment(
        state,
        {
          patientId,
          serviceId: 'physio',
          practitionerId: 'dr',
          start: ctx.now,
          durationMinutes: 30,
          price: '90.00',
          ...(packageId ? { packageId } : {}),
        },
        ctx,
      ),
    );
  for (let round = 0; entries.length < TARGET; round += 1) {
    for (let p = 0; p < PATIENTS && entries.length < TARGET; p += 1) {
      const patientId = `p${p}`;
      const phase = round % 10;
      if (phase === 0) {
        const sold = run(
          sellPackage(
            state,
            {
              patientId,
              plan: PLAN,
              settlement: { payments: [{ method: p % 2 ? 'card' : 'eft', amount: '400.00' }] },
            },
            ctx,
          ),
        );
        if (sold) packages.set(patientId, sold.packageId);
      } else if (phase <= 5) {
        // Four of five sessions used: some package value stays deferred.
        const booked = visit(patientId, phase <= 4 ? packages.get(patientId) : '');
        if (booked) run(checkOutAppointment(state, { appointment: booked.appointment }, ctx));
      } else if (phase === 6) {
        const paid =
          p % 7 === 0
            ? run(
                recordPayment(
                  state,
                  {
                    payer: { type: 'funder', funderId: 'ndis', patientId },
                    method: 'remittance',
                    amount: '270.00',
                  },
                  ctx,
                ),
              )
            : run(
                recordPayment(
                  state,
                  { payer: { type: 'patient', patientId }, method: 'cash', amount: '300.00' },
                  ctx,
                ),
              );
        if (paid) payments.set(patientId, paid.paymentId);
      } else if (phase <= 8) {
        const booked = visit(patientId);
        const funded = p % 7 === 0;
        if (booked)
          run(
            checkOutAppointment(
              state,
              {
                appointment: booked.appointment,
                ...(funded
                  ? { funderHeld: [{ funderId: 'ndis', amount: '90.00' }] }
                  : { payments: [{ method: 'card', amount: '10.00' }] }),
              },
              ctx,
            ),
          );
      } else {
        const paymentId = payments.get(patientId);
        if (paymentId && p % 7 !== 0)
          run(
            refundCredit(
              state,
              { patientId, paymentId, amount: '10.00', reasonCode: 'bench' },
              ctx,
            ),
          );
        else {
          const booked = visit(patientId);
          if (booked)
            run(
              checkOutAppointment(
                state,
                {
                  appointment: booked.appointment,
                  payments: [{ method: 'card', amount: '90.00' }],
                },
                ctx,
              ),
            );
        }
      }
    }
  }
  return entries;
}

/** Write the synthetic journal and its patients into a new desk at `dataDirectory`. */
async function storeSynthetic(dataDirectory: string): Promise<number> {
  let started = performance.now();
  // Generated here, so nothing of it is left in memory while the reports run.
  const entries: JournalEntry[] = generate();
  const entryCount = entries.length;
  console.log(
    `generated ${entries.length} entries for ${PATIENTS} patients in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const core = await startCore({
    dataDirectory,
    storageKind: 'sqlite',
    devMode: false,
    appVersion: 'bench',
    deskId: 'desk-1',
    ledger: { clinic: { delayMs: 3_600_000 } },
  });
  started = performance.now();
  for (let i = 0; i < entries.length; i += 2000)
    await core.db.journal.bulkInsert(entries.slice(i, i + 2000));
  for (let i = 0; i < PATIENTS; i += 2000) {
    const docs = [];
    for (let p = i; p < Math.min(PATIENTS, i + 2000); p += 1) {
      docs.push({
        id: `p${p}`,
        firstName: `Patient`,
        lastName: `Number ${p}`,
        preferredName: '',
        dateOfBirth: '',
        phone: '',
        email: '',
        notes: '',
        searchText: `patient number ${p}`,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
        updatedBy: 'bench',
        deskId: 'desk-1',
      });
    }
    await core.db.patients.bulkInsert(docs);
  }
  console.log(`stored in SQLite in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await core.close();
  return entryCount;
}

const dir = mkdtempSync(join(tmpdir(), 'punchcard-bench-reports-'));
let dataDirectory = join(dir, 'data');
try {
  let entryCount: number;
  if (CLINIC) {
    // A working copy of the cached clinic (made once by `npm run bench`), removed after.
    const data = await benchData('clinic', 1, (line) => console.log(line));
    dataDirectory = data.dataDirectory;
    entryCount = data.manifest.entries;
  } else {
    entryCount = await storeSynthetic(dataDirectory);
  }

  // Start the desk again, as in the app: the clinic-wide fold reads the journal in the
  // background after 1 s. Reports are timed once that is done.
  const opened = performance.now();
  const core = await startCore({
    dataDirectory,
    storageKind: 'sqlite',
    devMode: false,
    appVersion: 'bench',
    deskId: 'desk-1',
    now: () => new Date(NOW),
  });
  const coreReady = performance.now() - opened;
  rss('after start');
  await core.ledger.clinic.ready();
  console.log(
    `start → core ready ${coreReady.toFixed(0)} ms; → clinic-wide fold done (background) ${(performance.now() - opened).toFixed(0)} ms`,
  );
  rss('after the clinic-wide fold');
  const reports = createReportService({
    db: core.db,
    dataDirectory,
    now: () => new Date(NOW),
    liveState: () => (core.ledger.clinic.isReady ? core.ledger.clinic.state : null),
  });

  const requests: Record<ReportName, { at?: string; from?: string; to?: string }> = {
    takings: MONTH,
    credit: { at: LAST_DAY },
    deferred: { at: LAST_DAY },
    funders: { at: LAST_DAY },
    packages: { at: LAST_DAY },
    attention: { at: MONTH.to }, // a past date: the kept fold, not the live projection
    trend: { from: `${Number(LAST_DAY.slice(0, 4)) - 1}${LAST_DAY.slice(4)}`, to: LAST_DAY },
  };
  console.log(
    `\nreports on ${entryCount} entries (load by occurredAt index + names + build + CSV):`,
  );
  for (const report of REPORT_NAMES) {
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      const table = await reports.runReport({ report, ...requests[report] });
      samples.push(performance.now() - t);
      rows = table.rows.length;
    }
    stats(`report ${report} (${rows} rows)`, samples);
    if (process.env.BENCH_MEMORY_EACH) rss(`after ${report}`);
  }
  rss('after reports');
  console.log(
    `\nexport of ${MONTH.from} to ${MONTH.to} (first run records it, later runs repeat it):`,
  );
  for (const format of EXPORT_FORMATS as readonly ExportFormat[]) {
    const samples: number[] = [];
    let summary = '';
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      const outcome = await reports.runExport({
        format,
        ...MONTH,
        outDir: join(dir, 'out'),
      });
      samples.push(performance.now() - t);
      summary = `${outcome.entryCount} entries, ${outcome.files.length} files`;
    }
    stats(`export ${format} (${summary})`, samples);
  }
  rss('after reports and exports');
  await core.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (CLINIC) rmSync(dataDirectory, { recursive: true, force: true });
}
console.log(
  `load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
