// The dry run: every row of an import file becomes either something to create
// or a problem with its line number and a reason a person can act on. Pure:
// what is already on file comes in through the context's lookups. Rows are fed
// one by one, so the caller can show progress and stop between them.
import { allocate, sumAmounts, type Amount } from '../money.ts';
import { newPatientInput, type NewPatient } from '../patients/patient.ts';
import type { PackagePlanSnapshot } from '../ledger/packagePlan.ts';
import { parseImportAmount } from './amounts.ts';
import { parseImportDate, type DateReading } from './dates.ts';
import { cell, type ImportKind, type ImportLayout, type ImportSource } from './layouts.ts';

export interface ImportRow {
  /** the line of the file the row starts on (the header is line 1) */
  line: number;
  cells: string[];
}

export type ProblemReason =
  | 'missing-name'
  | 'bad-date'
  | 'bad-amount'
  | 'unknown-plan'
  | 'duplicate'
  | 'unknown-patient'
  | 'bad-sessions'
  | 'expired';

export interface RowProblem {
  line: number;
  reason: ProblemReason;
  message: string;
}

export interface PlannedPatient {
  type: 'patient';
  line: number;
  /** the idempotency key: the same row imported again has the same key */
  key: string;
  patient: NewPatient;
}

export interface PlannedCredit {
  type: 'credit';
  line: number;
  key: string;
  patientKey: string;
  /** how the file named the patient, for the preview */
  patientLabel: string;
  amount: Amount;
  note: string;
}

export interface PlannedPackage {
  type: 'package';
  line: number;
  key: string;
  patientKey: string;
  patientLabel: string;
  plan: PackagePlanSnapshot;
  sessionsRemaining: number;
  /** the unused value brought over (the package's unearned value) */
  value: Amount;
  /** YYYY-MM-DD, '' for none */
  expiry: string;
  note: string;
}

export type PlannedItem = PlannedPatient | PlannedCredit | PlannedPackage;

export interface ImportPlan {
  kind: ImportKind;
  source: ImportSource;
  rowsRead: number;
  /** what a confirmed import will create */
  items: PlannedItem[];
  /** rows imported before (same key): skipped, so importing twice creates nothing new */
  alreadyImported: number[];
  problems: RowProblem[];
}

export interface PlanContext {
  currency: string;
  reading: DateReading;
  /** the clinic's today, YYYY-MM-DD */
  today: string;
  /** the clinic's package plans (matched by name, case and spaces ignored) */
  plans: readonly PackagePlanSnapshot[];
  /** a patient with this key is on file (imported earlier) */
  patientExists(patientKey: string): boolean;
  /** a row with this key was imported earlier */
  alreadyImported(key: string): boolean;
}

/**
 * A patient's idempotency key: the source system's id when the file has one, else
 * the name and date of birth (lower-cased), so a balance file can name the patient
 * the same way the patient file did.
 */
export function patientKey(externalId: string, first: string, last: string, dob: string): string {
  if (externalId !== '') return `patient|id|${externalId}`;
  return `patient|name|${first.toLowerCase()}|${last.toLowerCase()}|${dob}`;
}

function planName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface Planner {
  add(row: ImportRow): void;
  finish(): ImportPlan;
}

