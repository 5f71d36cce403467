// Handlers of the ledger's commands: look up what the arguments name, choose
// the part of the journal the command needs (see shared/ledger/README.md),
// and let the ledger service run it. A refusal comes back as the ledger's own
// sentence, next to the field it is about.
import type { OperationResults, ValidOperationArgs } from '../../../shared/contract/operations.ts';
import { fail, ok, type OpResult } from '../../../shared/contract/result.ts';
import type { Recorded } from '../../../shared/contract/domains/ledger.ts';
import type {
  Appointment,
  MissedVisitOutcome,
  CommandContext,
  CommandResult,
  LedgerError,
  LedgerState,
  SellPackageInput,
} from '../../../shared/ledger/index.ts';
import {
  allocateFunderMoney,
  assignUnappliedPayment,
  attendAppointment,
  bookAppointment,
  cancelAppointment,
  checkOutAppointment,
  convertFeeToCredit,
  expirePackage,
  grantCourtesyCredit,
  invoiceView,
  markNoShow,
  recordFunderLumpSum,
  recordPayment,
  recordUnappliedPayment,
  refundCredit,
  rescheduleAppointment,
  reverseEntry,
  sellPackage,
  sessionOfAppointment,
  transferCredit,
  unapplyCredit,
  waiveFee,
  writeOffCredit,
} from '../../../shared/ledger/index.ts';
import type { LedgerCommand, RunOutcome } from '../../ledger/ledger-service.ts';
import type { Scope } from '../../ledger/scope.ts';
import {
  patientOfPackage,
  requireAppointment,
  requireFunder,
  requirePatients,
  requirePlan,
  requireService,
  type Lookup,
} from '../../ledger/lookups.ts';
import { entryById } from '../../ledger/journal-queries.ts';
import type { OperationContext } from '../context.ts';
import type { HandlersFor } from './index.ts';

type Args<N extends keyof OperationResults> = ValidOperationArgs<N>;
type Answer<N extends keyof OperationResults> = Promise<OpResult<OperationResults[N]>>;

function refused<T>(error: LedgerError): OpResult<T> {
  return fail(error.code, error.message, error.field);
}

function recorded(outcome: { result: { entries: { id: string }[] }; numbers: string[] }): Recorded {
  return { entryIds: outcome.result.entries.map((entry) => entry.id), numbers: outcome.numbers };
}

async function run<R extends object, T>(
  ctx: OperationContext,
  scope: Scope,
  command: LedgerCommand<R>,
  answer: (outcome: Extract<RunOutcome<R>, { ok: true }>) => T | Promise<T>,
): Promise<OpResult<T>> {
  const outcome = await ctx.ledger.run(scope, command, { staffId: ctx.staffId });
  if (!outcome.ok) return refused(outcome.error);
  return ok(await answer(outcome));
}

/** Run lookups in order; the first that fails answers for all. */
async function checks(...lookups: (() => Promise<Lookup<unknown>>)[]): Promise<LedgerError | null> {
  for (const lookup of lookups) {
    const found = await lookup();
    if (!found.ok) return found.error;
  }
  return null;
}

const patient = (ctx: OperationContext, id: string, field: string) => () =>
  requirePatients(ctx.db, [{ id, field }]);
const funder = (ctx: OperationContext, id: string, field: string) => () =>
  requireFunder(ctx.db, id, field);

async function recordPaymentHandler(
  ctx: OperationContext,
  args: Args<'recordPayment'>,
): Answer<'recordPayment'> {
  const payer = args.payer;
  const problem =
    payer.type === 'patient'
      ? await checks(patient(ctx, payer.patientId, 'payer.patientId'))
      : await checks(
          funder(ctx, payer.funderId, 'payer.funderId'),
          ...(payer.patientId ? [patient(ctx, payer.patientId, 'payer.patientId')] : []),
        );
  if (problem) return refused(problem);
  const scope: Scope =
    payer.type === 'patient'
      ? { patients: [payer.patientId] }
      : { funders: [payer.funderId], patients: payer.patientId ? [payer.patientId] : [] };
  return run(
    ctx,
    scope,
    (state, c) => recordPayment(state, args, c),
    (o) => ({
      ...recorded(o),
      paymentId: o.result.paymentId,
      allocations: o.result.allocations,
      remainder: o.result.remainder,
    }),
  );
}

