// Small helpers every command uses: reading inputs into refusals, building entries.
import type { Amount } from '../../money.ts';
import { add, isNegative, isZero, parseAmount, zeroAmount } from '../../money.ts';
import { isValidId } from '../accounts.ts';
import type { CommandContext, NumberKind } from '../context.ts';
import type { EntryKind, JournalEntry, JsonValue, Line, PaymentMethod } from '../entry.ts';
import { PAYMENT_METHODS } from '../entry.ts';
import type { Refusal } from '../errors.ts';
import { refuse } from '../errors.ts';

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

export type AmountRule = 'positive' | 'non-negative';

/** Parse an amount field; zero and negative amounts are refused unless the rule allows. */
export function readAmount(
  currency: string,
  input: unknown,
  field: string,
  rule: AmountRule = 'positive',
): Amount | Refusal {
  const parsed = parseAmount(input, currency);
  if (!parsed.ok) return refuse('invalid-amount', parsed.error.message, field);
  if (isNegative(parsed.amount))
    return refuse('invalid-amount', `The amount cannot be negative (${parsed.amount})`, field);
  if (rule === 'positive' && isZero(parsed.amount))
    return refuse('invalid-amount', 'The amount must be more than zero', field);
  return parsed.amount;
}

export function readId(input: unknown, field: string, what: string): string | Refusal {
  if (!isValidId(input)) return refuse('invalid-input', `A valid ${what} id is required`, field);
  return input;
}

/** An optional id: '' or undefined means none. */
export function readOptionalId(input: unknown, field: string, what: string): string | Refusal {
  if (input === undefined || input === '') return '';
  return readId(input, field, what);
}

export function readMethod(input: unknown, field: string): PaymentMethod | Refusal {
  if (typeof input === 'string' && (PAYMENT_METHODS as readonly string[]).includes(input))
    return input as PaymentMethod;
  return refuse(
    'invalid-input',
    `Payment method must be one of ${PAYMENT_METHODS.join(', ')}`,
    field,
  );
}

export function readText(
  input: unknown,
  field: string,
  required: string | null = null,
): string | Refusal {
  if (input === undefined || input === null) {
    return required ? refuse('invalid-input', required, field) : '';
  }
  if (typeof input !== 'string') return refuse('invalid-input', `${field} must be text`, field);
  const text = input.trim();
  if (required && !text) return refuse('invalid-input', required, field);
  return text;
}

/** An ISO-8601 instant, normalised to UTC ("…Z"). */
export function readInstant(input: unknown, field: string): string | Refusal {
  if (typeof input !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(input)) {
    return refuse('invalid-input', `${field} must be an ISO-8601 date and time`, field);
  }
  const time = Date.parse(input);
  if (Number.isNaN(time))
    return refuse('invalid-input', `${field} is not a valid date and time`, field);
  return new Date(time).toISOString();
}

/** Business time: the input's occurredAt when given, else now. */
export function occurredAt(input: { occurredAt?: string }, ctx: CommandContext): string | Refusal {
  return input.occurredAt === undefined ? ctx.now : readInstant(input.occurredAt, 'occurredAt');
}

export function nextNumber(ctx: CommandContext, kind: NumberKind): string {
  return ctx.nextNumber ? ctx.nextNumber(kind) : '';
}

/** Collects lines, dropping zero amounts (they say nothing). */
export class LineSet {
  readonly lines: Line[] = [];
  debit(account: string, amount: Amount): this {
    if (!isZero(amount)) this.lines.push({ account, amount });
    return this;
  }
  credit(account: string, amount: Amount): this {
    if (!isZero(amount))
      this.lines.push({ account, amount: isNegative(amount) ? amount.slice(1) : `-${amount}` });
    return this;
  }
  total(currency: string): Amount {
    return this.lines.reduce((sum, line) => add(sum, line.amount), zeroAmount(currency));
  }
}

export type EntryFields = Partial<
  Omit<JournalEntry, 'id' | 'kind' | 'recordedAt' | 'deskId' | 'staffId'>
>;

/** A complete entry with '' for every reference not given. */
export function makeEntry(
  ctx: CommandContext,
  kind: EntryKind,
  fields: EntryFields,
  id = ctx.newId(),
): JournalEntry {
  const data: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(fields.data ?? {}))
    if (value !== undefined) data[key] = value;
  return {
    id,
    kind,
    occurredAt: fields.occurredAt ?? ctx.now,
    recordedAt: ctx.now,
    deskId: ctx.deskId,
    staffId: ctx.staffId,
    patientId: fields.patientId ?? '',
    counterpartyPatientId: fields.counterpartyPatientId ?? '',
    funderId: fields.funderId ?? '',
    appointmentId: fields.appointmentId ?? '',
    invoiceId: fields.invoiceId ?? '',
    packageId: fields.packageId ?? '',
    paymentId: fields.paymentId ?? '',
    reverses: fields.reverses ?? '',
    reasonCode: fields.reasonCode ?? '',
    memo: fields.memo ?? '',
    number: fields.number ?? '',
    lines: fields.lines ?? [],
    data,
  };
}

/** Make a typed object a JSON value for `data` (our payload types are plain JSON by construction). */
export function json<T>(value: T): JsonValue {
  return value as unknown as JsonValue;
}
