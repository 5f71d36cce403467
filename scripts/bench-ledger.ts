// Benchmark of the ledger service on the durable SQLite storage:
//   1. a patient with 2,000 entries: building their projection from cold, by index;
//   2. a check-out, from the dispatch call until the patient's projection shows it;
//   3. start-up with 300,000 entries in the journal: time until the desk answers its
//      first patientAccount (the start must not fold the whole journal), and how long
//      the clinic-wide fold then takes in the background.
// Entries are synthetic but valid: made by the ledger's own pure commands.
//
//   npm run bench:ledger
//   BENCH_ENTRIES=50000 npm run bench:ledger     # a smaller journal for step 3
//
// Prints median and p95 of each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startCore, type Core } from '../electron/app/start-core.ts';
import { TEST_MANAGER } from '../electron/auth/testing/test-staff.ts';
import type {
  OperationArgs,
  OperationName,
  OperationResults,
} from '../shared/contract/operations.ts';
import { createIdSource } from '../electron/core/ids.ts';
import { ProjectionCache } from '../electron/ledger/projection-cache.ts';
import type { CommandContext, JournalEntry, LedgerState } from '../shared/ledger/index.ts';
import {
  applyEntry,
  bookAppointment,
  checkOutAppointment,
  createLedgerState,
  recordPayment,
} from '../shared/ledger/index.ts';

const BIG_JOURNAL = Number(process.env.BENCH_ENTRIES ?? 300_000);
const ENTRIES_PER_PATIENT = 20;
const T0 = Date.parse('2025-01-06T08:00:00.000Z');

function stats(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(
    `${label.padEnd(58)} median ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms   (n=${samples.length})`,
  );
}

/** A synthetic desk clock and id source: one minute per command. */
function syntheticContext(deskId: string): CommandContext & { tick(): void } {
  let time = T0;
  const ids = createIdSource(() => time);
  const ctx = {
    now: new Date(time).toISOString(),
    newId: ids,
    deskId,
    staffId: 'bench',
    tick() {
      time += 60_000;
      ctx.now = new Date(time).toISOString();
    },
  };
  return ctx;
}

/** `count` entries for one patient: a payment, then visits paid from the credit, and so on. */
function patientHistory(
  patientId: string,
  count: number,
  ctx: ReturnType<typeof syntheticContext>,
): JournalEntry[] {
  const state: LedgerState = createLedgerState('AUD');
  const out: JournalEntry[] = [];
  const keep = (entries: JournalEntry[]) => {
    for (const entry of entries) {
      applyEntry(state, entry);
      out.push(entry);
    }
  };
  while (out.length < count) {
    ctx.tick();
    const paid = recordPayment(
      state,
      { payer: { type: 'patient', patientId }, method: 'card', amount: '90.00' },
      ctx,
    );
    if (!paid.ok) throw new Error(paid.error.message);
    keep(paid.entries);
    if (out.length >= count) break;
    const booked = bookAppointment(
      state,
      {
        patientId,
        serviceId: 'physio',
        practitionerId: 'dr',
        start: ctx.now,
        durationMinutes: 30,
        price: '90.00',
      },
      ctx,
    );
    if (!booked.ok) throw new Error(booked.error.message);
    const out2 = checkOutAppointment(state, { appointment: booked.appointment }, ctx);
    if (!out2.ok) throw new Error(out2.error.message);
    keep(out2.entries);
  }
  return out;
}

/** An operation that must succeed; its value. */
async function call<N extends OperationName>(
  core: Core,
  name: N,
  args: OperationArgs<N>,
): Promise<OperationResults[N]> {
  const result = await core.dispatch(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as OperationResults[N];
}

async function insertAll(core: Core, entries: JournalEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 2000) {
    const result = await core.db.journal.bulkInsert(entries.slice(i, i + 2000));
    if (result.error.length > 0) throw new Error('insert failed');
  }
}

async function open(dataDirectory: string, clinicDelayMs = 1000): Promise<Core> {
  return startCore({
    dataDirectory,
    storageKind: 'sqlite',
    devMode: false,
    appVersion: 'bench',
    deskId: 'desk-1',
    ledger: { clinic: { delayMs: clinicDelayMs } },
    devStaff: TEST_MANAGER,
  });
}

