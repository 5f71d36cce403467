// Generate a synthetic clinic into a data directory, through the app's own
// storage (SQLite) and database: catalog, patients, the simulated journal and
// appointments, the desks' number counters, and desk.json naming the desk that
// opens it ("desk-1", so its numbers carry on from the history).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { saveDeskConfig, deskConfigSchema } from '../../electron/app/desk-config.ts';
import { chooseStorage } from '../../electron/db/choose-storage.ts';
import { openDatabase } from '../../electron/db/open-database.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { Appointment, JournalEntry } from '../../shared/ledger/index.ts';
import type { Patient } from '../../shared/patients/patient.ts';
import { buildCatalog, CLINIC_TIME_ZONE } from './catalog.ts';
import { createClinicClock } from './clinic-clock.ts';
import { planPatients } from './patients.ts';
import { createRandom } from './random.ts';
import { createSimulation, type SimulationStats } from './simulation.ts';
import { SIZE_PROFILES, type DemoSize } from './sizes.ts';
import { createSeededIds } from './ulid.ts';

export interface DemoOptions {
  size: DemoSize;
  seed: number;
  dataDirectory: string;
  /** the day the clinic's history ends (YYYY-MM-DD): appointments from it on are bookings */
  endDate: string;
  /** validate every document against the collections' schemas (slower; dev-mode database) */
  validate?: boolean;
  log?: (line: string) => void;
}

/** A patient with one of the longest money histories (the benchmark opens their records). */
export interface LongHistoryPatient {
  id: string;
  name: string;
  entries: number;
}

/** What was generated; also written to demo.json beside the database. */
export interface DemoResult {
  size: DemoSize;
  seed: number;
  endDate: string;
  patients: number;
  appointments: number;
  entries: number;
  /** journal entries by kind */
  entryKinds: Record<string, number>;
  catalog: number;
  commands: Record<string, number>;
  refusals: Record<string, number>;
  /** the 30 patients with the most journal entries, most first */
  longestHistories: LongHistoryPatient[];
  seconds: number;
}

export const DEMO_MANIFEST = 'demo.json';

const BATCH = 5000;

async function insertAll<T>(
  collection: { bulkInsert(docs: T[]): Promise<{ error: unknown[] }> },
  docs: T[],
  what: string,
): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    const result = await collection.bulkInsert(docs.slice(i, i + BATCH));
    if (result.error.length > 0) {
      throw new Error(
        `${result.error.length} ${what} were refused: ${JSON.stringify(result.error[0]).slice(0, 600)}`,
      );
    }
  }
}

/** The days in `years` years ending the day before `endDate`. */
function daysIn(years: number, endDate: string): number {
  const end = new Date(`${endDate}T00:00:00.000Z`);
  const start = new Date(end);
  start.setUTCFullYear(end.getUTCFullYear() - years);
  return Math.round((end.getTime() - start.getTime()) / 86_400_000);
}

export async function generateDemo(options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const dir = options.dataDirectory;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty: the demo is written into a new data directory`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  saveDeskConfig(dir, deskConfigSchema.parse({ deskId: 'desk-1', deskName: 'Front desk' }));
  const profile = SIZE_PROFILES[options.size];
  const random = createRandom(options.seed);
  const ids = createSeededIds(random.fork('ids'));
  const days = daysIn(profile.years, options.endDate);
  const clock = createClinicClock(CLINIC_TIME_ZONE, options.endDate, days);
  // The clinic was set up a month before its history starts.
  const catalog = buildCatalog(profile, ids, clock.at(0, 0) - 30 * 86_400_000, 'desk-1');
  const patients = planPatients(random.fork('patients'), {
    count: profile.patients,
    days,
    practitioners: profile.practitioners,
    funders: catalog.funders.length,
    longHistory: profile.longHistoryPatients,
    endYear: Number(options.endDate.slice(0, 4)),
  });

  const db: PunchcardDatabase = await openDatabase({
    storage: chooseStorage({ kind: 'sqlite', dataDirectory: dir }),
    devMode: options.validate ?? false,
  });
  try {
    await insertAll(db.catalog, catalog.all(), 'catalog documents');
    let entries: JournalEntry[] = [];
    let appointments: Appointment[] = [];
    let people: Patient[] = [];
    const perPatient = new Map<string, number>();
    const kinds = new Map<string, number>();
    const names = new Map<string, string>();
    const flush = async () => {
      // Patients first: nothing in the journal names a patient not yet on file.
      await insertAll(db.patients, people, 'patients');
      await insertAll(db.journal, entries, 'entries');
      await insertAll(db.appointments, appointments, 'appointments');
      entries = [];
      appointments = [];
      people = [];
    };
    const simulation = createSimulation({
      catalog,
      patients,
      clock,
      random: random.fork('days'),
      ids,
      bookingIds: createSeededIds(random.fork('booking ids')),
      sink: {
        entries: (more) => {
          entries.push(...more);
          for (const entry of more) {
            kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
            for (const id of [entry.patientId, entry.counterpartyPatientId])
              if (id) perPatient.set(id, (perPatient.get(id) ?? 0) + 1);
          }
        },
        appointment: (appointment) => appointments.push(appointment),
        patient: (patient) => {
          people.push(patient);
          names.set(patient.id, `${patient.firstName} ${patient.lastName}`);
        },
      },
    });
    for (let day = 0; day <= simulation.lastDay; day++) {
      simulation.day(day);
      if (entries.length + appointments.length >= BATCH * 2) await flush();
      if (day % 365 === 364) {
        log(
          `  year ${Math.ceil(day / 365)}: ${simulation.stats.entries.toLocaleString('en')} entries, ${simulation.stats.appointments.toLocaleString('en')} appointments, ${simulation.stats.patients.toLocaleString('en')} patients (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    }
    await flush();
    const counters = simulation.runner.counterDocuments();
    await insertAll(db.catalog, counters, 'counters');
    const stats: SimulationStats = simulation.stats;
    const longestHistories = [...perPatient.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 30)
      .map(([id, count]) => ({ id, name: names.get(id) ?? '', entries: count }));
    const result: DemoResult = {
      size: options.size,
      seed: options.seed,
      endDate: options.endDate,
      patients: stats.patients,
      appointments: stats.appointments,
      entries: stats.entries,
      entryKinds: Object.fromEntries(
        [...kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
      ),
      catalog: catalog.all().length + counters.length,
      commands: Object.fromEntries(stats.commands),
      refusals: Object.fromEntries(stats.refusals),
      longestHistories,
      seconds: (performance.now() - started) / 1000,
    };
    writeFileSync(join(dir, DEMO_MANIFEST), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await db.close();
  }
}
