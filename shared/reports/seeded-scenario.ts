// A fixed clinic month for the golden-file tests, the screen's end-to-end test and
// the examples in the notes: a package sold and used, credit paid in, used, refunded,
// transferred and written off, a funder paying for a patient, an over-payment, a
// payment reversed, and a package expiring into breakage. Built with the ledger's own
// commands on a deterministic desk, so the entries are the same on every run.
// Names carry commas, quotes, a line break, accents and non-Latin scripts on purpose.
import type { JournalEntry } from '../ledger/entry.ts';
import type { CommandResult } from '../ledger/errors.ts';
import type { PackagePlanSnapshot } from '../ledger/packagePlan.ts';
import { applyEntry, createLedgerState } from '../ledger/state.ts';
import type { LedgerState } from '../ledger/state.ts';
import {
  bookAppointment,
  checkOutAppointment,
  expirePackage,
  recordPayment,
  refundCredit,
  reverseEntry,
  sellPackage,
  transferCredit,
  writeOffCredit,
} from '../ledger/index.ts';
import type { Appointment } from '../ledger/appointment.ts';
import { testDesk } from '../testing/ledgerContext.ts';
import type { ClinicFrame } from './report-table.ts';

export const SCENARIO_FRAME: ClinicFrame = {
  currency: 'AUD',
  timeZone: 'Australia/Sydney',
  locale: 'en-AU',
};

export const SCENARIO_PATIENTS = new Map<string, { name: string; email: string }>([
  ['p1', { name: 'Zoë Ångström-Müller', email: 'zoe@example.com' }],
  ['p2', { name: 'Smith, "Jack"', email: '' }],
  ['p3', { name: '山田 太郎', email: '' }],
  ['p4', { name: 'Ana\nMaría Núñez', email: '' }],
]);
export const SCENARIO_FUNDERS = new Map<string, { name: string; email: string }>([
  ['charity', { name: 'Ngā Tamariki Trust, Inc.', email: 'grants@example.org' }],
]);

const FIVE: PackagePlanSnapshot = {
  planId: 'plan5',
  name: '5 physio sessions',
  sessions: 5,
  price: '400.00',
  validityDays: 90,
  eligibleServiceIds: ['physio'],
  lateCancelUsesSession: true,
  noShowUsesSession: true,
  expiryRule: 'breakage',
};
const SHORT: PackagePlanSnapshot = {
  ...FIVE,
  planId: 'plan2',
  name: '2 massage sessions',
  sessions: 2,
  price: '150.00',
  validityDays: 10,
};

export interface Scenario {
  entries: JournalEntry[];
  state: LedgerState;
  /** ids the tests need */
  ids: { cashPaymentOfP2: string; expiringPackage: string; firstPackage: string };
}

/** Local Sydney time (UTC+11 in March 2026) as an ISO instant. */
function sydney(date: string, time: string): string {
  return new Date(Date.parse(`${date}T${time}:00.000+11:00`)).toISOString();
}