export function createPlanner(layout: ImportLayout, context: PlanContext): Planner {
  const plan: ImportPlan = {
    kind: layout.kind,
    source: layout.source,
    rowsRead: 0,
    items: [],
    alreadyImported: [],
    problems: [],
  };
  const seen = new Map<string, number>();
  const plans = new Map(context.plans.map((p) => [planName(p.name), p]));
  const problem = (line: number, reason: ProblemReason, message: string): void => {
    plan.problems.push({ line, reason, message });
  };

  /** The patient a row names, or a problem. */
  function patientOf(row: ImportRow): { key: string; label: string; dob: string } | null {
    const get = (field: Parameters<typeof cell>[2]) => cell(layout, row.cells, field);
    const externalId = get('externalId');
    const first = get('firstName');
    const last = get('lastName');
    let dob = '';
    const dobText = get('dateOfBirth');
    if (dobText !== '') {
      const parsed = parseImportDate(dobText, context.reading);
      if (!parsed.ok) {
        problem(row.line, 'bad-date', `Date of birth: ${parsed.message}`);
        return null;
      }
      dob = parsed.date;
    }
    if (externalId === '' && (first === '' || last === '')) {
      problem(
        row.line,
        'missing-name',
        first === '' && last === ''
          ? 'The patient has no name (and no id).'
          : `${first === '' ? 'First' : 'Last'} name is missing.`,
      );
      return null;
    }
    const label =
      externalId !== ''
        ? `#${externalId}${first || last ? ` ${first} ${last}`.trimEnd() : ''}`
        : `${first} ${last}`;
    return { key: patientKey(externalId, first, last, dob), label, dob };
  }

  function once(row: ImportRow, key: string, what: string): boolean {
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(row.line, 'duplicate', `${what} as line ${earlier}.`);
      return false;
    }
    seen.set(key, row.line);
    if (context.alreadyImported(key)) {
      plan.alreadyImported.push(row.line);
      return false;
    }
    return true;
  }

  function addPatient(row: ImportRow): void {
    const get = (field: Parameters<typeof cell>[2]) => cell(layout, row.cells, field);
    const first = get('firstName');
    const last = get('lastName');
    if (first === '' || last === '') {
      problem(
        row.line,
        'missing-name',
        first === '' && last === ''
          ? 'The patient has no name.'
          : `${first === '' ? 'First' : 'Last'} name is missing.`,
      );
      return;
    }
    const who = patientOf(row);
    if (!who) return;
    // A phone or email the desk would refuse still matters to the clinic: keep it in the notes.
    const extra: string[] = [];
    const candidate = {
      firstName: first.slice(0, 100),
      lastName: last.slice(0, 100),
      preferredName: get('preferredName').slice(0, 100),
      dateOfBirth: who.dob,
      // "(02) 9555 0101" → "02 9555 0101": the desk's phone rule wants a digit or + first.
      phone: get('phone').replace(/^\((\d+)\)\s*/, '$1 '),
      email: get('email'),
      notes: get('notes'),
    };
    if (!newPatientInput.shape.phone.safeParse(candidate.phone).success) {
      extra.push(`Phone as imported: ${candidate.phone}`);
      candidate.phone = '';
    }
    if (!newPatientInput.shape.email.safeParse(candidate.email).success) {
      extra.push(`Email as imported: ${candidate.email}`);
      candidate.email = '';
    }
    if (extra.length > 0) candidate.notes = [candidate.notes, ...extra].filter(Boolean).join('\n');
    candidate.notes = candidate.notes.slice(0, 2000);
    const checked = newPatientInput.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const reason: ProblemReason = issue?.path[0] === 'dateOfBirth' ? 'bad-date' : 'missing-name';
      problem(row.line, reason, issue?.message ?? 'The row could not be read.');
      return;
    }
    if (checked.data.dateOfBirth > context.today) {
      problem(row.line, 'bad-date', `Date of birth ${checked.data.dateOfBirth} is in the future.`);
      return;
    }
    if (!once(row, who.key, 'Same patient')) return;
    plan.items.push({ type: 'patient', line: row.line, key: who.key, patient: checked.data });
  }

  function knownPatient(row: ImportRow): { key: string; label: string } | null {
    const who = patientOf(row);
    if (!who) return null;
    if (!context.patientExists(who.key)) {
      problem(
        row.line,
        'unknown-patient',
        `No patient ${who.label} has been imported. Import the patients file first.`,
      );
      return null;
    }
    return who;
  }

  function addCredit(row: ImportRow): void {
    const who = knownPatient(row);
    if (!who) return;
    const amount = parseImportAmount(cell(layout, row.cells, 'amount'), context.currency);
    if (!amount.ok) return problem(row.line, 'bad-amount', `Amount: ${amount.message}`);
    const key = `credit|${who.key}`;
    if (!once(row, key, 'Opening credit for the same patient')) return;
    plan.items.push({
      type: 'credit',
      line: row.line,
      key,
      patientKey: who.key,
      patientLabel: who.label,
      amount: amount.amount,
      note: cell(layout, row.cells, 'notes').slice(0, 500),
    });
  }

  function addPackage(row: ImportRow): void {
    const who = knownPatient(row);
    if (!who) return;
    const get = (field: Parameters<typeof cell>[2]) => cell(layout, row.cells, field);
    const planText = get('plan');
    const found = plans.get(planName(planText));
    if (!found) {
      return problem(
        row.line,
        'unknown-plan',
        planText === ''
          ? 'The package plan is missing.'
          : `No package plan is called "${planText}". Add it in Settings → Package plans, then import again.`,
      );
    }
    const sessionsText = get('sessionsRemaining');
    const sessions = /^\d{1,4}$/.test(sessionsText) ? Number(sessionsText) : NaN;
    if (!(sessions >= 1)) {
      return problem(
        row.line,
        'bad-sessions',
        `Sessions remaining must be a whole number of at least 1 (not "${sessionsText}").`,
      );
    }
    let expiry = '';
    const expiryText = get('expiry');
    if (expiryText !== '') {
      const parsed = parseImportDate(expiryText, context.reading);
      if (!parsed.ok) return problem(row.line, 'bad-date', `Expiry: ${parsed.message}`);
      if (parsed.date < context.today) {
        return problem(
          row.line,
          'expired',
          `The package expired on ${parsed.date}: there is nothing left to bring over.`,
        );
      }
      expiry = parsed.date;
    }
    let value: Amount;
    const valueText = get('valueRemaining');
    if (valueText !== '') {
      const parsed = parseImportAmount(valueText, context.currency);
      if (!parsed.ok) return problem(row.line, 'bad-amount', `Value remaining: ${parsed.message}`);
      value = parsed.amount;
    } else {
      // The value of the last `sessions` sessions of the plan's price, shared out exactly.
      const shares = allocate(found.price, Math.max(found.sessions, sessions));
      value = sumAmounts(shares.slice(shares.length - sessions), context.currency);
    }
    const key = `package|${who.key}|${found.planId}|${sessions}|${expiry}|${value}`;
    if (!once(row, key, 'The same package')) return;
    plan.items.push({
      type: 'package',
      line: row.line,
      key,
      patientKey: who.key,
      patientLabel: who.label,
      plan: found,
      sessionsRemaining: sessions,
      value,
      expiry,
      note: get('notes').slice(0, 500),
    });
  }

  return {
    add(row) {
      plan.rowsRead += 1;
      if (row.cells.every((value) => value.trim() === '')) {
        plan.rowsRead -= 1;
        return;
      }
      if (layout.kind === 'patients') addPatient(row);
      else if (layout.kind === 'credit') addCredit(row);
      else addPackage(row);
    },
    finish: () => plan,
  };
}
