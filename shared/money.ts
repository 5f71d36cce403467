// Money for the whole app. This is the ONLY module that imports big.js: everywhere
// else an amount is a plain decimal string ("12.50"), which is what documents store
// and what crosses IPC. A JavaScript number never holds money.
//
// Canonical form: optional "-", digits, and exactly the currency's minor units of
// decimals ("12.50" for AUD, "1200" for JPY, "1.250" for KWD). Arithmetic keeps the
// scale of its operands (the larger of the two), so canonical amounts of one
// currency stay canonical without passing the currency around.
import BigModule from 'big.js';

/** An amount as a decimal string, e.g. "12.50". */
export type Amount = string;

// A private constructor: our settings never leak into (or from) another user of big.js.
const Big = BigModule();
Big.DP = 40;
Big.RM = 0; // round down; we never divide money except in allocate, which works in integers
Big.NE = -1_000_000; // never exponential notation
Big.PE = 1_000_000;
Big.strict = true; // a JS number passed to Big is an error, not a silent approximation

// ISO 4217 minor units for the currencies clinics are likely to use. Anything else
// falls back to 2, which is right for most of the world.
const MINOR_UNITS: Readonly<Record<string, number>> = {
  AUD: 2,
  NZD: 2,
  USD: 2,
  CAD: 2,
  GBP: 2,
  EUR: 2,
  CHF: 2,
  SGD: 2,
  HKD: 2,
  ZAR: 2,
  INR: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

/** Number of decimal places of a currency (ISO 4217), 2 when the currency is not in our table. */
export function minorUnitsOf(currency: string): number {
  return MINOR_UNITS[currency.toUpperCase()] ?? 2;
}

export type MoneyErrorCode =
  | 'not-a-string'
  | 'empty'
  | 'whitespace'
  | 'plus-sign'
  | 'exponent'
  | 'comma'
  | 'not-a-number'
  | 'too-many-decimals'
  | 'malformed';

/** A refused amount: `code` names the problem, `message` says it to a person. */
export class MoneyError extends Error {
  readonly code: MoneyErrorCode;
  readonly input: string;
  constructor(code: MoneyErrorCode, message: string, input: string) {
    super(message);
    this.name = 'MoneyError';
    this.code = code;
    this.input = input;
  }
}

export type ParseAmountResult =
  { ok: true; amount: Amount } | { ok: false; error: { code: MoneyErrorCode; message: string } };

const DECIMAL = /^-?\d+(\.\d+)?$/;

function describe(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input);
  if (typeof input === 'number') return `the number ${String(input)}`;
  return String(typeof input);
}

function refusal(
  input: unknown,
  currency: string,
): { code: MoneyErrorCode; message: string } | null {
  if (typeof input !== 'string') {
    return {
      code: 'not-a-string',
      message: `An amount must be a decimal string such as "12.50", not ${describe(input)}`,
    };
  }
  const shown = JSON.stringify(input);
  if (input === '') return { code: 'empty', message: 'An amount is required' };
  if (/\s/.test(input)) return { code: 'whitespace', message: `${shown} contains spaces` };
  if (input.startsWith('+'))
    return { code: 'plus-sign', message: `${shown} starts with "+"; write the amount alone` };
  if (/^-?(nan|infinity)$/i.test(input))
    return { code: 'not-a-number', message: `${shown} is not a number` };
  if (/^-?[\d.]*\d[eE]/.test(input))
    return { code: 'exponent', message: `${shown} uses exponent notation; write the digits out` };
  if (input.includes(','))
    return {
      code: 'comma',
      message: `${shown} contains a comma; use "." for decimals and no thousands separators`,
    };
  if (!DECIMAL.test(input))
    return { code: 'malformed', message: `${shown} is not an amount such as "12.50"` };
  const decimals = input.split('.')[1]?.length ?? 0;
  const allowed = minorUnitsOf(currency);
  if (decimals > allowed) {
    return {
      code: 'too-many-decimals',
      message: `${shown} has ${decimals} decimal places; ${currency.toUpperCase()} allows ${allowed}`,
    };
  }
  return null;
}

/** Parse user or document input into a canonical amount, or say what is wrong with it. */
export function parseAmount(input: unknown, currency: string): ParseAmountResult {
  const problem = refusal(input, currency);
  if (problem) return { ok: false, error: problem };
  return { ok: true, amount: canonical(new Big(input as string), minorUnitsOf(currency)) };
}

/** Like parseAmount, but throws a MoneyError; for values that are known to be good. */
export function toAmount(input: unknown, currency: string): Amount {
  const result = parseAmount(input, currency);
  if (!result.ok) throw new MoneyError(result.error.code, result.error.message, String(input));
  return result.amount;
}

/** True when `input` is already in canonical form for the currency (e.g. "12.50", not "12.5"). */
export function isCanonicalAmount(input: unknown, currency: string): boolean {
  const result = parseAmount(input, currency);
  return result.ok && result.amount === input;
}

/** Zero in the currency's canonical form ("0.00", "0", "0.000"). */
const zeros = new Map<string, Amount>();
export function zeroAmount(currency: string): Amount {
  let zero = zeros.get(currency);
  if (zero === undefined) {
    zero = canonical(new Big('0'), minorUnitsOf(currency));
    zeros.set(currency, zero);
  }
  return zero;
}

function canonical(value: Big, scale: number): Amount {
  const text = value.toFixed(scale);
  // big.js keeps a sign on zero ("-0.00"); zero has no sign.
  return text.startsWith('-') && value.eq(0n) ? text.slice(1) : text;
}

