// The journal entry: one business event, written once as one document and never
// edited. Everything else (balances, sessions, invoice states) is derived from these.
import type { Amount } from '../money.ts';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Every kind of business event the journal records. See README.md for each one's lines. */
export type EntryKind =
  | 'paymentReceived' // money from a patient or funder, for a named patient (or the funder's invoices)
  | 'unappliedReceived' // money of unknown payer, parked in `unapplied`
  | 'unappliedAssigned' // parked money assigned to a patient (credit) or a funder's patient
  | 'funderLumpSumReceived' // a funder's lump sum not yet split between patients
  | 'funderMoneyAllocated' // part of a funder's lump sum set aside for one patient
  | 'packageSold'
  | 'checkout' // an appointment's invoice and how it was settled
  | 'sessionForfeited' // a late cancellation or no-show that uses a package session
  | 'feeCharged' // a late-cancel or no-show fee invoice
  | 'feeConvertedToCredit'
  | 'feeWaived'
  | 'creditTransferred'
  | 'creditRefunded'
  | 'creditUnapplied' // a credit application taken off an invoice
  | 'creditWrittenOff'
  | 'courtesyCredit'
  | 'packageExpired'
  | 'openingBalance' // credit or a package brought over from the clinic's previous system
  | 'reversal';

export const ENTRY_KINDS: readonly EntryKind[] = [
  'paymentReceived',
  'unappliedReceived',
  'unappliedAssigned',
  'funderLumpSumReceived',
  'funderMoneyAllocated',
  'packageSold',
  'checkout',
  'sessionForfeited',
  'feeCharged',
  'feeConvertedToCredit',
  'feeWaived',
  'creditTransferred',
  'creditRefunded',
  'creditUnapplied',
  'creditWrittenOff',
  'courtesyCredit',
  'packageExpired',
  'openingBalance',
  'reversal',
];

/** One side of an entry. Positive amounts are debits, negative are credits. */
export interface Line {
  account: string;
  amount: Amount;
}

/**
 * How an entry moves an invoice. `amount` is signed in the direction of `how`:
 * a charge of 80.00 is +80.00, credit applied of 30.00 is +30.00 (and taking it off
 * again is -30.00), overpaid money moved to credit is `toCredit` +x.
 */
export type InvoiceMoveHow =
  | 'charge' // what the payer owes on the invoice
  | 'cancel' // charge withdrawn without payment: fee waived or converted, package value cancelled
  | 'credit' // settled from the patient's account credit
  | 'funderHeld' // settled from funder money held for the patient
  | 'payment' // settled by money received
  | 'unapplied' // settled by parked money of unknown payer
  | 'toCredit'; // paid money moved off the invoice into credit (raises what is due)

export interface InvoiceMove {
  invoiceId: string;
  how: InvoiceMoveHow;
  amount: Amount;
}

/**
 * The required stored shape. Plain JSON: no undefined values, '' means "none".
 *
 * Standard `data` keys that projections read (and reversal negates):
 * - `invoice`: the invoice created by this entry (see InvoiceDocument)
 * - `invoiceMoves`: InvoiceMove[]
 * - `package`: the package snapshot sold by this entry; `packageSold`: +1 (-1 on reversal)
 * - `sessionsUsed`: sessions of `packageId` used for `appointmentId` (+1, or -1 on reversal)
 * - `packageExpired`: +1 when this entry closed `packageId` at expiry (-1 on reversal)
 * - `packageFunderId`: the funder who paid for `packageId`, '' when the patient did
 * - `reversedKind`: on a reversal, the kind of the entry it reverses
 */
export interface JournalEntry {
  id: string;
  kind: EntryKind;
  occurredAt: string;
  recordedAt: string;
  deskId: string;
  staffId: string;
  patientId: string;
  counterpartyPatientId: string;
  funderId: string;
  appointmentId: string;
  invoiceId: string;
  packageId: string;
  paymentId: string;
  reverses: string;
  reasonCode: string;
  memo: string;
  number: string;
  lines: Line[];
  data: { [key: string]: JsonValue };
  /**
   * Tamper evidence, stamped by the main process as it writes the entry (commands
   * leave it out): the entry's place in its desk's hash chain. See electron/audit/.
   */
  chain?: EntryChain;
}

/** An entry's link in its desk's chain: sha-256 over the entry (less `chain`), `seq` and `prev`. */
export interface EntryChain {
  /** 1 for the desk's first entry, then one more for each */
  seq: number;
  /** the hash of the desk's entry before it ('' for the first) */
  prev: string;
  /** hex sha-256 */
  hash: string;
}

export type PaymentMethod = 'cash' | 'card' | 'eft' | 'cheque' | 'remittance';
export const PAYMENT_METHODS: readonly PaymentMethod[] = [
  'cash',
  'card',
  'eft',
  'cheque',
  'remittance',
];

/** A line of an invoice as stored in `data.invoice.lines`. */
export interface InvoiceLine {
  description: string;
  serviceId: string;
  amount: Amount;
  /** The package whose session covers this line, or ''. Covered lines are not charged. */
  packageId: string;
}

export interface InvoiceDocument {
  invoiceId: string;
  /** what raised it: a visit's check-out, a late-cancel/no-show fee, a package sale */
  source: 'checkout' | 'fee' | 'package';
  number: string;
  payer: 'patient' | 'funder';
  patientId: string;
  funderId: string;
  appointmentId: string;
  packageId: string;
  lines: InvoiceLine[];
  total: Amount;
  /** total less package-covered lines: what the payer is charged */
  charged: Amount;
}
