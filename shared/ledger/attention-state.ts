// The lean clinic-wide projection: only what "needs attention" reads, for a desk to keep
// resident for the whole journal (the full LedgerState keeps every patient's invoices,
// packages, provenance … — hundreds of MB at a clinic's size).
//
// It answers needsAttention() exactly as a full LedgerState folded over the same entries
// does (a property test holds the two together), and keeps the fold's guarantees:
// applying an entry twice is a no-op, and every figure is a sum, so the arrival order
// does not change the result. Kept per item:
//   - guarded liabilities (credit, funder money held or unallocated, unearned package
//     value, unapplied money): the balance, only while it is not zero;
//   - invoices: what is still due (one running sum of the moves), number and patient;
//   - packages: sessions used, and the sale's size, name and patient;
//   - payments: net money in per method (received less refunded), and the patient.
// Nothing of an entry is held but these strings; the ones that recur (patient ids,
// package names) are shared through one intern table.
import type { Amount } from '../money.ts';
import { add, isNegative, isPositive, isZero, negate, subtract, zeroAmount } from '../money.ts';
import { parseAccount, type ParsedAccount } from './accounts.ts';
import type { InvoiceDocument, InvoiceMove, JournalEntry, PaymentMethod } from './entry.ts';
import type { SoldPackage } from './packagePlan.ts';
import type { AttentionItem } from './state.ts';

export interface InvoiceDue {
  /** charged less cancelled and settled, plus what moved to credit (negative: over-paid) */
  due: Amount;
  /** from the entry that raised the invoice; '' until it has arrived */
  number: string;
  patientId: string;
}

export interface PackageCount {
  /** net sessions used */
  used: number;
  /** the sale's size, name and patient; sessions -1 until a sale has arrived */
  sessions: number;
  name: string;
  patientId: string;
}

export interface PaymentNet {
  /** the patient of the entry that brought the money in (the earliest by id) */
  patientId: string;
  entryId: string;
  /** money in less refunded, per method */
  byMethod: Partial<Record<PaymentMethod, Amount>>;
}

export interface AttentionState {
  readonly currency: string;
  entryCount: number;
  seen: Set<string>;
  /** the sum of every line applied: zero when every entry balanced */
  lineTotal: Amount;
  /** guarded liability accounts with a balance other than zero (debits positive) */
  balances: Map<string, Amount>;
  invoices: Map<string, InvoiceDue>;
  packages: Map<string, PackageCount>;
  payments: Map<string, PaymentNet>;
  attention: Map<string, AttentionItem>;
  /** one copy of each recurring string (patient ids, package names) */
  strings: Map<string, string>;
}

export function createAttentionState(currency: string): AttentionState {
  return {
    currency,
    entryCount: 0,
    seen: new Set(),
    lineTotal: zeroAmount(currency),
    balances: new Map(),
    invoices: new Map(),
    packages: new Map(),
    payments: new Map(),
    attention: new Map(),
    strings: new Map(),
  };
}

/** Fold entries from scratch (the order does not change the result). */
export function attentionStateFrom(
  entries: Iterable<JournalEntry>,
  currency: string,
): AttentionState {
  const state = createAttentionState(currency);
  for (const entry of entries) applyToAttentionState(state, entry);
  return state;
}

interface Touched {
  accounts: Map<string, ParsedAccount>;
  invoices: Set<string>;
  packageId: string;
  paymentId: string;
}

/** Apply one entry. Returns false (and changes nothing) when it was already applied. */
export function applyToAttentionState(state: AttentionState, entry: JournalEntry): boolean {
  if (state.seen.has(entry.id)) return false;
  state.seen.add(entry.id);
  state.entryCount += 1;
  const touched: Touched = {
    accounts: new Map(),
    invoices: new Set(),
    packageId: '',
    paymentId: '',
  };
  if (!linesCancelOut(entry.lines)) {
    for (const line of entry.lines) state.lineTotal = add(state.lineTotal, line.amount);
  }
  for (const line of entry.lines) {
    const parsed = parseAccount(line.account);
    if (!isGuarded(parsed)) continue;
    const balance = add(
      state.balances.get(line.account) ?? zeroAmount(state.currency),
      line.amount,
    );
    if (isZero(balance)) state.balances.delete(line.account);
    else state.balances.set(line.account, balance);
    touched.accounts.set(line.account, parsed);
  }
  if (entry.paymentId) applyPayment(state, entry, touched);
  applyInvoice(state, entry, touched);
  applyPackage(state, entry, touched);
  refresh(state, touched);
  return true;
}

