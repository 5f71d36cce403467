// Account names are plain strings so entries stay plain JSON and any account can be
// summed by prefix. Ids inside names never contain ':' (see isValidId).
//
// Sign convention: a line's amount is positive for a debit, negative for a credit.
// Assets (money by method, receivables) and expenses carry positive balances;
// liabilities (credit, funder money held, unearned package value, unapplied money)
// and revenue carry negative ones. Views turn liabilities round to read positive.
import type { PaymentMethod } from './entry.ts';
import { PAYMENT_METHODS } from './entry.ts';

export const UNAPPLIED = 'unapplied';
export const REVENUE_SERVICE = 'revenue:service';
export const REVENUE_FEES = 'revenue:fees';
export const REVENUE_BREAKAGE = 'revenue:breakage';
export const REVENUE_CREDIT_WRITTEN_OFF = 'revenue:creditWrittenOff';
export const EXPENSE_COURTESY = 'expense:courtesy';
/**
 * The other side of balances brought over from the clinic's previous system
 * (opening credit and unused package value): an equity-like conversion account,
 * as accounting systems keep ("Opening balance equity", Xero's "Historical
 * adjustment"). Exports file it under suspense until it has its own category.
 */
export const OPENING_BALANCES = 'equity:openingBalances';

export const accounts = {
  money: (method: PaymentMethod): string => method,
  patientReceivable: (patientId: string): string => `receivable:patient:${patientId}`,
  funderReceivable: (funderId: string): string => `receivable:funder:${funderId}`,
  credit: (patientId: string): string => `credit:${patientId}`,
  funderHeld: (funderId: string, patientId: string): string =>
    `funderHeld:${funderId}:${patientId}`,
  funderUnallocated: (funderId: string): string => `funderUnallocated:${funderId}`,
  unearned: (packageId: string): string => `unearned:${packageId}`,
} as const;

export type ParsedAccount =
  | { type: 'money'; method: PaymentMethod }
  | { type: 'patientReceivable'; patientId: string }
  | { type: 'funderReceivable'; funderId: string }
  | { type: 'credit'; patientId: string }
  | { type: 'funderHeld'; funderId: string; patientId: string }
  | { type: 'funderUnallocated'; funderId: string }
  | { type: 'unearned'; packageId: string }
  | { type: 'unapplied' }
  | { type: 'revenue'; name: string }
  | { type: 'expense'; name: string }
  | { type: 'equity'; name: string }
  | { type: 'unknown'; name: string };

// Account names recur on entry after entry: remember what each means (bounded).
const parsedAccounts = new Map<string, ParsedAccount>();

/** What an account name means. */
export function parseAccount(name: string): ParsedAccount {
  let parsed = parsedAccounts.get(name);
  if (parsed === undefined) {
    parsed = Object.freeze(readAccount(name));
    if (parsedAccounts.size >= 100_000) parsedAccounts.clear();
    parsedAccounts.set(name, parsed);
  }
  return parsed;
}

function readAccount(name: string): ParsedAccount {
  if ((PAYMENT_METHODS as readonly string[]).includes(name)) {
    return { type: 'money', method: name as PaymentMethod };
  }
  if (name === UNAPPLIED) return { type: 'unapplied' };
  const parts = name.split(':');
  const [head, a = '', b = ''] = parts;
  switch (head) {
    case 'receivable':
      if (parts.length === 3 && a === 'patient' && b)
        return { type: 'patientReceivable', patientId: b };
      if (parts.length === 3 && a === 'funder' && b)
        return { type: 'funderReceivable', funderId: b };
      break;
    case 'credit':
      if (parts.length === 2 && a) return { type: 'credit', patientId: a };
      break;
    case 'funderHeld':
      if (parts.length === 3 && a && b) return { type: 'funderHeld', funderId: a, patientId: b };
      break;
    case 'funderUnallocated':
      if (parts.length === 2 && a) return { type: 'funderUnallocated', funderId: a };
      break;
    case 'unearned':
      if (parts.length === 2 && a) return { type: 'unearned', packageId: a };
      break;
    case 'revenue':
      if (parts.length === 2 && a) return { type: 'revenue', name };
      break;
    case 'expense':
      if (parts.length === 2 && a) return { type: 'expense', name };
      break;
    case 'equity':
      if (name === OPENING_BALANCES) return { type: 'equity', name };
      break;
  }
  return { type: 'unknown', name };
}

/** The patient whose money an account holds or who owes it, or '' for clinic accounts. */
export function patientOfAccount(name: string): string {
  const parsed = parseAccount(name);
  switch (parsed.type) {
    case 'patientReceivable':
    case 'credit':
    case 'funderHeld':
      return parsed.patientId;
    default:
      return '';
  }
}

/**
 * Liability accounts whose balance must never be below zero when a single desk acts
 * on them (credit, held, unearned, parked money): commands refuse to overdraw them,
 * and only merged offline work can.
 */
export function isGuardedLiability(name: string): boolean {
  return isGuardedAccount(parseAccount(name));
}

/** isGuardedLiability for an account already parsed. */
export function isGuardedAccount(parsed: ParsedAccount): boolean {
  const type = parsed.type;
  return (
    type === 'credit' ||
    type === 'funderHeld' ||
    type === 'funderUnallocated' ||
    type === 'unearned' ||
    type === 'unapplied'
  );
}

/** Ids are embedded in account names, so they must be non-empty and free of ':' and spaces. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 128 && !/[:\s]/.test(id);
}