async function assignUnappliedHandler(
  ctx: OperationContext,
  args: Args<'assignUnappliedPayment'>,
): Answer<'assignUnappliedPayment'> {
  const to = args.to;
  const problem = await checks(
    patient(ctx, to.patientId, 'to.patientId'),
    ...(to.type === 'funder' ? [funder(ctx, to.funderId, 'to.funderId')] : []),
  );
  if (problem) return refused(problem);
  const scope: Scope = {
    patients: [to.patientId],
    funders: to.type === 'funder' ? [to.funderId] : [],
    payments: [args.paymentId],
  };
  return run(
    ctx,
    scope,
    (state, c) => assignUnappliedPayment(state, args, c),
    (o) => ({
      ...recorded(o),
      paymentId: o.result.paymentId,
      allocations: o.result.allocations,
      remainder: o.result.remainder,
    }),
  );
}

async function lumpSumHandler(
  ctx: OperationContext,
  args: Args<'recordFunderLumpSum'>,
): Answer<'recordFunderLumpSum'> {
  const problem = await checks(
    funder(ctx, args.funderId, 'funderId'),
    ...(args.splits ?? []).map((split, index) =>
      patient(ctx, split.patientId, `splits.${index}.patientId`),
    ),
  );
  if (problem) return refused(problem);
  return run(
    ctx,
    { funders: [args.funderId] },
    (state, c) => recordFunderLumpSum(state, args, c),
    (o) => ({
      ...recorded(o),
      paymentId: o.result.paymentId,
      allocations: o.result.allocations,
      remainder: o.result.remainder,
    }),
  );
}

async function allocateHandler(
  ctx: OperationContext,
  args: Args<'allocateFunderMoney'>,
): Answer<'allocateFunderMoney'> {
  const problem = await checks(
    funder(ctx, args.funderId, 'funderId'),
    ...args.splits.map((split, index) =>
      patient(ctx, split.patientId, `splits.${index}.patientId`),
    ),
  );
  if (problem) return refused(problem);
  return run(
    ctx,
    { funders: [args.funderId] },
    (state, c) => allocateFunderMoney(state, args, c),
    recorded,
  );
}

async function sellPackageHandler(
  ctx: OperationContext,
  args: Args<'sellPackage'>,
): Answer<'sellPackage'> {
  const { planId, oneOff, ...rest } = args;
  const problem = await checks(
    patient(ctx, args.patientId, 'patientId'),
    ...(args.payer?.type === 'funder' ? [funder(ctx, args.payer.funderId, 'payer.funderId')] : []),
    // A one-off's eligible services must be in the price list, as a plan's must.
    ...(oneOff?.eligibleServiceIds ?? []).map(
      (serviceId, index) => () =>
        requireService(ctx.db, serviceId, `oneOff.eligibleServiceIds.${index}`),
    ),
  );
  if (problem) return refused(problem);
  let sold: Pick<SellPackageInput, 'plan' | 'oneOff'>;
  if (oneOff) {
    // Described at the sale: its snapshot goes into the sale entry; no plan is created.
    sold = { oneOff };
  } else {
    const found = await requirePlan(ctx.db, planId ?? '', 'planId');
    if (!found.ok) return refused(found.error);
    const plan = found.value;
    sold = {
      plan: {
        planId: plan.id,
        name: plan.name,
        sessions: plan.sessions,
        price: plan.price,
        validityDays: plan.validityDays,
        eligibleServiceIds: [...plan.eligibleServiceIds],
        lateCancelUsesSession: plan.lateCancelUsesSession,
        noShowUsesSession: plan.noShowUsesSession,
        expiryRule: plan.expiryRule,
      },
    };
  }
  return run(
    ctx,
    { patients: [args.patientId] },
    (state, c) => sellPackage(state, { ...rest, ...sold }, c),
    (o) => ({
      ...recorded(o),
      packageId: o.result.packageId,
      invoiceId: o.result.invoiceId,
      paymentId: o.result.paymentId,
      settlement: o.result.settlement,
    }),
  );
}