function isGuarded(parsed: ParsedAccount): boolean {
  return (
    parsed.type === 'credit' ||
    parsed.type === 'funderHeld' ||
    parsed.type === 'funderUnallocated' ||
    parsed.type === 'unearned' ||
    parsed.type === 'unapplied'
  );
}

function intern(state: AttentionState, text: string): string {
  if (text === '') return '';
  const known = state.strings.get(text);
  if (known !== undefined) return known;
  state.strings.set(text, text);
  return text;
}

/** Lines that are each matched by their exact negation sum to zero without arithmetic. */
function linesCancelOut(lines: JournalEntry['lines']): boolean {
  const open = new Map<string, number>();
  for (const { amount } of lines) {
    const negative = amount.startsWith('-');
    const magnitude = negative ? amount.slice(1) : amount;
    const count = (open.get(magnitude) ?? 0) + (negative ? -1 : 1);
    if (count === 0) open.delete(magnitude);
    else open.set(magnitude, count);
  }
  return open.size === 0;
}

function applyPayment(state: AttentionState, entry: JournalEntry, touched: Touched): void {
  let record = state.payments.get(entry.paymentId);
  let receivedHere = false;
  for (const line of entry.lines) {
    const parsed = parseAccount(line.account);
    if (parsed.type !== 'money') continue;
    if (!record) {
      record = { patientId: '', entryId: '', byMethod: {} };
      state.payments.set(entry.paymentId, record);
    }
    const net = add(record.byMethod[parsed.method] ?? zeroAmount(state.currency), line.amount);
    record.byMethod[parsed.method] = isZero(net) ? zeroAmount(state.currency) : net;
    if (isPositive(line.amount) && entry.kind !== 'reversal') receivedHere = true;
  }
  if (!record) return; // no money moved: nothing of the payment can need attention
  // The entry that brought the money in describes the payment.
  if (receivedHere && (!record.entryId || entry.id < record.entryId)) {
    record.entryId = entry.id;
    record.patientId = intern(state, entry.patientId);
  }
  touched.paymentId = entry.paymentId;
}

function invoiceRecord(state: AttentionState, invoiceId: string): InvoiceDue {
  let record = state.invoices.get(invoiceId);
  if (!record) {
    record = { due: zeroAmount(state.currency), number: '', patientId: '' };
    state.invoices.set(invoiceId, record);
  }
  return record;
}

function applyInvoice(state: AttentionState, entry: JournalEntry, touched: Touched): void {
  const doc = entry.data['invoice'];
  if (entry.kind !== 'reversal' && doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const invoice = doc as unknown as InvoiceDocument;
    const record = invoiceRecord(state, invoice.invoiceId);
    record.number = invoice.number;
    record.patientId = intern(state, invoice.patientId);
    touched.invoices.add(invoice.invoiceId);
  }
  const moves = entry.data['invoiceMoves'];
  if (Array.isArray(moves)) {
    for (const raw of moves) {
      const move = raw as unknown as InvoiceMove;
      const record = invoiceRecord(state, move.invoiceId);
      // Due = charge − cancel − credit − funderHeld − payment − unapplied + toCredit.
      const adds = move.how === 'charge' || move.how === 'toCredit';
      const due = adds ? add(record.due, move.amount) : subtract(record.due, move.amount);
      record.due = isZero(due) ? zeroAmount(state.currency) : due;
      touched.invoices.add(move.invoiceId);
    }
  }
}

function countField(entry: JournalEntry, key: string): number {
  const value = entry.data[key];
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}

