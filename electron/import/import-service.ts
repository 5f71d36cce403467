// Import jobs in the main process. A job reads its file (any of the encodings
// spreadsheets write), checks every row against what is on file — in slices,
// yielding between them, so it shows progress and can be cancelled — and then
// waits. Nothing is written until `commit`, which runs through the dispatcher
// like any other operation (one at a time with the desk's other commands):
// it checks the keys again, builds every document and entry first, then writes
// the patients in one bulk insert and all opening balances in one ledger run.
//
// Why cancel leaves nothing: everything before commit only reads. Commit itself
// is a single final write, not cancellable; if it is interrupted (power cut),
// importing the same file again creates exactly what is missing, because every
// row's key decides the ids of what it creates (import-ids.ts) and rows already
// on file are skipped.
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { PackagePlan } from '../../shared/catalog/catalog.ts';
import type { Patient } from '../../shared/patients/patient.ts';
import type { JournalEntry, PackagePlanSnapshot } from '../../shared/ledger/index.ts';
import { patientSearchText } from '../../shared/patients/search-text.ts';
import { endOfLocalDay, localDateOf } from '../../shared/reports/local-days.ts';
import {
  createPlanner,
  dateReadingFor,
  detectLayout,
  openingCreditEntry,
  openingPackageEntry,
  type ImportKind,
  type ImportPlan,
  type PlannedItem,
} from '../../shared/import/index.ts';
import type {
  ImportJobView,
  ImportPhase,
  ImportPreviewLine,
} from '../../shared/contract/domains/import.ts';
import { fail, ok, type OpResult } from '../../shared/contract/result.ts';
import { readClinicSettings } from '../ledger/clinic-settings.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';
import { decodeImportBytes } from './decode.ts';
import { importedId } from './import-ids.ts';
import { readCsv } from './read-csv.ts';

export interface ImportServiceOptions {
  db: PunchcardDatabase;
  ledger: LedgerService;
  deskId: string;
  now: () => Date;
  newId: () => string;
  /** rows checked between yields (tests make it small to cancel half way) */
  sliceSize?: number;
  /** called after each slice (tests cancel from here) */
  onSlice?: (job: ImportJobView) => void;
}

export interface ImportService {
  start(kind: ImportKind, fileName: string, bytes: Uint8Array): ImportJobView;
  status(jobId: string): OpResult<ImportJobView>;
  cancel(jobId: string): OpResult<ImportJobView>;
  commit(jobId: string, staffId: string): Promise<OpResult<ImportJobView>>;
  /** Resolves when the job's checking has finished (ready, cancelled or failed). */
  settled(jobId: string): Promise<ImportJobView>;
}

interface Job {
  view: ImportJobView;
  plan: ImportPlan | null;
  cancelRequested: boolean;
  checking: Promise<void>;
}

const PREVIEW_LINES = 50;
const PROBLEMS_SHOWN = 1_000;
const JOBS_KEPT = 5;