export function seededScenario(): Scenario {
  const desk = testDesk('A', sydney('2026-03-02', '09:00'));
  const state = createLedgerState('AUD');
  const entries: JournalEntry[] = [];
  const run = <R extends object>(result: CommandResult<R>): R & { entries: JournalEntry[] } => {
    if (!result.ok) throw new Error(`scenario step refused: ${result.error.message}`);
    for (const entry of result.entries) {
      entries.push(entry);
      applyEntry(state, entry);
    }
    return result as R & { entries: JournalEntry[] };
  };
  const visit = (patientId: string, packageId = ''): Appointment =>
    run(
      bookAppointment(
        state,
        {
          patientId,
          serviceId: 'physio',
          practitionerId: 'dr-lee',
          start: desk.now,
          durationMinutes: 30,
          price: '90.00',
          ...(packageId ? { packageId } : {}),
        },
        desk,
      ),
    ).appointment;

  // Monday 2 March: a package sold by card and its first session; credit paid in cash and used.
  const sold = run(
    sellPackage(
      state,
      {
        patientId: 'p1',
        plan: FIVE,
        settlement: { payments: [{ method: 'card', amount: '400.00' }] },
      },
      desk,
    ),
  );
  desk.at(sydney('2026-03-02', '10:00'));
  run(checkOutAppointment(state, { appointment: visit('p1', sold.packageId) }, desk));
  desk.at(sydney('2026-03-02', '11:00'));
  const cash = run(
    recordPayment(
      state,
      { payer: { type: 'patient', patientId: 'p2' }, method: 'cash', amount: '200.00' },
      desk,
    ),
  );
  desk.at(sydney('2026-03-02', '11:30'));
  run(checkOutAppointment(state, { appointment: visit('p2') }, desk));

  // Tuesday 3 March: a funder pays for p3's care; p3 is seen on it; p2's credit refunded in part and shared.
  desk.at(sydney('2026-03-03', '09:15'));
  run(
    recordPayment(
      state,
      {
        payer: { type: 'funder', funderId: 'charity', patientId: 'p3' },
        method: 'eft',
        amount: '450.00',
        reference: 'grant 7',
      },
      desk,
    ),
  );
  desk.at(sydney('2026-03-03', '10:00'));
  run(
    checkOutAppointment(
      state,
      { appointment: visit('p3'), funderHeld: [{ funderId: 'charity', amount: '90.00' }] },
      desk,
    ),
  );
  desk.at(sydney('2026-03-03', '14:00'));
  run(
    refundCredit(
      state,
      { patientId: 'p2', paymentId: cash.paymentId, amount: '50.00', reasonCode: 'moving away' },
      desk,
    ),
  );
  desk.at(sydney('2026-03-03', '15:00'));
  run(
    transferCredit(
      state,
      { fromPatientId: 'p2', toPatientId: 'p4', amount: '30.00', memo: 'to her daughter' },
      desk,
    ),
  );

  // Wednesday 4 March: an over-payment becomes credit; credit written off; a short package sold; a mistake reversed.
  desk.at(sydney('2026-03-04', '09:00'));
  run(
    checkOutAppointment(
      state,
      { appointment: visit('p4'), credit: '0', payments: [{ method: 'card', amount: '100.00' }] },
      desk,
    ),
  );
  desk.at(sydney('2026-03-04', '09:30'));
  run(writeOffCredit(state, { patientId: 'p4', amount: '10.00', reasonCode: 'goodwill' }, desk));
  desk.at(sydney('2026-03-04', '12:00'));
  const short = run(
    sellPackage(
      state,
      {
        patientId: 'p1',
        plan: SHORT,
        settlement: { payments: [{ method: 'eft', amount: '150.00' }] },
      },
      desk,
    ),
  );
  desk.at(sydney('2026-03-04', '16:00'));
  const mistake = run(
    recordPayment(
      state,
      { payer: { type: 'patient', patientId: 'p2' }, method: 'eft', amount: '20.00' },
      desk,
    ),
  );
  desk.at(sydney('2026-03-04', '16:05'));
  const wrong = mistake.entries[0];
  if (!wrong) throw new Error('no entry to reverse');
  run(reverseEntry(state, { entry: wrong, reasonCode: 'wrong patient' }, desk));

  // Monday 16 March: p1's second session. Friday 20 March: the short package expired unused.
  desk.at(sydney('2026-03-16', '10:00'));
  run(checkOutAppointment(state, { appointment: visit('p1', sold.packageId) }, desk));
  desk.at(sydney('2026-03-20', '08:00'));
  run(expirePackage(state, { packageId: short.packageId }, desk));

  return {
    entries,
    state,
    ids: {
      cashPaymentOfP2: cash.paymentId,
      expiringPackage: short.packageId,
      firstPackage: sold.packageId,
    },
  };
}