async function expirePackageHandler(
  ctx: OperationContext,
  args: Args<'expirePackage'>,
): Answer<'expirePackage'> {
  const owner = await patientOfPackage(ctx.db, args.packageId);
  if (!owner.ok) return refused(owner.error);
  return run(
    ctx,
    { patients: [owner.value] },
    (state, c) => expirePackage(state, args, c),
    (o) => ({
      ...recorded(o),
      toBreakage: o.result.toBreakage,
      toCredit: o.result.toCredit,
      cancelled: o.result.cancelled,
    }),
  );
}

async function bookHandler(
  ctx: OperationContext,
  args: Args<'bookAppointment'>,
): Answer<'bookAppointment'> {
  const problem = await checks(patient(ctx, args.patientId, 'patientId'));
  if (problem) return refused(problem);
  const service = await requireService(ctx.db, args.serviceId, 'serviceId');
  if (!service.ok) return refused(service.error);
  const input = {
    ...args,
    price: args.price ?? service.value.price,
    durationMinutes: args.durationMinutes ?? service.value.durationMinutes,
  };
  return run(
    ctx,
    { patients: [args.patientId] },
    (state, c) => bookAppointment(state, input, c),
    (o) => ({
      ...recorded(o),
      appointment: o.result.appointment,
    }),
  );
}

async function rescheduleHandler(
  ctx: OperationContext,
  args: Args<'rescheduleAppointment'>,
): Answer<'rescheduleAppointment'> {
  const found = await requireAppointment(ctx.db, args.appointmentId);
  if (!found.ok) return refused(found.error);
  const { appointmentId: _id, ...rest } = args;
  return run(
    ctx,
    {},
    (state, c) => rescheduleAppointment(state, { ...rest, appointment: found.value }, c),
    (o) => ({ ...recorded(o), appointment: o.result.appointment }),
  );
}

async function attendHandler(
  ctx: OperationContext,
  args: Args<'attendAppointment'>,
): Answer<'attendAppointment'> {
  const found = await requireAppointment(ctx.db, args.appointmentId);
  if (!found.ok) return refused(found.error);
  return run(
    ctx,
    {},
    (state, c) => attendAppointment(state, { appointment: found.value }, c),
    (o) => ({ ...recorded(o), appointment: o.result.appointment }),
  );
}

/** A visit that did not happen (late/early cancel, no-show): the charge the plan's policy decides. */
function onMissedVisit<N extends 'cancelAppointment' | 'markNoShow'>(
  command: (
    state: LedgerState,
    input: Omit<Args<N>, 'appointmentId'> & { appointment: Appointment },
    c: CommandContext,
  ) => CommandResult<MissedVisitOutcome>,
) {
  return async (ctx: OperationContext, args: Args<N>): Answer<N> => {
    const found = await requireAppointment(ctx.db, args.appointmentId);
    if (!found.ok) return refused(found.error);
    const { appointmentId: _id, ...rest } = args;
    return run(
      ctx,
      { patients: [found.value.patientId] },
      (state, c) => command(state, { ...rest, appointment: found.value }, c),
      (o) => ({
        ...recorded(o),
        appointment: o.result.appointment,
        charge: o.result.charge,
        invoiceId: o.result.invoiceId,
      }),
    );
  };
}