function applyPackage(state: AttentionState, entry: JournalEntry, touched: Touched): void {
  if (!entry.packageId) return;
  const sold = countField(entry, 'packageSold');
  const used = countField(entry, 'sessionsUsed');
  const expired = countField(entry, 'packageExpired');
  const snapshot = entry.data['package'];
  if (!sold && !used && !expired && !snapshot) return;
  let record = state.packages.get(entry.packageId);
  if (!record) {
    record = { used: 0, sessions: -1, name: '', patientId: '' };
    state.packages.set(entry.packageId, record);
  }
  touched.packageId = entry.packageId;
  if (
    snapshot &&
    typeof snapshot === 'object' &&
    !Array.isArray(snapshot) &&
    entry.kind !== 'reversal'
  ) {
    const sale = snapshot as unknown as SoldPackage;
    record.sessions = sale.sessions;
    record.name = intern(state, sale.name);
    record.patientId = intern(state, sale.patientId);
  }
  record.used += used;
}

// --- needs attention: the same items, keys and messages as the full LedgerState ----

function refresh(state: AttentionState, touched: Touched): void {
  const zero = zeroAmount(state.currency);
  for (const [account, parsed] of touched.accounts) {
    const key = `balance:${account}`;
    const balance = state.balances.get(account) ?? zero;
    // Liabilities have credit (negative) balances; a positive one means overdrawn.
    if (isPositive(balance)) {
      const patientId =
        parsed.type === 'credit' || parsed.type === 'funderHeld'
          ? parsed.patientId
          : parsed.type === 'unearned'
            ? (state.packages.get(parsed.packageId)?.patientId ?? '')
            : '';
      state.attention.set(key, {
        key,
        kind: 'negative-balance',
        message: `${describeAccount(parsed, account)} is overdrawn by ${balance}`,
        patientId,
        account,
        packageId: parsed.type === 'unearned' ? parsed.packageId : '',
        invoiceId: '',
        paymentId: '',
        amount: negate(balance),
      });
    } else state.attention.delete(key);
  }
  for (const invoiceId of touched.invoices) {
    const record = state.invoices.get(invoiceId);
    const key = `invoice:${invoiceId}`;
    if (record && isNegative(record.due)) {
      state.attention.set(key, {
        key,
        kind: 'invoice-overpaid',
        message: `Invoice ${record.number || invoiceId} is over-paid by ${negate(record.due)}`,
        patientId: record.patientId,
        account: '',
        packageId: '',
        invoiceId,
        paymentId: '',
        amount: negate(record.due),
      });
    } else state.attention.delete(key);
  }
  if (touched.packageId) {
    const packageId = touched.packageId;
    const record = state.packages.get(packageId);
    const key = `package:${packageId}`;
    if (record && record.sessions >= 0 && record.used > record.sessions) {
      state.attention.set(key, {
        key,
        kind: 'package-overused',
        message: `Package ${record.name} has ${record.used} of ${record.sessions} sessions used`,
        patientId: record.patientId,
        account: '',
        packageId,
        invoiceId: '',
        paymentId: '',
        amount: zero,
      });
    } else state.attention.delete(key);
  }
  if (touched.paymentId) {
    const paymentId = touched.paymentId;
    const record = state.payments.get(paymentId);
    for (const [method, net] of Object.entries(record?.byMethod ?? {})) {
      const key = `payment:${paymentId}:${method}`;
      if (record && isNegative(net)) {
        state.attention.set(key, {
          key,
          kind: 'payment-overrefunded',
          message: `Payment ${paymentId} (${method}) has been refunded ${negate(net)} more than it brought in`,
          patientId: record.patientId,
          account: method,
          packageId: '',
          invoiceId: '',
          paymentId,
          amount: negate(net),
        });
      } else state.attention.delete(key);
    }
  }
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

/** A plain, deterministic picture of the state: an incremental fold and a fresh one agree on it. */
export function snapshotAttentionState(state: AttentionState): { [key: string]: unknown } {
  const sorted = <V>(map: Map<string, V>): [string, V][] =>
    [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    currency: state.currency,
    entryCount: state.entryCount,
    lineTotal: state.lineTotal,
    balances: sorted(state.balances),
    invoices: sorted(state.invoices),
    packages: sorted(state.packages),
    payments: sorted(state.payments).map(([id, p]) => [
      id,
      p.patientId,
      p.entryId,
      Object.entries(p.byMethod).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    ]),
    attention: sorted(state.attention),
  };
}
