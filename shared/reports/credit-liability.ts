// Account credit liability by patient at a date: what the clinic owes each patient,
// when they last visited, and how old the credit is (its oldest unspent part, first
// in first out), so a manager can see credit that has sat unused for months.
import { add, compare, isPositive, isZero, negate, subtract, zeroAmount } from '../money.ts';
import type { Amount } from '../money.ts';
import { parseAccount } from '../ledger/accounts.ts';
import type { SlimEntry } from './slim-entry.ts';
import { daysBetween, endOfLocalDay, localDateOf } from './local-days.ts';
import type { ClinicFrame, Directory, ReportTable } from './report-table.ts';
import { byText } from './report-table.ts';

interface PatientCredit {
  patientId: string;
  balance: Amount;
  /** credit received, oldest first, and everything taken out */
  inflows: { at: string; amount: Amount }[];
  outflow: Amount;
  lastVisit: string;
}

export interface CreditRow {
  patientId: string;
  name: string;
  credit: Amount;
  lastVisit: string;
  creditSince: string;
  ageDays: number | null;
}

/** Each patient's credit at the end of `at` (rows only for non-zero balances). */
export function creditByPatient(
  entries: readonly SlimEntry[],
  at: string,
  frame: ClinicFrame,
  directory: Directory,
): CreditRow[] {
  const zero = zeroAmount(frame.currency);
  const cutoff = endOfLocalDay(at, frame.timeZone);
  const patients = new Map<string, PatientCredit>();
  const of = (patientId: string): PatientCredit => {
    let found = patients.get(patientId);
    if (!found) {
      found = { patientId, balance: zero, inflows: [], outflow: zero, lastVisit: '' };
      patients.set(patientId, found);
    }
    return found;
  };
  for (const entry of entries) {
    if (entry.occurredAt >= cutoff) continue;
    if (entry.kind === 'checkout' && entry.patientId) {
      const patient = of(entry.patientId);
      if (entry.occurredAt > patient.lastVisit) patient.lastVisit = entry.occurredAt;
    }
    for (const line of entry.lines) {
      if (!line.account.startsWith('credit:')) continue; // cheap test before parsing
      const parsed = parseAccount(line.account);
      if (parsed.type !== 'credit') continue;
      const patient = of(parsed.patientId);
      patient.balance = subtract(patient.balance, line.amount);
      // A credit line (negative) adds to what the clinic owes.
      if (isPositive(line.amount)) patient.outflow = add(patient.outflow, line.amount);
      else patient.inflows.push({ at: entry.occurredAt, amount: negate(line.amount) });
    }
  }
  const rows: CreditRow[] = [];
  for (const patient of patients.values()) {
    if (isZero(patient.balance)) continue;
    // Oldest first (ties by time only: which of two same-instant credits is "older" does not change the date).
    patient.inflows.sort((a, b) => byText(a.at, b.at));
    let spent = patient.outflow;
    let since = '';
    for (const inflow of patient.inflows) {
      if (compare(spent, inflow.amount) >= 0) {
        spent = subtract(spent, inflow.amount);
        continue;
      }
      since = localDateOf(inflow.at, frame.timeZone);
      break;
    }
    rows.push({
      patientId: patient.patientId,
      name: directory.patient(patient.patientId).name,
      credit: patient.balance,
      lastVisit: patient.lastVisit ? localDateOf(patient.lastVisit, frame.timeZone) : '',
      creditSince: since,
      ageDays: since ? daysBetween(since, at) : null,
    });
  }
  return rows.sort((a, b) => byText(a.name, b.name) || byText(a.patientId, b.patientId));
}

export function creditLiability(
  entries: readonly SlimEntry[],
  at: string,
  frame: ClinicFrame,
  directory: Directory,
): ReportTable {
  const rows = creditByPatient(entries, at, frame, directory);
  let total = zeroAmount(frame.currency);
  for (const row of rows) total = add(total, row.credit);
  return {
    report: 'credit',
    title: 'Account credit liability',
    period: `at ${at}`,
    currency: frame.currency,
    columns: [
      { label: 'Patient', kind: 'text' },
      { label: 'Patient id', kind: 'text' },
      { label: 'Credit', kind: 'money' },
      { label: 'Last visit', kind: 'date' },
      { label: 'Credit since', kind: 'date' },
      { label: 'Age (days)', kind: 'count' },
    ],
    rows: rows.map((row) => [
      row.name,
      row.patientId,
      row.credit,
      row.lastVisit,
      row.creditSince,
      row.ageDays === null ? '' : String(row.ageDays),
    ]),
    totals: ['Total', `${rows.length} patients`, total, '', '', ''],
    charts: [],
    notes: [
      'Credit since: the date of the oldest credit not yet used (first in, first out).',
      'A negative credit is overdrawn (merged offline work): see Needs attention.',
    ],
  };
}
