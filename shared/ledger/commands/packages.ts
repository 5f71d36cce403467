// Selling a package, using its sessions, and closing it at expiry.
import type { Amount } from '../../money.ts';
import { add, allocate, isPositive, minAmount, subtract, zeroAmount } from '../../money.ts';
import { accounts, REVENUE_BREAKAGE, REVENUE_SERVICE } from '../accounts.ts';
import type { CommandContext } from '../context.ts';
import type { InvoiceDocument, InvoiceMove } from '../entry.ts';
import type { CommandResult, Refusal } from '../errors.ts';
import { refuse } from '../errors.ts';
import type { OneOffPackage, PackagePlanSnapshot, SoldPackage } from '../packagePlan.ts';
import { invoiceView } from '../projections/invoices.ts';
import type { PackageView } from '../projections/packages.ts';
import { packageView } from '../projections/packages.ts';
import type { LedgerState } from '../state.ts';
import {
  isRefusal,
  json,
  LineSet,
  makeEntry,
  nextNumber,
  occurredAt,
  readAmount,
  readId,
  readMethod,
  readText,
} from './common.ts';
import type { PaymentInput, SettlementInput, SettlementSummary } from './settlement.ts';
import { settlePatientInvoice } from './settlement.ts';

const DAY_MS = 86_400_000;

/** The package sold: a catalog plan's snapshot, or a one-off's, checked alike. */
function readPackage(
  currency: string,
  input: Pick<SellPackageInput, 'plan' | 'oneOff'>,
): PackagePlanSnapshot | Refusal {
  if (input.plan !== undefined && input.oneOff !== undefined) {
    return refuse('invalid-input', 'Sell a package plan or a one-off package, not both', 'plan');
  }
  if (input.oneOff !== undefined) {
    if (!input.oneOff || typeof input.oneOff !== 'object')
      return refuse('invalid-input', 'Describe the one-off package', 'oneOff');
    // A one-off has no plan in the catalog: its snapshot's planId is ''.
    return readPlan(currency, { ...input.oneOff, planId: '' }, 'oneOff');
  }
  return readPlan(currency, input.plan, 'plan');
}

function readPlan(
  currency: string,
  plan: PackagePlanSnapshot | undefined,
  field: 'plan' | 'oneOff',
): PackagePlanSnapshot | Refusal {
  if (!plan || typeof plan !== 'object')
    return refuse('invalid-input', 'Choose a package plan', 'plan');
  const planId = field === 'oneOff' ? '' : readId(plan.planId, 'plan.planId', 'plan');
  if (isRefusal(planId)) return planId;
  const name = readText(
    plan.name,
    `${field}.name`,
    field === 'oneOff' ? 'The package needs a name' : 'The plan needs a name',
  );
  if (isRefusal(name)) return name;
  if (!Number.isSafeInteger(plan.sessions) || plan.sessions < 1 || plan.sessions > 1000) {
    return refuse(
      'invalid-input',
      'A package has between 1 and 1000 sessions',
      `${field}.sessions`,
    );
  }
  const price = readAmount(currency, plan.price, `${field}.price`, 'non-negative');
  if (isRefusal(price)) return price;
  if (
    !Number.isSafeInteger(plan.validityDays) ||
    plan.validityDays < 0 ||
    plan.validityDays > 36_500
  ) {
    return refuse(
      'invalid-input',
      'Validity is a whole number of days (0 for no expiry)',
      `${field}.validityDays`,
    );
  }
  if (
    !Array.isArray(plan.eligibleServiceIds) ||
    plan.eligibleServiceIds.some((id) => typeof id !== 'string' || id === '')
  ) {
    return refuse(
      'invalid-input',
      'Eligible services must be a list of service ids',
      `${field}.eligibleServiceIds`,
    );
  }
  if (
    typeof plan.lateCancelUsesSession !== 'boolean' ||
    typeof plan.noShowUsesSession !== 'boolean'
  ) {
    return refuse(
      'invalid-input',
      'Say whether late cancellations and no-shows use a session',
      field,
    );
  }
  if (plan.expiryRule !== 'breakage' && plan.expiryRule !== 'credit') {
    return refuse(
      'invalid-input',
      'At expiry, unused value goes to breakage or to credit',
      `${field}.expiryRule`,
    );
  }
  return {
    planId,
    name,
    sessions: plan.sessions,
    price,
    validityDays: plan.validityDays,
    eligibleServiceIds: [...plan.eligibleServiceIds],
    lateCancelUsesSession: plan.lateCancelUsesSession,
    noShowUsesSession: plan.noShowUsesSession,
    expiryRule: plan.expiryRule,
  };
}

