// Five years of a clinic's front desk, day by day: patients book and come,
// buy packages, pay per visit or from credit, are funded, cancel, miss
// visits; funders prepay, buy packages and send lump sums; money of unknown
// payers arrives and is assigned; packages expire; credit is refunded,
// transferred or written off; the odd keying error is reversed. Health fund
// members claim at the desk and pay the gap; new patients pay a deposit and
// casual classes are paid when booked. Every money event is one of the
// ledger's pure commands (see desk-runner.ts), so the journal is what the desks
// would have written.
import type { Patient } from '../../shared/patients/patient.ts';
import type {
  Appointment,
  JournalEntry,
  LedgerState,
  PaymentMethod,
  SettlementInput,
} from '../../shared/ledger/index.ts';
import {
  assignUnappliedPayment,
  allocateFunderMoney,
  bookAppointment,
  cancelAppointment,
  checkOutAppointment,
  convertFeeToCredit,
  creditOf,
  expirePackage,
  funderHeldFor,
  funderOwing,
  grantCourtesyCredit,
  invoiceView,
  markNoShow,
  owingOf,
  packageView,
  paymentView,
  recordFunderLumpSum,
  recordPayment,
  recordUnappliedPayment,
  refundCredit,
  reverseEntry,
  sellPackage,
  transferCredit,
  unapplyCredit,
  waiveFee,
  writeOffCredit,
} from '../../shared/ledger/index.ts';
import type { Service } from '../../shared/catalog/catalog.ts';
import {
  add,
  allocate,
  compare,
  isPositive,
  minAmount,
  multiplyAmount,
  subtract,
} from '../../shared/money.ts';
import { Agenda } from './agenda.ts';
import { snapshotOf, type DemoCatalog, type DemoFunder } from './catalog.ts';
import type { ClinicClock } from './clinic-clock.ts';
import { createDeskRunner, type Actor, type DeskRunner } from './desk-runner.ts';
import type { DemoPatient } from './patients.ts';
import type { Random } from './random.ts';
import type { SeededIds } from './ulid.ts';

export const DESK_IDS = ['desk-1', 'desk-2'] as const;
const HOUR = 60;
/** visits booked this many days ahead of the end are kept as bookings */
const HORIZON_DAYS = 14;
/** taken when a new patient books an initial assessment */
const NEW_PATIENT_DEPOSIT = '50.00';

export interface SimulationSink {
  entries(entries: JournalEntry[]): void;
  /** an appointment in its final state for the period (or booked ahead) */
  appointment(appointment: Appointment): void;
  patient(patient: Patient): void;
}

export interface SimulationStats {
  commands: Map<string, number>;
  refusals: Map<string, number>;
  entries: number;
  appointments: number;
  patients: number;
}

interface PatientRun {
  plan: DemoPatient;
  index: number;
  id: string;
  /** the package in use, '' when none */
  packageId: string;
  payments: string[];
  active: boolean;
  /** the calendar year of the health fund claims counted in `claimed` */
  claimYear: number;
  claimed: string;
}

export interface Simulation {
  readonly state: LedgerState;
  readonly stats: SimulationStats;
  readonly runner: DeskRunner;
  /** Play one day (days ≥ clock.days only book what is ahead). */
  day(day: number): void;
  readonly lastDay: number;
}