function scaleOf(amount: Amount): number {
  return amount.split('.')[1]?.length ?? 0;
}

// Operations accept only well-formed decimal strings: anything else is a programming
// error (amounts should have been parsed at the edge), so it throws.
function big(amount: Amount): Big {
  if (typeof amount !== 'string' || !DECIMAL.test(amount)) {
    throw new MoneyError('malformed', `Not a decimal amount: ${describe(amount)}`, String(amount));
  }
  return new Big(amount);
}

// The hot operations (add, subtract, compare, sign tests) run on exact integers of minor
// units (bigint): a fold over thousands of entries does several per line, and big.js
// objects plus toFixed cost ~10x more. Both are exact; big.js still parses, allocates
// and anything that divides.
interface Units {
  units: bigint;
  scale: number;
}

// Parsed amounts are remembered (the same few amounts recur on line after line); the
// memo is bounded and simply starts again when full.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, Units>();

function units(amount: Amount): Units {
  const known = memo.get(amount);
  if (known !== undefined) return known;
  if (typeof amount !== 'string' || !DECIMAL.test(amount)) {
    throw new MoneyError('malformed', `Not a decimal amount: ${describe(amount)}`, String(amount));
  }
  const dot = amount.indexOf('.');
  const parsed =
    dot < 0
      ? { units: BigInt(amount), scale: 0 }
      : {
          units: BigInt(amount.slice(0, dot) + amount.slice(dot + 1)),
          scale: amount.length - dot - 1,
        };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(amount, parsed);
  return parsed;
}

const TEN = 10n;
function rescale(value: Units, scale: number): bigint {
  return value.scale === scale ? value.units : value.units * TEN ** BigInt(scale - value.scale);
}

function fromUnits(value: bigint, scale: number): Amount {
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  if (digits.length <= scale) digits = digits.padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

function combine(a: Amount, b: Amount, sign: 1n | -1n): Amount {
  const x = units(a);
  const y = units(b);
  const scale = Math.max(x.scale, y.scale);
  return fromUnits(rescale(x, scale) + sign * rescale(y, scale), scale);
}

export function add(a: Amount, b: Amount): Amount {
  return combine(a, b, 1n);
}

export function subtract(a: Amount, b: Amount): Amount {
  return combine(a, b, -1n);
}

export function negate(a: Amount): Amount {
  const x = units(a);
  return fromUnits(-x.units, x.scale);
}

export function abs(a: Amount): Amount {
  const x = units(a);
  return fromUnits(x.units < 0n ? -x.units : x.units, x.scale);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Amount, b: Amount): -1 | 0 | 1 {
  const x = units(a);
  const y = units(b);
  const scale = Math.max(x.scale, y.scale);
  const l = rescale(x, scale);
  const r = rescale(y, scale);
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Amount): boolean {
  return units(a).units === 0n;
}

export function isNegative(a: Amount): boolean {
  return units(a).units < 0n;
}

export function isPositive(a: Amount): boolean {
  return units(a).units > 0n;
}

export function minAmount(a: Amount, b: Amount): Amount {
  return compare(a, b) <= 0 ? a : b;
}

export function maxAmount(a: Amount, b: Amount): Amount {
  return compare(a, b) >= 0 ? a : b;
}

/** Sum of a list; the currency gives the form of an empty sum ("0.00"). */
export function sumAmounts(amounts: readonly Amount[], currency: string): Amount {
  let total = zeroAmount(currency);
  for (const amount of amounts) total = add(total, amount);
  return total;
}

/** The amount times a whole number (a count of sessions, say). */
export function multiplyAmount(a: Amount, times: number): Amount {
  if (!Number.isSafeInteger(times)) throw new RangeError(`Not a whole number: ${times}`);
  return canonical(big(a).times(BigInt(times)), scaleOf(a));
}

/**
 * Split an amount into `parts` shares that sum exactly to it. The smallest unit is the
 * amount's own last decimal place, so "500.00" in 7 gives 71.43 ×3 and 71.42 ×4:
 * leftover minor units go to the first shares, and shares differ by at most one unit.
 */
export function allocate(amount: Amount, parts: number): Amount[] {
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`Cannot allocate into ${parts} shares`);
  }
  const scale = scaleOf(amount);
  const value = big(amount);
  // Work in whole minor units as a bigint so nothing rounds.
  const units = BigInt(
    value
      .abs()
      .times(new Big(`1e${scale}`))
      .toFixed(0),
  );
  const count = BigInt(parts);
  const base = units / count;
  const extra = units % count;
  const sign = value.lt(0n) ? -1n : 1n;
  const unit = new Big(`1e-${scale}`);
  const shares: Amount[] = [];
  for (let i = 0n; i < count; i += 1n) {
    const minor = (base + (i < extra ? 1n : 0n)) * sign;
    shares.push(canonical(unit.times(minor), scale));
  }
  return shares;
}

/**
 * Format for people: `formatMoney("1234.50", "AUD", "en-AU")` → "$1,234.50". The decimal
 * string is handed to Intl as a string, which formats it exactly (no trip through a
 * JavaScript number, so large amounts keep every digit).
 */
export function formatMoney(amount: Amount, currency: string, locale: string): string {
  big(amount); // refuse anything that is not a decimal string
  const digits = minorUnitsOf(currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(amount as Intl.StringNumericLiteral);
}
