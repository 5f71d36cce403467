// The queries the screens need that are folds over the journal: a patient's
// account, a funder's account, the check-out quote, needs-attention and the
// self-check. Patient and funder answers come from their own projections
// (built by index on first need); the clinic-wide ones wait for the
// background fold of the whole journal (the lean AttentionState; the
// self-check folds the full state from scratch, see ledger/self-check.ts).
import type { OperationResults, ValidOperationArgs } from '../../../shared/contract/operations.ts';
import { fail, ok, type OpResult } from '../../../shared/contract/result.ts';
import { needsAttention } from '../../../shared/ledger/index.ts';
import type { Service } from '../../../shared/catalog/catalog.ts';
import { selfCheckJournal } from '../../ledger/self-check.ts';
import { catalogNames, requireAppointment, requireFunder } from '../../ledger/lookups.ts';
import { patientAccountView } from '../../ledger/views/patient-account.ts';
import { funderAccountView } from '../../ledger/views/funder-account.ts';
import { checkoutQuoteView } from '../../ledger/views/checkout-quote.ts';
import type { OperationContext } from '../context.ts';
import type { HandlersFor } from './index.ts';

type Args<N extends keyof OperationResults> = ValidOperationArgs<N>;
type Answer<N extends keyof OperationResults> = Promise<OpResult<OperationResults[N]>>;

async function patientNames(ctx: OperationContext, ids: string[]): Promise<Map<string, string>> {
  const found = await ctx.db.patients.findByIds(ids).exec();
  const names = new Map<string, string>();
  for (const [id, doc] of found) names.set(id, `${doc.firstName} ${doc.lastName}`);
  return names;
}

async function patientAccount(
  ctx: OperationContext,
  args: Args<'patientAccount'>,
): Answer<'patientAccount'> {
  const [patient, projection, staff, funders] = await Promise.all([
    ctx.db.patients.findOne(args.patientId).exec(),
    ctx.ledger.projection({ patients: [args.patientId] }),
    catalogNames(ctx.db, 'staff'),
    catalogNames(ctx.db, 'funder'),
  ]);
  if (!patient) return fail('not-found', 'That patient is not on file.', 'patientId');
  return ok(
    patientAccountView(
      projection,
      args.patientId,
      ctx.now().toISOString(),
      { staff, funders },
      args.historyLimit ?? 200,
    ),
  );
}

async function funderAccount(
  ctx: OperationContext,
  args: Args<'funderAccount'>,
): Answer<'funderAccount'> {
  const funder = await requireFunder(ctx.db, args.funderId, 'funderId');
  if (!funder.ok) return fail(funder.error.code, funder.error.message, funder.error.field);
  const projection = await ctx.ledger.projection({ funders: [args.funderId] });
  return ok(
    await funderAccountView(
      args.funderId,
      funder.value.name,
      projection,
      (patientId) => ctx.ledger.projection({ patients: [patientId] }),
      (ids) => patientNames(ctx, ids),
    ),
  );
}

async function checkoutQuote(
  ctx: OperationContext,
  args: Args<'checkoutQuote'>,
): Answer<'checkoutQuote'> {
  const found = await requireAppointment(ctx.db, args.appointmentId);
  if (!found.ok) return fail(found.error.code, found.error.message, found.error.field);
  const appointment = found.value;
  const [projection, service, funders] = await Promise.all([
    ctx.ledger.projection({ patients: [appointment.patientId] }),
    ctx.db.catalog.findOne(appointment.serviceId).exec(),
    catalogNames(ctx.db, 'funder'),
  ]);
  const serviceName =
    service && service.type === 'service' ? (service.toJSON() as Service).name : '';
  return ok(
    checkoutQuoteView(projection.state, appointment, serviceName, funders, ctx.now().toISOString()),
  );
}

async function attention(ctx: OperationContext): Answer<'needsAttention'> {
  const state = await ctx.ledger.clinic.ready();
  return ok({ ready: ctx.ledger.clinic.isReady, items: needsAttention(state) });
}

async function selfCheck(ctx: OperationContext): Answer<'selfCheck'> {
  return ok(await selfCheckJournal(ctx.db, await ctx.ledger.clinic.ready()));
}

export const ledgerQueryHandlers: HandlersFor<
  'patientAccount' | 'funderAccount' | 'checkoutQuote' | 'needsAttention' | 'selfCheck'
> = {
  patientAccount,
  funderAccount,
  checkoutQuote,
  needsAttention: attention,
  selfCheck,
};