export interface SellPackageInput {
  patientId: string;
  /** A catalog plan, as it is now (the handler copies it from the catalog) … */
  plan?: PackagePlanSnapshot;
  /** … or a one-off package described at the sale (no plan is created; planId '' in the sale). */
  oneOff?: OneOffPackage;
  /** who pays: the patient (default) or a funder */
  payer?: { type: 'patient' } | { type: 'funder'; funderId: string };
  /**
   * Paid now in full, in part, or later (no payments). A patient may also use credit or
   * funder money held for them; credit is not applied unless asked for.
   */
  settlement?: SettlementInput;
  memo?: string;
  occurredAt?: string;
}

export interface SellPackageOutcome {
  packageId: string;
  invoiceId: string;
  paymentId: string;
  settlement: SettlementSummary;
}

/**
 * Sell a package: its invoice charges the payer the price, the price goes into the
 * package's unearned account, and any payment settles the invoice.
 */
export function sellPackage(
  state: LedgerState,
  input: SellPackageInput,
  ctx: CommandContext,
): CommandResult<SellPackageOutcome> {
  const patientId = readId(input.patientId, 'patientId', 'patient');
  if (isRefusal(patientId)) return patientId;
  const plan = readPackage(state.currency, input);
  if (isRefusal(plan)) return plan;
  const when = occurredAt(input, ctx);
  if (isRefusal(when)) return when;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  let funderId = '';
  if (input.payer?.type === 'funder') {
    const id = readId(input.payer.funderId, 'payer.funderId', 'funder');
    if (isRefusal(id)) return id;
    funderId = id;
  }

  const entryId = ctx.newId();
  const packageId = ctx.newId();
  const invoiceId = ctx.newId();
  const receivable = funderId
    ? accounts.funderReceivable(funderId)
    : accounts.patientReceivable(patientId);
  const lines = new LineSet()
    .debit(receivable, plan.price)
    .credit(accounts.unearned(packageId), plan.price);
  const moves: InvoiceMove[] = [{ invoiceId, how: 'charge', amount: plan.price }];
  const settlementInput = input.settlement ?? {};
  let settlement: SettlementSummary | Refusal;
  if (funderId) {
    settlement = settleFunderInvoice(
      state.currency,
      receivable,
      invoiceId,
      plan.price,
      settlementInput,
      lines,
      moves,
    );
  } else {
    settlement = settlePatientInvoice(
      state,
      patientId,
      invoiceId,
      plan.price,
      settlementInput,
      'none',
      lines,
      moves,
    );
  }
  if (isRefusal(settlement)) return settlement;
  const paymentId = settlement.payments.length > 0 ? ctx.newId() : '';

  const sold: SoldPackage = {
    ...plan,
    packageId,
    patientId,
    payer: funderId ? 'funder' : 'patient',
    funderId,
    soldAt: when,
    expiresAt:
      plan.validityDays > 0
        ? new Date(Date.parse(when) + plan.validityDays * DAY_MS).toISOString()
        : '',
    invoiceId,
  };
  const invoice: InvoiceDocument = {
    invoiceId,
    source: 'package',
    number: nextNumber(ctx, 'invoice'),
    payer: funderId ? 'funder' : 'patient',
    patientId,
    funderId,
    appointmentId: '',
    packageId,
    lines: [{ description: plan.name, serviceId: '', amount: plan.price, packageId: '' }],
    total: plan.price,
    charged: plan.price,
  };
  const entry = makeEntry(
    ctx,
    'packageSold',
    {
      occurredAt: when,
      patientId,
      funderId,
      packageId,
      invoiceId,
      paymentId,
      number: invoice.number,
      memo,
      lines: lines.lines,
      data: {
        package: json(sold),
        packageSold: 1,
        packageFunderId: funderId,
        invoice: json(invoice),
        invoiceMoves: json(moves),
        payments: json(settlement.payments),
        receiptNumber: paymentId ? nextNumber(ctx, 'receipt') : '',
      },
    },
    entryId,
  );
  return { ok: true, entries: [entry], packageId, invoiceId, paymentId, settlement };
}

