// Saving the clinic's reference documents (services, package plans, funders,
// staff, settings). Each save creates the document or updates the one named by
// id, keeping createdAt and stamping updatedAt, updatedBy and the desk (the
// rule that settles conflicting edits from two desks reads updatedAt). Prices
// are checked in the clinic's currency.
import type { OperationResults, ValidOperationArgs } from '../../../shared/contract/operations.ts';
import { fail, ok, type OpResult } from '../../../shared/contract/result.ts';
import type {
  CatalogDocument,
  CatalogType,
  ClinicSettings,
} from '../../../shared/catalog/catalog.ts';
import { isNegative, parseAmount } from '../../../shared/money.ts';
import { CLINIC_SETTINGS_ID, ensureClinicSettings } from '../../ledger/clinic-settings.ts';
import type { OperationContext } from '../context.ts';
import type { HandlersFor } from './index.ts';

type Args<N extends keyof OperationResults> = ValidOperationArgs<N>;
type Answer<N extends keyof OperationResults> = Promise<OpResult<OperationResults[N]>>;

const WHAT: Record<CatalogType, string> = {
  service: 'service',
  plan: 'package plan',
  funder: 'funder',
  staff: 'staff member',
  settings: 'settings document',
  counter: 'counter',
};

/** A price in the clinic's currency, canonical ("80" → "80.00"), or the reason it is not one. */
function readPrice(
  ctx: OperationContext,
  input: string,
): { ok: true; amount: string } | { ok: false; refusal: OpResult<never> } {
  const parsed = parseAmount(input, ctx.ledger.currency);
  if (!parsed.ok)
    return { ok: false, refusal: fail('invalid-amount', parsed.error.message, 'price') };
  if (isNegative(parsed.amount)) {
    return { ok: false, refusal: fail('invalid-amount', 'A price cannot be negative.', 'price') };
  }
  return { ok: true, amount: parsed.amount };
}

async function save(
  ctx: OperationContext,
  type: CatalogType,
  id: string | undefined,
  fields: Record<string, unknown> & { name: string },
): Promise<OpResult<{ id: string }>> {
  const stamp = {
    updatedAt: ctx.now().toISOString(),
    updatedBy: ctx.staffId,
    deskId: ctx.deskId,
  };
  if (id !== undefined) {
    const existing = await ctx.db.catalog.findOne(id).exec();
    if (!existing || existing.type !== type) {
      return fail('not-found', `That ${WHAT[type]} is not on file.`, 'id');
    }
    await existing.incrementalPatch({ ...fields, ...stamp } as Partial<CatalogDocument>);
    return ok({ id });
  }
  const doc = { id: ctx.newId(), type, ...fields, createdAt: stamp.updatedAt, ...stamp };
  await ctx.db.catalog.insert(doc as CatalogDocument);
  return ok({ id: doc.id });
}

async function saveService(
  ctx: OperationContext,
  args: Args<'saveService'>,
): Answer<'saveService'> {
  const price = readPrice(ctx, args.price);
  if (!price.ok) return price.refusal;
  const { id, ...fields } = args;
  return save(ctx, 'service', id, { ...fields, price: price.amount });
}

async function savePackagePlan(
  ctx: OperationContext,
  args: Args<'savePackagePlan'>,
): Answer<'savePackagePlan'> {
  const price = readPrice(ctx, args.price);
  if (!price.ok) return price.refusal;
  const services = await ctx.db.catalog.findByIds(args.eligibleServiceIds).exec();
  for (const [index, serviceId] of args.eligibleServiceIds.entries()) {
    if (services.get(serviceId)?.type !== 'service') {
      return fail(
        'not-found',
        'That service is not in the price list.',
        `eligibleServiceIds.${index}`,
      );
    }
  }
  const { id, ...fields } = args;
  return save(ctx, 'plan', id, { ...fields, price: price.amount });
}

async function saveFunder(ctx: OperationContext, args: Args<'saveFunder'>): Answer<'saveFunder'> {
  const { id, ...fields } = args;
  return save(ctx, 'funder', id, fields);
}

async function saveStaff(ctx: OperationContext, args: Args<'saveStaff'>): Answer<'saveStaff'> {
  const { id, ...fields } = args;
  return save(ctx, 'staff', id, fields);
}

async function saveClinicSettings(
  ctx: OperationContext,
  args: Args<'saveClinicSettings'>,
): Answer<'saveClinicSettings'> {
  const current: ClinicSettings = await ensureClinicSettings(ctx.db, {
    now: ctx.now().toISOString(),
    staffId: ctx.staffId,
    deskId: ctx.deskId,
  });
  const repriced: { id: string; price: string }[] = [];
  if (args.currency !== current.currency) {
    // Every amount in the journal is in the old currency's minor units.
    if ((await ctx.db.journal.count().exec()) > 0) {
      return fail(
        'invalid-state',
        'The currency cannot change once money has been recorded.',
        'currency',
      );
    }
    // Prices are re-expressed in the new currency's minor units ("9000.00" → "9000" in JPY);
    // one that cannot be (70.50 in yen) must be changed first.
    const priced = await ctx.db.catalog
      .find({ selector: { type: { $in: ['service', 'plan'] } } })
      .exec();
    for (const doc of priced) {
      const price = (doc.toJSON() as { price?: string }).price ?? '';
      const converted = parseAmount(withoutTrailingZeros(price), args.currency);
      if (!converted.ok) {
        return fail(
          'invalid-amount',
          `The price ${price} of ${doc.name} is not an amount in ${args.currency}; change it first.`,
          'currency',
        );
      }
      repriced.push({ id: doc.id, price: converted.amount });
    }
  }
  const result = await save(ctx, 'settings', CLINIC_SETTINGS_ID, {
    ...args,
    name: 'Clinic settings',
  });
  if (!result.ok) return result;
  for (const row of repriced) {
    await (
      await ctx.db.catalog.findOne(row.id).exec()
    )?.incrementalPatch({
      price: row.price,
      updatedAt: ctx.now().toISOString(),
      updatedBy: ctx.staffId,
      deskId: ctx.deskId,
    });
  }
  ctx.ledger.setCurrency(args.currency);
  return result;
}

/** "9000.00" → "9000", "70.50" → "70.5": the same amount with no needless decimals. */
function withoutTrailingZeros(amount: string): string {
  return amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount;
}

export const catalogHandlers: HandlersFor<
  'saveService' | 'savePackagePlan' | 'saveFunder' | 'saveStaff' | 'saveClinicSettings'
> = { saveService, savePackagePlan, saveFunder, saveStaff, saveClinicSettings };