async function checkOutHandler(
  ctx: OperationContext,
  args: Args<'checkOutAppointment'>,
): Answer<'checkOutAppointment'> {
  const found = await requireAppointment(ctx.db, args.appointmentId);
  if (!found.ok) return refused(found.error);
  const appointment = found.value;
  const scope = { patients: [appointment.patientId] };
  // The journal is the truth: if a check-out entry exists (say the appointment document
  // was not updated before a crash), refuse to charge the visit twice.
  const { state } = await ctx.ledger.projection(scope);
  for (const invoice of state.invoices.values()) {
    if (
      invoice.source === 'checkout' &&
      invoice.appointmentId === appointment.id &&
      invoice.entryId &&
      !state.reversedBy.has(invoice.entryId)
    ) {
      return fail(
        'invalid-state',
        'This appointment has already been checked out',
        'appointmentId',
      );
    }
  }
  const { appointmentId: _id, ...rest } = args;
  return run(
    ctx,
    scope,
    (s, c) => checkOutAppointment(s, { ...rest, appointment }, c),
    async (o) => {
      const after = await ctx.ledger.projection(scope);
      const session = o.result.session;
      return {
        ...recorded(o),
        appointment: o.result.appointment,
        invoiceId: o.result.invoiceId,
        paymentId: o.result.paymentId,
        session: session
          ? { ...session, label: sessionOfAppointment(after.state, appointment.id)?.label ?? '' }
          : null,
        settlement: o.result.settlement,
      };
    },
  );
}

async function transferHandler(
  ctx: OperationContext,
  args: Args<'transferCredit'>,
): Answer<'transferCredit'> {
  const problem = await checks(
    patient(ctx, args.fromPatientId, 'fromPatientId'),
    patient(ctx, args.toPatientId, 'toPatientId'),
  );
  if (problem) return refused(problem);
  return run(
    ctx,
    { patients: [args.fromPatientId] },
    (state, c) => transferCredit(state, args, c),
    recorded,
  );
}

/** Commands on one patient's account credit: the patient must exist; their projection is the scope. */
function onPatientCredit<N extends 'refundCredit' | 'writeOffCredit' | 'grantCourtesyCredit'>(
  command: (state: LedgerState, args: Args<N>, c: CommandContext) => CommandResult<object>,
) {
  return async (ctx: OperationContext, args: Args<N>): Answer<N> => {
    const problem = await checks(patient(ctx, args.patientId, 'patientId'));
    if (problem) return refused(problem);
    return run(
      ctx,
      { patients: [args.patientId] },
      (state, c) => command(state, args, c),
      recorded,
    );
  };
}

/** Commands on one of the patient's invoices: the invoice must be theirs. */
function onPatientInvoice<
  N extends 'unapplyCredit' | 'waiveFee' | 'convertFeeToCredit',
  R extends object,
>(
  command: (state: LedgerState, args: Args<N>, c: CommandContext) => CommandResult<R>,
  answer: (o: Extract<RunOutcome<R>, { ok: true }>) => OperationResults[N],
) {
  return async (ctx: OperationContext, args: Args<N>): Answer<N> => {
    const problem = await checks(patient(ctx, args.patientId, 'patientId'));
    if (problem) return refused(problem);
    return run(
      ctx,
      { patients: [args.patientId] },
      (state, c) => {
        const invoice = invoiceView(state, args.invoiceId);
        if (!invoice || invoice.patientId !== args.patientId) {
          return {
            ok: false as const,
            error: {
              code: 'not-found' as const,
              message: "That is not one of this patient's invoices",
              field: 'invoiceId',
            },
          };
        }
        return command(state, args, c);
      },
      answer,
    );
  };
}