// A funder pays its own invoice: only payments apply, and no more than is due.
function settleFunderInvoice(
  currency: string,
  receivable: string,
  invoiceId: string,
  due: Amount,
  input: SettlementInput,
  lines: LineSet,
  moves: InvoiceMove[],
): SettlementSummary | Refusal {
  if (
    (input.credit !== undefined && input.credit !== '0' && input.credit !== 'auto') ||
    (input.funderHeld ?? []).length > 0
  ) {
    return refuse(
      'invalid-input',
      'A funder pays with money, not with credit or held money',
      'settlement',
    );
  }
  const zero = zeroAmount(currency);
  let paid = zero;
  const payments: SettlementSummary['payments'] = [];
  for (const [index, row] of (input.payments ?? []).entries()) {
    const checked = readPayment(currency, row, `payments[${index}]`);
    if (isRefusal(checked)) return checked;
    payments.push(checked);
    paid = add(paid, checked.amount);
  }
  if (isPositive(subtract(paid, due))) {
    return refuse('over-allocated', `Payments of ${paid} are more than the ${due} due`, 'payments');
  }
  for (const payment of payments) lines.debit(accounts.money(payment.method), payment.amount);
  lines.credit(receivable, paid);
  if (isPositive(paid)) moves.push({ invoiceId, how: 'payment', amount: paid });
  return {
    credit: zero,
    funderHeld: zero,
    paid,
    toCredit: zero,
    owing: subtract(due, paid),
    payments,
  };
}

function readPayment(
  currency: string,
  row: PaymentInput,
  field: string,
): SettlementSummary['payments'][number] | Refusal {
  const method = readMethod(row.method, `${field}.method`);
  if (isRefusal(method)) return method;
  const amount = readAmount(currency, row.amount, `${field}.amount`);
  if (isRefusal(amount)) return amount;
  const reference = readText(row.reference, `${field}.reference`);
  if (isRefusal(reference)) return reference;
  return { method, amount, reference };
}

/** Why a package cannot give a session for this patient and service now, or null when it can. */
export function packageRefusal(
  view: PackageView | undefined,
  packageId: string,
  patientId: string,
  serviceId: string,
  field = 'packageId',
): Refusal | null {
  if (!view) return refuse('not-found', `Package ${packageId} is not known`, field);
  if (view.patientId !== patientId)
    return refuse('package-unusable', 'That package belongs to another patient', field);
  if (view.status === 'cancelled')
    return refuse('package-unusable', 'That package sale was reversed', field);
  if (view.status === 'closed' || view.status === 'expired') {
    return refuse(
      'package-unusable',
      `The package ${view.sale.name} expired on ${view.expiresAt.slice(0, 10)}`,
      field,
    );
  }
  if (view.remaining <= 0) {
    return refuse(
      'package-unusable',
      `All ${view.size} sessions of ${view.sale.name} have been used`,
      field,
    );
  }
  if (
    view.sale.eligibleServiceIds.length > 0 &&
    !view.sale.eligibleServiceIds.includes(serviceId)
  ) {
    return refuse(
      'package-unusable',
      `The package ${view.sale.name} does not cover this service`,
      field,
    );
  }
  return null;
}

/**
 * The value one session recognises: an even share of what is left, so the sessions of
 * a package always add up to its price exactly (500.00 over 7: 71.43 … 71.42).
 */