export function createSimulation(options: {
  catalog: DemoCatalog;
  patients: DemoPatient[];
  clock: ClinicClock;
  random: Random;
  ids: SeededIds;
  bookingIds: SeededIds;
  sink: SimulationSink;
}): Simulation {
  const { catalog, clock, sink } = options;
  const ids = options.bookingIds;
  const random = options.random;
  const currency = catalog.settings.currency;
  const agenda = new Agenda();
  const pending = new Map<string, Appointment>();
  const stats: SimulationStats = {
    commands: new Map(),
    refusals: new Map(),
    entries: 0,
    appointments: 0,
    patients: 0,
  };
  const runner = createDeskRunner({
    currency,
    ids: options.ids,
    bookingIds: options.bookingIds,
    onEntries: (entries) => sink.entries(entries),
    onAppointment: (appointment) => pending.set(appointment.id, appointment),
  });
  const state = runner.state;
  const runs: PatientRun[] = options.patients.map((plan, index) => ({
    plan,
    index,
    id: '',
    packageId: '',
    payments: [],
    active: false,
    claimYear: 0,
    claimed: '0.00',
  }));
  /** sold packages that may still expire: id → expiry instant */
  const expiring = new Map<string, string>();
  /** patients seen lately, for events that pick "someone who was in" */
  const recent: number[] = [];
  const fundedActive = catalog.funders.map(() => new Set<number>());
  const unknownPayerRate = Math.min(1, options.patients.length / 60_000);

  const reception = (): Actor => ({
    deskId: random.pick(DESK_IDS),
    staffId: random.pick(catalog.reception).id,
  });
  const manager = (): Actor => ({ deskId: 'desk-1', staffId: catalog.manager.id });
  const count = (name: string) => stats.commands.set(name, (stats.commands.get(name) ?? 0) + 1);
  const isoAt = (time: number) => new Date(time).toISOString();

  function finish(appointment: Appointment | undefined): void {
    if (!appointment) return;
    pending.delete(appointment.id);
    sink.appointment(appointment);
    stats.appointments++;
  }

  function method(): PaymentMethod {
    return random.weighted({ card: 62, eft: 14, cash: 21, cheque: 3 });
  }

  function funderOf(run: PatientRun) {
    return catalog.funders[run.plan.funder];
  }

  function serviceFor(run: PatientRun, visit: number): Service {
    const s = catalog.service;
    switch (run.plan.course) {
      case 'consults':
        return visit === 0 ? s.initial : random.chance(0.2) ? s.long : s.standard;
      case 'recovery':
        return visit === 0 ? s.initial : s.standard;
      case 'pilates':
        return s.pilates;
      case 'hydro':
        return s.hydro;
    }
  }

  function planFor(run: PatientRun) {
    const [five, ten, recovery, pilates, hydro] = catalog.plans;
    switch (run.plan.course) {
      case 'consults':
        return run.index % 5 < 3 ? five! : ten!;
      case 'recovery':
        return recovery!;
      case 'pilates':
        return pilates!;
      case 'hydro':
        return hydro!;
    }
  }

  function usesPackages(run: PatientRun): boolean {
    return (
      run.plan.habit === 'packages' ||
      (run.plan.habit === 'funded' && funderOf(run)?.habit === 'buysPackages')
    );
  }

  function ensurePatient(run: PatientRun, time: number): void {
    if (run.id) return;
    run.id = ids.at(time);
    const actor = reception();
    const stamp = isoAt(time);
    const doc: Patient = {
      ...run.plan.doc,
      id: run.id,
      createdAt: stamp,
      updatedAt: stamp,
      updatedBy: actor.staffId,
      deskId: actor.deskId,
    };
    sink.patient(doc);
    stats.patients++;
  }

  /** The package to use for `service` now: the current one if usable, else a new sale. */
  function packageFor(run: PatientRun, service: Service, visit: number, time: number): string {
    if (!usesPackages(run)) return '';
    const plan = planFor(run);
    if (plan.eligibleServiceIds.length > 0 && !plan.eligibleServiceIds.includes(service.id))
      return '';
    const now = isoAt(time);
    if (run.packageId) {
      const view = packageView(state, run.packageId, now);
      if (view && view.status === 'active' && view.remaining > 0) return run.packageId;
    }
    const funder = run.plan.habit === 'funded' ? funderOf(run) : undefined;
    const credit = creditOf(state, run.id);
    const how = funder
      ? 'funder'
      : // Credit (a new patient's deposit, say) mostly goes towards the package.
        random.weighted({ full: 62, part: 16, later: 14, credit: isPositive(credit) ? 60 : 0 });
    let settlement: SettlementInput | undefined;
    if (how === 'full') settlement = { payments: [{ method: method(), amount: plan.price }] };
    else if (how === 'part')
      settlement = { payments: [{ method: method(), amount: allocate(plan.price, 2)[0]! }] };
    else if (how === 'credit') {
      const used = minAmount(credit, plan.price);
      const rest = subtract(plan.price, used);
      settlement = {
        credit: used,
        payments: isPositive(rest) ? [{ method: method(), amount: rest }] : [],
      };
    }
    const sold = runner.run(time, reception(), (s, ctx) =>
      sellPackage(
        s,
        {
          patientId: run.id,
          plan: snapshotOf(plan),
          payer: funder ? { type: 'funder', funderId: funder.doc.id } : { type: 'patient' },
          settlement,
        },
        ctx,
      ),
    );
    count('sellPackage');
    if (!sold) return '';
    if (sold.paymentId) run.payments.push(sold.paymentId);
    run.packageId = sold.packageId;
    // Most who buy a package come back for its sessions; some leave a session or two.
    const wanted = visit + plan.sessions - (random.chance(0.25) ? random.int(1, 2) : 0);
    if (wanted > run.plan.visits) run.plan.visits = wanted;
    if (how === 'later' || how === 'part') payLater(run, dayOf(time) + 7);
    if (funder?.doc.kind === 'insurer') remitInvoice(funder, sold.invoiceId, dayOf(time));
    const view = packageView(state, sold.packageId, now);
    if (view?.expiresAt) expiring.set(sold.packageId, view.expiresAt);
    return sold.packageId;
  }

  /** Anything owing (fees, visits left unpaid, part-paid packages) is paid first. */
  function payOwing(run: PatientRun, time: number): void {
    const owing = owingOf(state, run.id);
    if (!isPositive(owing)) return;
    const paid = runner.run(time, reception(), (s, ctx) =>
      recordPayment(
        s,
        { payer: { type: 'patient', patientId: run.id }, method: method(), amount: owing },
        ctx,
      ),
    );
    count('recordPayment');
    if (paid) run.payments.push(paid.paymentId);
  }

  /** An invoice taken home is paid within a fortnight, now and then in two or three instalments. */
  function payLater(run: PatientRun, day: number): void {
    const first = Math.min(clock.days - 1, day + random.int(1, 14));
    const instalments = { one: 1, two: 2, three: 3 }[
      random.weighted({ one: 65, two: 25, three: 10 })
    ];
    for (let i = 0; i < instalments; i++) {
      const payDay = Math.min(clock.days - 1, first + i * 14);
      const at = clock.at(payDay, 12 * HOUR + random.int(0, 240));
      agenda.add(payDay, at, () => {
        const owing = owingOf(state, run.id);
        if (!isPositive(owing)) return;
        const amount = i + 1 < instalments ? allocate(owing, instalments - i)[0]! : owing;
        const paid = runner.run(at, reception(), (s, ctx) =>
          recordPayment(
            s,
            {
              payer: { type: 'patient', patientId: run.id },
              method: random.pick(['eft', 'eft', 'card'] as const),
              amount,
              reference: `INV ${run.index}`,
            },
            ctx,
          ),
        );
        count('recordPayment');
        if (paid) run.payments.push(paid.paymentId);
      });
    }
  }

  /**
   * An insurer pays each of its invoices on its own, weeks later, naming it on the
   * remittance (employers pay a monthly statement instead: see funderDay).
   */
  function remitInvoice(funder: DemoFunder, invoiceId: string, day: number): void {
    const payDay = day + random.int(14, 42);
    if (payDay >= clock.days) return;
    const at = clock.at(payDay, 10 * HOUR + random.int(0, 300));
    agenda.add(payDay, at, () => {
      const invoice = invoiceView(state, invoiceId);
      if (!invoice || !isPositive(invoice.due)) return;
      runner.run(at, reception(), (s, ctx) =>
        recordPayment(
          s,
          {
            payer: { type: 'funder', funderId: funder.doc.id },
            method: 'remittance',
            amount: invoice.due,
            allocate: [{ invoiceId, amount: invoice.due }],
            reference: `Remittance for ${invoice.number}`,
          },
          ctx,
        ),
      );
      count('recordPayment');
    });
  }

  /**
   * A funder that prepays is sent a claim for each visit its money paid for, and pays it
   * a week or so later: the money held for the patient is topped up claim by claim.
   */
  function claimInArrears(
    run: PatientRun,
    funder: DemoFunder,
    amount: string,
    invoiceId: string,
    day: number,
  ): void {
    const payDay = day + random.int(3, 12);
    if (payDay >= clock.days) return;
    const at = clock.at(payDay, 11 * HOUR + random.int(0, 240));
    agenda.add(payDay, at, () => {
      runner.run(at, reception(), (s, ctx) =>
        recordPayment(
          s,
          {
            payer: { type: 'funder', funderId: funder.doc.id, patientId: run.id },
            method: 'remittance',
            amount,
            allocate: 'none',
            reference: `Claim for ${invoiceView(state, invoiceId)?.number ?? invoiceId}`,
          },
          ctx,
        ),
      );
      count('recordPayment');
    });
  }

  function topUpCredit(run: PatientRun, time: number, needed: string): void {
    if (compare(creditOf(state, run.id), needed) >= 0) return;
    const amount = random.pick(['100.00', '150.00', '200.00', '200.00', '300.00']);
    const patient = { type: 'patient' as const, patientId: run.id };
    if (random.chance(0.02)) {
      // A keying error: ten times the amount, reversed by the manager a minute later.
      const wrong = runner.run(time, reception(), (s, ctx) =>
        recordPayment(
          s,
          { payer: patient, method: 'card', amount: multiplyAmount(amount, 10) },
          ctx,
        ),
      );
      count('recordPayment');
      const entry = wrong?.entries[0];
      if (entry) {
        runner.run(time + 60_000, manager(), (s, ctx) =>
          reverseEntry(
            s,
            { entry, reasonCode: 'keying-error', memo: 'Amount typed with an extra zero' },
            ctx,
          ),
        );
        count('reverseEntry');
      }
      time += 120_000;
    }
    const paid = runner.run(time, reception(), (s, ctx) =>
      recordPayment(
        s,
        { payer: patient, method: random.pick(['card', 'eft'] as const), amount },
        ctx,
      ),
    );
    count('recordPayment');
    if (paid) run.payments.push(paid.paymentId);
  }

  /**
   * A member of the health fund claims the visit on the spot: the fund's benefit (up to
   * what is left of the member's yearly limit) is received as the fund's money held for
   * them, for the check-out to spend; the member pays the gap. Returns the fund's money
   * the check-out spends, or null when there is no claim.
   */
  function claimAtDesk(
    run: PatientRun,
    appointment: Appointment,
    time: number,
  ): { funderId: string; amount: string } | null {
    const fund = catalog.healthFund;
    if (!fund || !run.plan.cover || run.plan.habit === 'funded') return null;
    const year = clock.dateOf(dayOf(time)).year;
    if (run.claimYear !== year) {
      run.claimYear = year;
      run.claimed = '0.00';
    }
    const left = subtract(run.plan.cover, run.claimed);
    const benefit = minAmount(catalog.benefits.get(appointment.serviceId) ?? '0.00', left);
    if (!isPositive(benefit)) return null;
    const paid = runner.run(time, reception(), (s, ctx) =>
      recordPayment(
        s,
        {
          payer: { type: 'funder', funderId: fund.doc.id, patientId: run.id },
          method: 'remittance',
          amount: benefit,
          allocate: 'none',
          reference: `Claim ${appointment.id.slice(-8)}`,
          memo: 'Health fund claim at the desk',
        },
        ctx,
      ),
    );
    count('recordPayment');
    if (!paid) return null;
    run.claimed = add(run.claimed, benefit);
    const amount = minAmount(funderHeldFor(state, fund.doc.id, run.id), appointment.price);
    return { funderId: fund.doc.id, amount };
  }

  /** Casual classes are paid for when booked (see payAtBooking). */
  function paysClassesAtBooking(run: PatientRun): boolean {
    const { habit, course, cover } = run.plan;
    return habit === 'perVisit' && !cover && (course === 'pilates' || course === 'hydro');
  }

  /**
   * Money taken when a visit is booked: a new patient's deposit, or a casual class. It is
   * the patient's credit (after anything they owe) until the check-out applies it.
   */
  function payAtBooking(run: PatientRun, amount: string, time: number, reference: string): void {
    if (compare(creditOf(state, run.id), amount) >= 0) return;
    const paid = runner.run(time, reception(), (s, ctx) =>
      recordPayment(
        s,
        { payer: { type: 'patient', patientId: run.id }, method: 'card', amount, reference },
        ctx,
      ),
    );
    count('recordPayment');
    if (paid) run.payments.push(paid.paymentId);
  }

  /** Now and then a relative's credit pays for a visit (a parent's for a child's, say). */
  function fromFamilyCredit(run: PatientRun, due: string, time: number): void {
    const relative = runs[run.plan.family];
    if (!relative?.id || !isPositive(due) || !random.chance(0.5)) return;
    const need = subtract(due, minAmount(creditOf(state, run.id), due));
    if (!isPositive(need) || compare(creditOf(state, relative.id), need) < 0) return;
    runner.run(time, reception(), (s, ctx) =>
      transferCredit(
        s,
        {
          fromPatientId: relative.id,
          toPatientId: run.id,
          amount: need,
          memo: 'Family: pays for this visit',
        },
        ctx,
      ),
    );
    count('transferCredit');
  }

  function checkOut(run: PatientRun, appointment: Appointment, chosen: string, time: number) {
    const funder = run.plan.habit === 'funded' ? funderOf(run) : undefined;
    // A package that expired since the patient arrived no longer covers the visit.
    const packageId =
      chosen && packageView(state, chosen, isoAt(time))?.status === 'active' ? chosen : '';
    const extra = random.chance(0.03);
    const lines = extra
      ? [
          {
            description: 'Consultation',
            serviceId: appointment.serviceId,
            amount: appointment.price,
          },
          { description: 'Exercise band', serviceId: '', amount: '15.00' },
        ]
      : undefined;
    const charged = add(packageId ? '0.00' : appointment.price, extra ? '15.00' : '0.00');
    const input: Parameters<typeof checkOutAppointment>[1] = {
      appointment,
      packageId,
      lines,
    };
    let due = charged;
    let claimed = false;
    let funderSpent = '0.00';
    if (!funder && !packageId) {
      const claim = claimAtDesk(run, appointment, time - 45_000);
      if (claim) {
        input.funderHeld = [claim];
        due = subtract(due, claim.amount);
        claimed = true;
      }
    }
    if (funder && funder.habit !== 'buysPackages') {
      let held = funderHeldFor(state, funder.doc.id, run.id);
      if (funder.habit === 'prepays' && compare(held, charged) < 0) {
        // The funder's advance for this patient arrives: two visits (each visit's claim
        // then tops it up again: see claimInArrears).
        const topped = runner.run(time - 60_000, reception(), (s, ctx) =>
          recordPayment(
            s,
            {
              payer: { type: 'funder', funderId: funder.doc.id, patientId: run.id },
              method: 'remittance',
              amount: multiplyAmount(appointment.price, 2),
              allocate: 'none',
              reference: `REM-${run.index}-${time % 100_000}`,
            },
            ctx,
          ),
        );
        count('recordPayment');
        if (topped) held = funderHeldFor(state, funder.doc.id, run.id);
      }
      const use = minAmount(held, charged);
      if (isPositive(use)) input.funderHeld = [{ funderId: funder.doc.id, amount: use }];
      if (funder.habit === 'prepays') funderSpent = use;
      due = subtract(due, use);
    }
    if (run.plan.habit === 'account') topUpCredit(run, time - 30_000, due);
    if (!funder) fromFamilyCredit(run, due, time - 20_000);
    const credit = creditOf(state, run.id);
    due = subtract(due, minAmount(credit, due));
    let later = false;
    if (isPositive(due)) {
      // Per-visit patients often take the invoice home (a claim, an email) and pay it later;
      // those who have just claimed on the spot mostly pay the gap there and then.
      const how =
        run.plan.habit !== 'perVisit'
          ? 'exact'
          : claimed
            ? random.weighted({ exact: 68, later: 24, owing: 3, over: 5 })
            : random.weighted({ exact: 40, later: 48, owing: 6, over: 6 });
      later = how === 'later';
      if (how === 'exact') input.payments = [{ method: method(), amount: due }];
      else if (how === 'over')
        input.payments = [{ method: 'cash', amount: add(due, random.pick(['5.00', '10.00'])) }];
    }
    const out = runner.run(time, reception(), (s, ctx) => checkOutAppointment(s, input, ctx));
    count('checkOutAppointment');
    if (!out) return;
    if (out.paymentId) run.payments.push(out.paymentId);
    finish(out.appointment);
    if (later) payLater(run, dayOf(time));
    if (funder && isPositive(funderSpent))
      claimInArrears(run, funder, funderSpent, out.invoiceId, dayOf(time));
    if (random.chance(0.004)) {
      runner.run(time + 5 * 60_000, manager(), (s, ctx) =>
        grantCourtesyCredit(
          s,
          {
            patientId: run.id,
            amount: '20.00',
            reasonCode: 'long-wait',
            memo: 'Kept waiting 40 min',
          },
          ctx,
        ),
      );
      count('grantCourtesyCredit');
    }
    const creditUsed = invoiceView(state, out.invoiceId)?.moves.credit ?? '0.00';
    if (run.plan.habit === 'account' && isPositive(creditUsed) && random.chance(0.01)) {
      // The patient would rather pay this one by card and keep the credit.
      runner.run(time + 3 * 60_000, reception(), (s, ctx) =>
        unapplyCredit(
          s,
          { invoiceId: out.invoiceId, memo: 'Patient paid this visit by card instead' },
          ctx,
        ),
      );
      count('unapplyCredit');
      payOwing(run, time + 4 * 60_000);
    }
  }

  function missed(run: PatientRun, appointment: Appointment, how: 'late' | 'noShow', time: number) {
    const covered = appointment.packageId !== '';
    // A prepaid class missed is not charged again: its payment stays in credit for the next.
    const prepaid =
      paysClassesAtBooking(run) && compare(creditOf(state, run.id), appointment.price) >= 0;
    const fee = covered || prepaid ? undefined : how === 'late' ? '40.00' : '60.00';
    const result =
      how === 'late'
        ? runner.run(time, reception(), (s, ctx) =>
            cancelAppointment(
              s,
              { appointment, late: true, fee, memo: 'Called in sick this morning' },
              ctx,
            ),
          )
        : runner.run(time, reception(), (s, ctx) => markNoShow(s, { appointment, fee }, ctx));
    count(how === 'late' ? 'cancelAppointment' : 'markNoShow');
    if (!result) return;
    finish(result.appointment);
    if (result.charge !== 'fee') return;
    const invoiceId = result.invoiceId;
    // Kept fees are charged to the card on file the next morning, or paid at the next visit.
    const what = random.weighted({ waive: 25, convert: 10, cardOnFile: 30, keep: 35 });
    if (what === 'keep') return;
    const next = Math.min(clock.days - 1, dayOf(time) + 1);
    agenda.add(next, clock.at(next, 9 * HOUR + 15), () => {
      const at = clock.at(next, 9 * HOUR + 15);
      if (what === 'cardOnFile') {
        const due = invoiceView(state, invoiceId)?.due ?? '0.00';
        if (!isPositive(due)) return;
        const paid = runner.run(at, reception(), (s, ctx) =>
          recordPayment(
            s,
            {
              payer: { type: 'patient', patientId: run.id },
              method: 'card',
              amount: due,
              allocate: [{ invoiceId, amount: due }],
              memo: 'Charged to the card on file',
            },
            ctx,
          ),
        );
        count('recordPayment');
        if (paid) run.payments.push(paid.paymentId);
      } else if (what === 'waive') {
        // Nothing to waive once the fee has been paid (at the next visit, say).
        if (!isPositive(invoiceView(state, invoiceId)?.due ?? '0.00')) return;
        runner.run(at, manager(), (s, ctx) =>
          waiveFee(
            s,
            { invoiceId, reasonCode: 'first-occurrence', memo: 'First missed visit' },
            ctx,
          ),
        );
        count('waiveFee');
      } else {
        runner.run(at, manager(), (s, ctx) =>
          convertFeeToCredit(s, { invoiceId, reasonCode: 'goodwill' }, ctx),
        );
        count('convertFeeToCredit');
      }
    });
  }

  const dayStarts: number[] = [];
  function dayOf(time: number): number {
    // Days are filed in order; find the day an instant falls on (cached starts).
    let low = 0;
    let high = clock.days + HORIZON_DAYS;
    while (dayStarts.length <= high) dayStarts.push(clock.at(dayStarts.length, 0));
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (dayStarts[mid]! <= time) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Book a visit (filed for its day); false when it falls beyond the horizon. */
  function scheduleVisit(run: PatientRun, visit: number, day: number, bookedAt: number): boolean {
    let d = day;
    while (clock.weekday(d) === 0) d++;
    if (d >= clock.days + HORIZON_DAYS) return false;
    const saturday = clock.weekday(d) === 6;
    const slot = random.int(0, saturday ? 8 : 19); // half-hour slots from 08:00
    const start = clock.at(d, 8 * HOUR + slot * 30);
    const booked = Math.min(bookedAt, start - 3_600_000);
    agenda.add(d, start - 10 * 60_000, () => visitDay(run, visit, d, start, booked));
    return true;
  }

  function visitDay(run: PatientRun, visit: number, day: number, start: number, bookedAt: number) {
    ensurePatient(run, bookedAt - 60_000);
    run.active = true;
    if (run.plan.habit === 'funded') fundedActive[run.plan.funder]?.add(run.index);
    const service = serviceFor(run, visit);
    const practitioner = catalog.practitioners[run.plan.practitioner]!;
    const future = day >= clock.days;
    const arrival = start - 10 * 60_000;
    // A package already in use is named at booking; a new one is sold on arrival.
    const current =
      run.packageId && packageView(state, run.packageId, isoAt(bookedAt))?.status === 'active'
        ? run.packageId
        : '';
    const booked = runner.run(
      bookedAt,
      reception(),
      (s, ctx) =>
        bookAppointment(
          s,
          {
            patientId: run.id,
            serviceId: service.id,
            practitionerId: practitioner.id,
            start: isoAt(start),
            durationMinutes: service.durationMinutes,
            price: service.price,
            packageId: current || undefined,
          },
          ctx,
        ),
      true,
    );
    count('bookAppointment');
    const appointment = booked?.appointment;
    if (!appointment) return;
    let outcome = '';
    if (future) {
      finish(appointment);
    } else {
      recent.push(run.index);
      if (recent.length > 300) recent.shift();
      outcome = random.weighted({ attend: 88, early: 5, late: 3.5, noShow: 3.5 });
      if (outcome === 'early') {
        const cancelled = runner.run(
          Math.max(bookedAt, start - 2 * 86_400_000),
          reception(),
          (s, ctx) => cancelAppointment(s, { appointment, late: false }, ctx),
          true,
        );
        count('cancelAppointment');
        finish(cancelled?.appointment);
      } else if (outcome === 'late') {
        // Rang this morning: recorded now, at the time of the visit's task.
        missed(run, appointment, 'late', arrival);
      } else if (outcome === 'noShow') {
        const at = start + 30 * 60_000;
        agenda.add(day, at, () => missed(run, appointment, 'noShow', at));
      } else {
        // Arrival (a package sold, anything owing paid), then check-out after the visit.
        const packageId = packageFor(run, service, visit, arrival);
        if (run.plan.habit !== 'funded' && run.plan.habit !== 'account')
          payOwing(run, arrival + 60_000);
        const done = start + (service.durationMinutes + 2) * 60_000;
        agenda.add(day, done, () => checkOut(run, appointment, packageId, done));
      }
    }
    const checkoutTime = start + (service.durationMinutes + 5) * 60_000;
    if (visit + 1 < run.plan.visits) {
      const gap = run.plan.interval + random.int(-1, 2);
      const nextBooked = scheduleVisit(run, visit + 1, day + Math.max(1, gap), checkoutTime);
      // Booked at the desk after the class, and paid for there and then.
      if (nextBooked && outcome === 'attend' && !future && paysClassesAtBooking(run)) {
        agenda.add(day, checkoutTime, () =>
          payAtBooking(run, service.price, checkoutTime, 'Next class'),
        );
      }
      // After a missed visit a per-visit patient rebooks by phone and pays ahead (and
      // anything owing) by card.
      const missedIt = outcome === 'late' || outcome === 'noShow';
      if (
        nextBooked &&
        missedIt &&
        !future &&
        run.plan.habit === 'perVisit' &&
        !paysClassesAtBooking(run)
      ) {
        const next = Math.min(clock.days - 1, day + 1);
        const at = clock.at(next, 10 * HOUR + random.int(0, 360));
        agenda.add(next, at, () =>
          payAtBooking(
            run,
            add(appointment.price, owingOf(state, run.id)),
            at,
            'Prepaid after a missed visit',
          ),
        );
      }
    } else if (!future) {
      const later = day + random.int(7, 30);
      if (later < clock.days)
        agenda.add(later, clock.at(later, 16 * HOUR), () => wrapUp(run, later));
    }
  }

  /** A course ends: credit left is refunded, passed to family, or written off. */
  function wrapUp(run: PatientRun, day: number): void {
    run.active = false;
    fundedActive[run.plan.funder]?.delete(run.index);
    const time = clock.at(day, 16 * HOUR);
    const credit = creditOf(state, run.id);
    if (!isPositive(credit)) return;
    if (compare(credit, '10.00') < 0) {
      runner.run(time, manager(), (s, ctx) =>
        writeOffCredit(
          s,
          { patientId: run.id, reasonCode: 'small-balance', memo: 'Course finished' },
          ctx,
        ),
      );
      count('writeOffCredit');
      return;
    }
    const relative = runs[run.plan.family];
    if (relative?.id && random.chance(0.4)) {
      runner.run(time, reception(), (s, ctx) =>
        transferCredit(
          s,
          {
            fromPatientId: run.id,
            toPatientId: relative.id,
            amount: credit,
            memo: 'Family: passed on',
          },
          ctx,
        ),
      );
      count('transferCredit');
      return;
    }
    if (!random.chance(0.6)) return; // some leave their credit for next time
    let left = credit;
    for (const paymentId of [...run.payments].reverse()) {
      if (!isPositive(left)) break;
      const view = paymentView(state, paymentId);
      if (!view || !isPositive(view.unrefunded)) continue;
      const amount = minAmount(left, view.unrefunded);
      const refunded = runner.run(time, manager(), (s, ctx) =>
        refundCredit(
          s,
          { patientId: run.id, paymentId, amount, reasonCode: 'course-finished' },
          ctx,
        ),
      );
      count('refundCredit');
      if (!refunded) break;
      left = subtract(left, amount);
    }
  }

  function expirySweep(day: number): void {
    const time = clock.at(day, 7 * HOUR + 30);
    const now = isoAt(time);
    for (const [packageId, expiresAt] of expiring) {
      if (expiresAt > now) continue;
      expiring.delete(packageId);
      const view = packageView(state, packageId, now);
      if (view?.status !== 'expired') continue;
      runner.run(time, manager(), (s, ctx) =>
        expirePackage(s, { packageId, memo: 'Expired unused' }, ctx),
      );
      count('expirePackage');
    }
  }

  function funderDay(day: number): void {
    const { month, date } = clock.dateOf(day);
    if (date !== 1) return;
    catalog.funders.forEach((funder, index) => {
      const time = clock.at(day, 10 * HOUR + index);
      if (funder.habit === 'buysPackages' && funder.doc.kind !== 'insurer') {
        const owing = funderOwing(state, funder.doc.id);
        if (!isPositive(owing)) return;
        runner.run(time, reception(), (s, ctx) =>
          recordPayment(
            s,
            {
              payer: { type: 'funder', funderId: funder.doc.id },
              method: 'remittance',
              amount: owing,
              reference: `Remittance ${day}`,
            },
            ctx,
          ),
        );
        count('recordPayment');
      } else if (funder.habit === 'lumpSums' && month % 3 === 1) {
        const patients = [...(fundedActive[index] ?? [])]
          .map((i) => runs[i]!)
          .filter((r) => r.id)
          .slice(0, 40);
        if (patients.length === 0) return;
        const each = '450.00';
        const total = multiplyAmount(each, patients.length);
        const now = patients.slice(0, Math.ceil(patients.length * 0.8));
        const later = patients.slice(now.length);
        runner.run(time, reception(), (s, ctx) =>
          recordFunderLumpSum(
            s,
            {
              funderId: funder.doc.id,
              method: 'eft',
              amount: total,
              reference: `Quarterly grant ${clock.dateOf(day).year}-${month}`,
              splits: now.map((r) => ({ patientId: r.id, amount: each })),
            },
            ctx,
          ),
        );
        count('recordFunderLumpSum');
        if (later.length === 0) return;
        const allocDay = Math.min(clock.days - 1, day + 7);
        agenda.add(allocDay, clock.at(allocDay, 11 * HOUR), () => {
          const splits = allocate(multiplyAmount(each, later.length), later.length).map(
            (amount, i) => ({ patientId: later[i]!.id, amount }),
          );
          runner.run(clock.at(allocDay, 11 * HOUR), manager(), (s, ctx) =>
            allocateFunderMoney(
              s,
              { funderId: funder.doc.id, splits, memo: 'Rest of the grant' },
              ctx,
            ),
          );
          count('allocateFunderMoney');
        });
      }
    });
  }

  /**
   * Now and then (every few days at "clinic" size) a bank transfer without a name
   * arrives; it is matched to the patient three days later.
   */
  function unknownPayer(day: number): void {
    if (!random.chance(unknownPayerRate) || recent.length === 0) return;
    const run = runs[random.pick(recent)]!;
    const owing = owingOf(state, run.id);
    const amount = isPositive(owing) ? owing : '100.00';
    const parked = runner.run(clock.at(day, 9 * HOUR + 5), reception(), (s, ctx) =>
      recordUnappliedPayment(
        s,
        { method: 'eft', amount, reference: 'DIRECT CREDIT', memo: 'No name on the transfer' },
        ctx,
      ),
    );
    count('recordUnappliedPayment');
    if (!parked) return;
    const assignDay = Math.min(clock.days - 1, day + 3);
    agenda.add(assignDay, clock.at(assignDay, 9 * HOUR + 20), () => {
      const assigned = runner.run(clock.at(assignDay, 9 * HOUR + 20), reception(), (s, ctx) =>
        assignUnappliedPayment(
          s,
          {
            paymentId: parked.paymentId,
            to: { type: 'patient', patientId: run.id },
            memo: 'Patient rang about the transfer',
          },
          ctx,
        ),
      );
      count('assignUnappliedPayment');
      if (assigned) run.payments.push(parked.paymentId);
    });
  }

  /**
   * The first visit is booked a few days ahead, often online: a new patient pays a deposit
   * on an initial assessment, a casual class is paid in full.
   */
  function bookFirstVisit(run: PatientRun): void {
    const { firstDay, habit, course } = run.plan;
    const bookDay = firstDay - random.int(1, 10);
    const bookedAt = clock.at(bookDay, 7 * HOUR + random.int(0, 14 * HOUR));
    if (!scheduleVisit(run, 0, firstDay, bookedAt) || bookDay < 0) return;
    const assessment = course === 'consults' || course === 'recovery';
    let amount = '';
    let reference = '';
    if (paysClassesAtBooking(run)) {
      amount = serviceFor(run, 0).price;
      reference = 'Class booked online';
    } else if (assessment && habit !== 'funded' && random.chance(0.85)) {
      amount = NEW_PATIENT_DEPOSIT;
      reference = 'New patient deposit';
    }
    if (!amount) return;
    agenda.add(bookDay, bookedAt, () => {
      ensurePatient(run, bookedAt - 60_000);
      payAtBooking(run, amount, bookedAt, reference);
    });
  }

  for (const run of runs) {
    if (run.plan.firstDay < clock.days) bookFirstVisit(run);
  }

  return {
    state,
    stats,
    runner,
    lastDay: clock.days + HORIZON_DAYS - 1,
    day(day) {
      if (day < clock.days) {
        // The day's housekeeping, filed at its own times among the visits.
        agenda.add(day, clock.at(day, 7 * HOUR + 30), () => expirySweep(day));
        agenda.add(day, clock.at(day, 9 * HOUR + 5), () => unknownPayer(day));
        agenda.add(day, clock.at(day, 10 * HOUR), () => funderDay(day));
      }
      agenda.runDay(day);
      stats.entries = runner.entryCount;
      stats.refusals = runner.refusals;
    },
  };
}