async function reverseHandler(
  ctx: OperationContext,
  args: Args<'reverseEntry'>,
): Answer<'reverseEntry'> {
  const entry = await entryById(ctx.db, args.entryId);
  if (!entry) return fail('not-found', 'That entry is not in the journal', 'entryId');
  const parked =
    entry.kind === 'unappliedReceived' || entry.kind === 'unappliedAssigned'
      ? [entry.paymentId]
      : [];
  const scope: Scope = {
    patients: [entry.patientId, entry.counterpartyPatientId],
    funders: [entry.funderId],
    payments: parked,
  };
  return run(
    ctx,
    scope,
    (state, c) =>
      reverseEntry(state, { entry, reasonCode: args.reasonCode ?? '', memo: args.memo }, c),
    async (o) => {
      // A reversed check-out leaves its appointment ready to be checked out again.
      if (entry.kind === 'checkout' && entry.appointmentId) {
        const doc = await ctx.db.appointments.findOne(entry.appointmentId).exec();
        if (doc && doc.invoiceId === entry.invoiceId) {
          await doc.incrementalPatch({
            invoiceId: '',
            checkedOutAt: '',
            updatedAt: ctx.now().toISOString(),
            updatedBy: ctx.staffId,
          });
        }
      }
      return recorded(o);
    },
  );
}

export const ledgerCommandHandlers: HandlersFor<
  | 'recordPayment'
  | 'recordUnappliedPayment'
  | 'assignUnappliedPayment'
  | 'recordFunderLumpSum'
  | 'allocateFunderMoney'
  | 'sellPackage'
  | 'expirePackage'
  | 'bookAppointment'
  | 'rescheduleAppointment'
  | 'cancelAppointment'
  | 'markNoShow'
  | 'attendAppointment'
  | 'checkOutAppointment'
  | 'transferCredit'
  | 'refundCredit'
  | 'unapplyCredit'
  | 'writeOffCredit'
  | 'grantCourtesyCredit'
  | 'waiveFee'
  | 'convertFeeToCredit'
  | 'reverseEntry'
> = {
  recordPayment: recordPaymentHandler,
  recordUnappliedPayment: (ctx, args) =>
    run(
      ctx,
      {},
      (state, c) => recordUnappliedPayment(state, args, c),
      (o) => ({
        ...recorded(o),
        paymentId: o.result.paymentId,
      }),
    ),
  assignUnappliedPayment: assignUnappliedHandler,
  recordFunderLumpSum: lumpSumHandler,
  allocateFunderMoney: allocateHandler,
  sellPackage: sellPackageHandler,
  expirePackage: expirePackageHandler,
  bookAppointment: bookHandler,
  rescheduleAppointment: rescheduleHandler,
  cancelAppointment: onMissedVisit<'cancelAppointment'>(cancelAppointment),
  markNoShow: onMissedVisit<'markNoShow'>(markNoShow),
  attendAppointment: attendHandler,
  checkOutAppointment: checkOutHandler,
  transferCredit: transferHandler,
  refundCredit: onPatientCredit<'refundCredit'>((state, args, c) => refundCredit(state, args, c)),
  unapplyCredit: onPatientInvoice<'unapplyCredit', object>(
    (state, args: Args<'unapplyCredit'>, c) => unapplyCredit(state, args, c),
    recorded,
  ),
  writeOffCredit: onPatientCredit<'writeOffCredit'>((state, args, c) =>
    writeOffCredit(state, { ...args, reasonCode: args.reasonCode ?? '' }, c),
  ),
  grantCourtesyCredit: onPatientCredit<'grantCourtesyCredit'>((state, args, c) =>
    grantCourtesyCredit(state, { ...args, reasonCode: args.reasonCode ?? '' }, c),
  ),
  waiveFee: onPatientInvoice<'waiveFee', object>(
    (state, args: Args<'waiveFee'>, c) =>
      waiveFee(state, { ...args, reasonCode: args.reasonCode ?? '' }, c),
    recorded,
  ),
  convertFeeToCredit: onPatientInvoice<'convertFeeToCredit', { toCredit: string }>(
    (state, args: Args<'convertFeeToCredit'>, c) => convertFeeToCredit(state, args, c),
    (o) => ({ ...recorded(o), toCredit: o.result.toCredit }),
  ),
  reverseEntry: reverseHandler,
};