export function sessionShare(state: LedgerState, view: PackageView): Amount {
  const left = view.size - view.used;
  if (left <= 0 || !isPositive(view.remainingValue)) return zeroAmount(state.currency);
  return allocate(view.remainingValue, left)[0] ?? zeroAmount(state.currency);
}

/** Lines and data for using one session of a package (revenue recognised from unearned). */
export function sessionUseParts(
  state: LedgerState,
  view: PackageView,
  lines: LineSet,
): {
  share: Amount;
  data: { sessionsUsed: number; packageFunderId: string; sessionShare: Amount };
} {
  const share = sessionShare(state, view);
  lines.debit(accounts.unearned(view.packageId), share).credit(REVENUE_SERVICE, share);
  return {
    share,
    data: { sessionsUsed: 1, packageFunderId: view.sale.funderId, sessionShare: share },
  };
}

export interface ExpirePackageInput {
  packageId: string;
  memo?: string;
}

/**
 * Close a package after its expiry date. What is left becomes breakage revenue, or the
 * payer's credit (money held for the patient when a funder paid) — by the plan's rule.
 * Under the credit rule, value not yet paid for is cancelled rather than credited.
 */
export function expirePackage(
  state: LedgerState,
  input: ExpirePackageInput,
  ctx: CommandContext,
): CommandResult<{ toBreakage: Amount; toCredit: Amount; cancelled: Amount }> {
  const packageId = readId(input.packageId, 'packageId', 'package');
  if (isRefusal(packageId)) return packageId;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  const view = packageView(state, packageId, ctx.now);
  if (!view) return refuse('not-found', `Package ${packageId} is not known`, 'packageId');
  if (view.status === 'cancelled')
    return refuse('invalid-state', 'That package sale was reversed', 'packageId');
  if (view.status === 'closed')
    return refuse('invalid-state', 'That package has already been closed at expiry', 'packageId');
  if (view.status !== 'expired') {
    const when = view.expiresAt ? `until ${view.expiresAt.slice(0, 10)}` : 'with no expiry date';
    return refuse('invalid-state', `The package ${view.sale.name} is valid ${when}`, 'packageId');
  }
  const zero = zeroAmount(state.currency);
  const left = isPositive(view.remainingValue) ? view.remainingValue : zero;
  const sale = view.sale;
  const lines = new LineSet();
  const moves: InvoiceMove[] = [];
  let toBreakage = zero;
  let toCredit = zero;
  let cancelled = zero;
  if (sale.expiryRule === 'breakage') {
    toBreakage = left;
    lines.debit(accounts.unearned(packageId), left).credit(REVENUE_BREAKAGE, left);
  } else {
    const invoice = invoiceView(state, sale.invoiceId);
    const unpaid = invoice && isPositive(invoice.due) ? invoice.due : zero;
    cancelled = minAmount(unpaid, left);
    toCredit = subtract(left, cancelled);
    const receivable = sale.funderId
      ? accounts.funderReceivable(sale.funderId)
      : accounts.patientReceivable(sale.patientId);
    lines.debit(accounts.unearned(packageId), cancelled).credit(receivable, cancelled);
    if (isPositive(cancelled))
      moves.push({ invoiceId: sale.invoiceId, how: 'cancel', amount: cancelled });
    const creditAccount = sale.funderId
      ? accounts.funderHeld(sale.funderId, sale.patientId)
      : accounts.credit(sale.patientId);
    lines.debit(accounts.unearned(packageId), toCredit).credit(creditAccount, toCredit);
  }
  const entry = makeEntry(ctx, 'packageExpired', {
    patientId: sale.patientId,
    funderId: sale.funderId,
    packageId,
    invoiceId: isPositive(cancelled) ? sale.invoiceId : '',
    memo,
    reasonCode: `expiry:${sale.expiryRule}`,
    lines: lines.lines,
    data: { packageExpired: 1, packageFunderId: sale.funderId, invoiceMoves: json(moves) },
  });
  return { ok: true, entries: [entry], toBreakage, toCredit, cancelled };
}