export function createImportService(options: ImportServiceOptions): ImportService {
  const { db } = options;
  const jobs = new Map<string, Job>();
  const sliceSize = options.sliceSize ?? 250;

  function set(job: Job, phase: ImportPhase, message = job.view.message): void {
    job.view = { ...job.view, phase, message };
  }

  async function importedPatientIds(): Promise<Set<string>> {
    // Imported patients' ids start with "imp-": an index range on the primary key.
    const docs = await db.patients.find({ selector: { id: { $gte: 'imp-', $lt: 'imp.' } } }).exec();
    return new Set(docs.map((doc) => doc.id));
  }

  async function importedBalanceKeys(): Promise<Set<string>> {
    const docs = await db.journal.find({ selector: { kind: 'openingBalance' } }).exec();
    const keys = new Set<string>();
    for (const doc of docs) {
      const key = (doc.toJSON() as JournalEntry).data['importKey'];
      if (typeof key === 'string') keys.add(key);
    }
    return keys;
  }

  async function activePlans(): Promise<PackagePlanSnapshot[]> {
    const docs = await db.catalog.find({ selector: { type: 'plan' } }).exec();
    return docs
      .map((doc) => doc.toJSON() as PackagePlan)
      .filter((plan) => plan.active)
      .map((plan) => ({
        planId: plan.id,
        name: plan.name,
        sessions: plan.sessions,
        price: plan.price,
        validityDays: plan.validityDays,
        eligibleServiceIds: [...plan.eligibleServiceIds],
        lateCancelUsesSession: plan.lateCancelUsesSession,
        noShowUsesSession: plan.noShowUsesSession,
        expiryRule: plan.expiryRule,
      }));
  }

  async function check(job: Job, bytes: Uint8Array): Promise<void> {
    const decoded = decodeImportBytes(bytes);
    job.view = { ...job.view, encoding: decoded.encoding };
    const csv = readCsv(decoded.text);
    if (!csv.ok) return set(job, 'failed', csv.message);
    const layout = detectLayout(job.view.kind, csv.header);
    if (!layout.ok) return set(job, 'failed', layout.message);
    job.view = { ...job.view, source: layout.layout.source, total: csv.rows.length };

    const settings = await readClinicSettings(db);
    const timeZone = settings?.timeZone ?? 'Australia/Sydney';
    const today = localDateOf(options.now().toISOString(), timeZone);
    const patients = await importedPatientIds();
    const balances = job.view.kind === 'patients' ? new Set<string>() : await importedBalanceKeys();
    const planner = createPlanner(layout.layout, {
      currency: options.ledger.currency,
      reading: dateReadingFor(settings?.locale ?? 'en-AU', today),
      today,
      plans: job.view.kind === 'packages' ? await activePlans() : [],
      patientExists: (key) => patients.has(importedId(key)),
      alreadyImported: (key) =>
        job.view.kind === 'patients' ? patients.has(importedId(key)) : balances.has(key),
    });
    for (let from = 0; from < csv.rows.length; from += sliceSize) {
      if (job.cancelRequested)
        return set(job, 'cancelled', 'Import cancelled: nothing was written.');
      for (const row of csv.rows.slice(from, from + sliceSize)) planner.add(row);
      job.view = { ...job.view, done: Math.min(csv.rows.length, from + sliceSize) };
      options.onSlice?.(job.view);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (job.cancelRequested) return set(job, 'cancelled', 'Import cancelled: nothing was written.');
    const plan = planner.finish();
    job.plan = plan;
    job.view = {
      ...job.view,
      toCreate: plan.items.length,
      alreadyImported: plan.alreadyImported.length,
      preview: plan.items.slice(0, PREVIEW_LINES).map(describe),
      problems: plan.problems.slice(0, PROBLEMS_SHOWN),
      problemCount: plan.problems.length,
    };
    set(job, 'ready', readyMessage(plan));
  }

  function find(jobId: string): Job | null {
    return jobs.get(jobId) ?? null;
  }

  const notFound = () =>
    fail<ImportJobView>('not-found', 'That import is no longer open. Choose the file again.');

  return {
    start(kind, fileName, bytes) {
      const id = `import-${options.newId()}`;
      const job: Job = {
        view: {
          jobId: id,
          kind,
          fileName,
          encoding: '',
          source: '',
          phase: 'checking',
          done: 0,
          total: 0,
          toCreate: 0,
          alreadyImported: 0,
          preview: [],
          problems: [],
          problemCount: 0,
          message: 'Reading the file…',
          created: null,
        },
        plan: null,
        cancelRequested: false,
        checking: Promise.resolve(),
      };
      job.checking = check(job, bytes).catch((error: unknown) => {
        set(
          job,
          'failed',
          `The file could not be checked: ${error instanceof Error ? error.message : 'unknown error'}`,
        );
      });
      jobs.set(id, job);
      // Keep only the latest few jobs (a file's rows can be large).
      for (const old of jobs.keys()) {
        if (jobs.size <= JOBS_KEPT) break;
        if (old !== id) jobs.delete(old);
      }
      return job.view;
    },

    status(jobId) {
      const job = find(jobId);
      return job ? ok(job.view) : notFound();
    },

    cancel(jobId) {
      const job = find(jobId);
      if (!job) return notFound();
      if (job.view.phase === 'writing' || job.view.phase === 'done') {
        return fail(
          'invalid-state',
          'This import has already been written; it cannot be cancelled now.',
        );
      }
      job.cancelRequested = true;
      if (job.view.phase === 'ready') {
        job.plan = null;
        set(job, 'cancelled', 'Import cancelled: nothing was written.');
      }
      return ok(job.view);
    },

    async settled(jobId) {
      const job = find(jobId);
      if (!job) throw new Error(`no import ${jobId}`);
      await job.checking;
      return job.view;
    },

    async commit(jobId, staffId) {
      const job = find(jobId);
      if (!job) return notFound();
      if (job.view.phase !== 'ready' || !job.plan) {
        return fail(
          'invalid-state',
          job.view.phase === 'checking'
            ? 'The file is still being checked.'
            : 'This import cannot be written now. Choose the file again.',
        );
      }
      const plan = job.plan;
      set(job, 'writing', 'Writing…');
      try {
        const created = await write(plan, staffId, job.view.jobId);
        job.plan = null;
        job.view = { ...job.view, created };
        set(job, 'done', doneMessage(created));
        return ok(job.view);
      } catch (error) {
        set(job, 'failed', 'Writing the import failed. Import the same file again to finish it.');
        throw error;
      }
    },
  };

  /** Builds everything, then writes the patients in one bulk insert and the balances in one run. */
  async function write(
    plan: ImportPlan,
    staffId: string,
    batchId: string,
  ): Promise<{ patients: number; credits: number; packages: number }> {
    // Between the dry run and now, another import (or a desk syncing) may have brought rows in.
    const patientIds = await importedPatientIds();
    const balanceKeys = await importedBalanceKeys();
    const items = plan.items.filter((item) =>
      item.type === 'patient' ? !patientIds.has(importedId(item.key)) : !balanceKeys.has(item.key),
    );
    const stamp = options.now().toISOString();
    const patients: Patient[] = [];
    for (const item of items) {
      if (item.type !== 'patient') continue;
      patients.push({
        id: importedId(item.key),
        ...item.patient,
        searchText: patientSearchText(item.patient),
        createdAt: stamp,
        updatedAt: stamp,
        updatedBy: staffId,
        deskId: options.deskId,
      });
    }
    const balances = items.filter((item) => item.type !== 'patient');
    for (const item of balances) {
      if (!patientIds.has(importedId(item.patientKey))) {
        throw new Error('A patient of the import is no longer on file.');
      }
    }
    if (patients.length > 0) {
      const written = await db.patients.bulkInsert(patients);
      if (written.error.length > 0) {
        throw new Error(`The database refused ${written.error.length} patients.`);
      }
    }
    if (balances.length > 0) {
      const settings = await readClinicSettings(db);
      const timeZone = settings?.timeZone ?? 'Australia/Sydney';
      const outcome = await options.ledger.run(
        {},
        (_state, ctx) => ({
          ok: true,
          entries: balances.map((item) => {
            const opening = {
              now: ctx.now,
              newId: ctx.newId,
              deskId: ctx.deskId,
              staffId: ctx.staffId,
              batchId,
              source: plan.source,
              endOfDay: (date: string) => endOfLocalDay(date, timeZone),
            };
            const patientId = importedId(item.patientKey);
            return item.type === 'credit'
              ? openingCreditEntry(item, patientId, opening)
              : openingPackageEntry(item, patientId, importedId(item.key), opening);
          }),
        }),
        { staffId },
      );
      if (!outcome.ok) throw new Error(outcome.error.message);
    }
    return {
      patients: patients.length,
      credits: balances.filter((item) => item.type === 'credit').length,
      packages: balances.filter((item) => item.type === 'package').length,
    };
  }
}

function describe(item: PlannedItem): ImportPreviewLine {
  switch (item.type) {
    case 'patient': {
      const p = item.patient;
      return {
        line: item.line,
        what: `Patient ${p.firstName} ${p.lastName}${p.dateOfBirth ? `, born ${p.dateOfBirth}` : ''}`,
      };
    }
    case 'credit':
      return { line: item.line, what: `Opening credit ${item.amount} for ${item.patientLabel}` };
    case 'package':
      return {
        line: item.line,
        what: `${item.plan.name} for ${item.patientLabel}: ${item.sessionsRemaining} sessions left, value ${item.value}${item.expiry ? `, expires ${item.expiry}` : ''}`,
      };
  }
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

function readyMessage(plan: ImportPlan): string {
  const what = { patients: 'patient', credit: 'opening credit', packages: 'package' }[plan.kind];
  const parts = [`${plural(plan.items.length, what)} to create`];
  if (plan.alreadyImported.length > 0)
    parts.push(`${plural(plan.alreadyImported.length, 'row')} already imported (skipped)`);
  if (plan.problems.length > 0)
    parts.push(`${plural(plan.problems.length, 'row')} with problems (not imported)`);
  return `${parts.join('; ')}.`;
}

function doneMessage(created: { patients: number; credits: number; packages: number }): string {
  const parts: string[] = [];
  if (created.patients > 0) parts.push(plural(created.patients, 'patient'));
  if (created.credits > 0) parts.push(plural(created.credits, 'opening credit'));
  if (created.packages > 0) parts.push(plural(created.packages, 'package'));
  return parts.length > 0 ? `Imported ${parts.join(', ')}.` : 'Nothing new to import.';
}
