// Commands never throw for bad input: they return a typed refusal that a person can read.
import type { JournalEntry } from './entry.ts';

export type LedgerErrorCode =
  | 'invalid-amount' // malformed, or not allowed here (zero, negative)
  | 'invalid-input' // a missing or malformed field that is not an amount
  | 'not-found' // an id that the state does not know
  | 'insufficient-credit'
  | 'insufficient-funds' // held, parked or unrefunded money is less than asked
  | 'over-allocated' // more applied than is due
  | 'package-unusable' // used up, expired, ineligible service, another patient's
  | 'invalid-state' // e.g. rescheduling a cancelled appointment
  | 'not-reversible';

export interface LedgerError {
  code: LedgerErrorCode;
  message: string;
  /** The input field the problem is about, when there is one. */
  field?: string;
}

export type Refusal = { ok: false; error: LedgerError };

/** A command's result: new entries plus whatever else the command returns, or a refusal. */
export type CommandResult<Extra = object> =
  ({ ok: true; entries: JournalEntry[] } & Extra) | Refusal;

export function refuse(code: LedgerErrorCode, message: string, field?: string): Refusal {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