async function patientWith2000Entries(dir: string): Promise<void> {
  const core = await open(join(dir, 'one'), 60_000);
  try {
    const service = await call(core, 'saveService', {
      name: 'Physio',
      price: '90.00',
      durationMinutes: 30,
    });
    const added = await call(core, 'addPatient', { firstName: 'Heavy', lastName: 'User' });
    const patientId = added.id;
    await insertAll(core, patientHistory(patientId, 2000, syntheticContext('desk-0')));
    // Some other patients, so the index has neighbours.
    const others = syntheticContext('desk-0');
    for (let p = 0; p < 200; p += 1) await insertAll(core, patientHistory(`other${p}`, 20, others));

    const builds: number[] = [];
    for (let run = 0; run < 25; run += 1) {
      const cache = new ProjectionCache(core.db, 'AUD');
      const started = performance.now();
      const projection = await cache.projection({ patients: [patientId] });
      builds.push(performance.now() - started);
      if (projection.entries.size < 2000) throw new Error('projection incomplete');
    }
    stats('projection of a patient with 2,000 entries, from cold', builds.slice(5));

    await call(core, 'patientAccount', { patientId });
    const checkouts: number[] = [];
    const accounts: number[] = [];
    for (let run = 0; run < 60; run += 1) {
      const booked = await call(core, 'bookAppointment', {
        patientId,
        serviceId: service.id,
        practitionerId: 'dr',
        start: new Date().toISOString(),
      });
      const appointmentId = booked.appointment.id;
      const started = performance.now();
      const out = await call(core, 'checkOutAppointment', {
        appointmentId,
        payments: [{ method: 'card', amount: '90.00' }],
      });
      const { state } = await core.ledger.projection({ patients: [patientId] });
      if (!state.invoices.has(out.invoiceId)) throw new Error('projection not updated');
      checkouts.push(performance.now() - started);
      const asked = performance.now();
      await call(core, 'patientAccount', { patientId, historyLimit: 50 });
      accounts.push(performance.now() - asked);
    }
    stats('check-out (dispatch → updated projection), 2,000-entry patient', checkouts.slice(10));
    stats('patientAccount answer (cached projection), 2,000 entries', accounts.slice(10));
  } finally {
    await core.close();
  }
}

async function startWithBigJournal(dir: string): Promise<void> {
  const dataDirectory = join(dir, 'big');
  const patients = Math.ceil(BIG_JOURNAL / ENTRIES_PER_PATIENT);
  let patientId: string;
  {
    const core = await open(dataDirectory, 3_600_000);
    const added = await call(core, 'addPatient', { firstName: 'Some', lastName: 'Patient' });
    patientId = added.id;
    const generated = performance.now();
    const ctx = syntheticContext('desk-0');
    let batch: JournalEntry[] = [];
    let total = 0;
    for (let p = 0; p < patients; p += 1) {
      const id = p === Math.floor(patients / 2) ? patientId : `p${String(p).padStart(6, '0')}`;
      batch.push(...patientHistory(id, ENTRIES_PER_PATIENT, ctx));
      if (batch.length >= 20_000 || p === patients - 1) {
        await insertAll(core, batch);
        total += batch.length;
        batch = [];
      }
    }
    console.log(
      `journal of ${total.toLocaleString('en')} entries (${patients.toLocaleString('en')} patients) written in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
    );
    await core.close();
  }
  // Each start is a fresh process, timed from the process's own start (module loading
  // included), as a desk opening the app would be.
  const toCore: number[] = [];
  const toAnswer: number[] = [];
  const folds: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const child = spawnSync(
      process.execPath,
      [
        fileURLToPath(import.meta.url),
        '--start-child',
        dataDirectory,
        patientId,
        String(run === 0),
      ],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    const timings = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      core: number;
      answer: number;
      fold: number;
    };
    toCore.push(timings.core);
    toAnswer.push(timings.answer);
    if (timings.fold > 0) folds.push(timings.fold);
  }
  stats(`process start → core ready, ${BIG_JOURNAL.toLocaleString('en')} entries`, toCore);
  stats('process start → first patientAccount answer', toAnswer);
  stats('clinic-wide background fold (from its start after 1 s)', folds);
}

/** One start of the desk in this process: prints its timings as JSON. */
async function startChild(dataDirectory: string, patientId: string, fold: boolean): Promise<void> {
  const core = await open(dataDirectory);
  const ready = performance.now();
  const account = await call(core, 'patientAccount', { patientId });
  const answered = performance.now();
  if (account.history.length !== ENTRIES_PER_PATIENT) {
    throw new Error('first answer incomplete');
  }
  let foldMs = 0;
  if (fold) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const started = performance.now();
    const state = await core.ledger.clinic.ready();
    foldMs = performance.now() - started;
    if (state.entryCount < BIG_JOURNAL) throw new Error('fold incomplete');
  }
  await core.close();
  console.log(JSON.stringify({ core: ready, answer: answered, fold: foldMs }));
}

if (process.argv[2] === '--start-child') {
  await startChild(process.argv[3]!, process.argv[4]!, process.argv[5] === 'true');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-bench-ledger-'));
  try {
    await patientWith2000Entries(dir);
    await startWithBigJournal(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
