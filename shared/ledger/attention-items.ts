// The needs-attention items themselves (key, message, figures), built the same way by
// both folds that keep them: the full LedgerState (state.ts) and the lean clinic-wide
// AttentionState (attention-state.ts). Each fold finds the figures in its own records;
// what a person reads is written once, here.
import type { Amount } from '../money.ts';
import { negate } from '../money.ts';
import type { ParsedAccount } from './accounts.ts';
import type { AttentionItem } from './state.ts';

/** A guarded liability with a positive (debit) balance: more taken out than was there. */
export function overdrawnItem(
  account: string,
  parsed: ParsedAccount,
  balance: Amount,
  patientId: string,
): AttentionItem {
  const key = `balance:${account}`;
  return {
    key,
    kind: 'negative-balance',
    message: `${describeAccount(parsed, account)} is overdrawn by ${balance}`,
    patientId,
    account,
    packageId: parsed.type === 'unearned' ? parsed.packageId : '',
    invoiceId: '',
    paymentId: '',
    amount: negate(balance),
  };
}

/** An invoice with less than nothing due (`due` negative). */
export function overpaidInvoiceItem(
  invoiceId: string,
  number: string,
  patientId: string,
  due: Amount,
): AttentionItem {
  const key = `invoice:${invoiceId}`;
  return {
    key,
    kind: 'invoice-overpaid',
    message: `Invoice ${number || invoiceId} is over-paid by ${negate(due)}`,
    patientId,
    account: '',
    packageId: '',
    invoiceId,
    paymentId: '',
    amount: negate(due),
  };
}

/** A package with more sessions used than it has; `zero` is the currency's zero. */
export function overusedPackageItem(
  packageId: string,
  name: string,
  used: number,
  sessions: number,
  patientId: string,
  zero: Amount,
): AttentionItem {
  const key = `package:${packageId}`;
  return {
    key,
    kind: 'package-overused',
    message: `Package ${name} has ${used} of ${sessions} sessions used`,
    patientId,
    account: '',
    packageId,
    invoiceId: '',
    paymentId: '',
    amount: zero,
  };
}

/** One method of a payment refunded beyond what it brought in (`net` negative). */
export function overrefundedPaymentItem(
  paymentId: string,
  method: string,
  net: Amount,
  patientId: string,
): AttentionItem {
  const key = `payment:${paymentId}:${method}`;
  return {
    key,
    kind: 'payment-overrefunded',
    message: `Payment ${paymentId} (${method}) has been refunded ${negate(net)} more than it brought in`,
    patientId,
    account: method,
    packageId: '',
    invoiceId: '',
    paymentId,
    amount: negate(net),
  };
}

function describeAccount(parsed: ParsedAccount, account: string): string {
  switch (parsed.type) {
    case 'credit':
      return `Account credit of patient ${parsed.patientId}`;
    case 'funderHeld':
      return `Money held from funder ${parsed.funderId} for patient ${parsed.patientId}`;
    case 'funderUnallocated':
      return `Unallocated money of funder ${parsed.funderId}`;
    case 'unearned':
      return `Unused value of package ${parsed.packageId}`;
    case 'unapplied':
      return 'Unapplied money';
    default:
      return account;
  }
}
