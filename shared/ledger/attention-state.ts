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
// package names) are shared through one intern table. The many ids (every entry's, every
// invoice's and payment's) are numbered by IdSlots (id-slots.ts), and what is known of an
// invoice or payment sits in arrays indexed by that number: no object per item.
import type { Amount } from '../money.ts';
import { add, isNegative, isPositive, isZero, subtract, zeroAmount } from '../money.ts';
import { isGuardedAccount, parseAccount, type ParsedAccount } from './accounts.ts';
import {
  overdrawnItem,
  overpaidInvoiceItem,
  overrefundedPaymentItem,
  overusedPackageItem,
} from './attention-items.ts';
import type { InvoiceDocument, InvoiceMove, JournalEntry, PaymentMethod } from './entry.ts';
import type { SoldPackage } from './packagePlan.ts';
import type { AttentionItem } from './state.ts';
import { linesCancelOut, numberField } from './state.ts';
import { IdSlots } from './id-slots.ts';

/** Per invoice (by slot): still due, number and patient. */
export interface InvoiceTable {
  ids: IdSlots;
  /** charged less cancelled and settled, plus what moved to credit (negative: over-paid) */
  due: Amount[];
  /** from the entry that raised the invoice; '' until it has arrived */
  number: string[];
  patientId: string[];
}

export interface PackageCount {
  /** net sessions used */
  used: number;
  /** the sale's size, name and patient; sessions -1 until a sale has arrived */
  sessions: number;
  name: string;
  patientId: string;
}

/**
 * Per payment (by slot): money in less refunded, per method (nearly every payment has
 * one method: kept apart from the rare others), and its patient — that of the entry that
 * brought the money in, the earliest by id.
 */
export interface PaymentTable {
  ids: IdSlots;
  patientId: string[];
  /** slot (in `seen`) of the entry that brought the money in; -1 until one has arrived */
  entrySlot: number[];
  method: (PaymentMethod | '')[];
  net: Amount[];
  otherMethods: Map<number, Map<PaymentMethod, Amount>>;
}

export interface AttentionState {
  readonly currency: string;
  entryCount: number;
  /** every entry applied */
  seen: IdSlots;
  /** the sum of every line applied: zero when every entry balanced */
  lineTotal: Amount;
  /** guarded liability accounts with a balance other than zero (debits positive) */
  balances: Map<string, Amount>;
  invoices: InvoiceTable;
  packages: Map<string, PackageCount>;
  payments: PaymentTable;
  attention: Map<string, AttentionItem>;
  /** one copy of each recurring string (patient ids, package names) */
  strings: Map<string, string>;
}

export function createAttentionState(currency: string): AttentionState {
  return {
    currency,
    entryCount: 0,
    seen: new IdSlots(),
    lineTotal: zeroAmount(currency),
    balances: new Map(),
    invoices: { ids: new IdSlots(), due: [], number: [], patientId: [] },
    packages: new Map(),
    payments: {
      ids: new IdSlots(),
      patientId: [],
      entrySlot: [],
      method: [],
      net: [],
      otherMethods: new Map(),
    },
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
  /** invoice slots */
  invoices: Set<number>;
  packageId: string;
  /** payment slot, -1 for none */
  payment: number;
}

/** Apply one entry. Returns false (and changes nothing) when it was already applied. */
export function applyToAttentionState(state: AttentionState, entry: JournalEntry): boolean {
  const seen = state.seen.size;
  const entrySlot = state.seen.add(entry.id);
  if (entrySlot < seen) return false; // had a slot already: applied before
  state.entryCount += 1;
  const touched: Touched = {
    accounts: new Map(),
    invoices: new Set(),
    packageId: '',
    payment: -1,
  };
  if (!linesCancelOut(entry.lines)) {
    for (const line of entry.lines) state.lineTotal = add(state.lineTotal, line.amount);
  }
  for (const line of entry.lines) {
    const parsed = parseAccount(line.account);
    if (!isGuardedAccount(parsed)) continue;
    const balance = add(
      state.balances.get(line.account) ?? zeroAmount(state.currency),
      line.amount,
    );
    if (isZero(balance)) state.balances.delete(line.account);
    else state.balances.set(line.account, balance);
    touched.accounts.set(line.account, parsed);
  }
  if (entry.paymentId) applyPayment(state, entry, entrySlot, touched);
  applyInvoice(state, entry, touched);
  applyPackage(state, entry, touched);
  refresh(state, touched);
  return true;
}

function intern(state: AttentionState, text: string): string {
  if (text === '') return '';
  const known = state.strings.get(text);
  if (known !== undefined) return known;
  state.strings.set(text, text);
  return text;
}

function paymentSlot(state: AttentionState, paymentId: string): number {
  const table = state.payments;
  const known = table.ids.size;
  const slot = table.ids.add(paymentId);
  if (slot === known) {
    table.patientId.push('');
    table.entrySlot.push(-1);
    table.method.push('');
    table.net.push(zeroAmount(state.currency));
  }
  return slot;
}

/** Add to the payment's net money in by one method. */
function addToNet(
  state: AttentionState,
  slot: number,
  method: PaymentMethod,
  amount: Amount,
): void {
  const table = state.payments;
  const first = table.method[slot];
  if (first === '' || first === method) {
    table.method[slot] = method;
    table.net[slot] = canonical(state, add(table.net[slot] ?? zeroAmount(state.currency), amount));
    return;
  }
  let others = table.otherMethods.get(slot);
  if (!others) table.otherMethods.set(slot, (others = new Map()));
  others.set(
    method,
    canonical(state, add(others.get(method) ?? zeroAmount(state.currency), amount)),
  );
}

/** Each method's net money in for one payment. */
export function paymentNets(state: AttentionState, slot: number): [PaymentMethod, Amount][] {
  const table = state.payments;
  const first = table.method[slot];
  const nets: [PaymentMethod, Amount][] = [];
  if (first) nets.push([first, table.net[slot] ?? zeroAmount(state.currency)]);
  for (const pair of table.otherMethods.get(slot) ?? []) nets.push(pair);
  return nets;
}

function applyPayment(
  state: AttentionState,
  entry: JournalEntry,
  entrySlot: number,
  touched: Touched,
): void {
  let slot = -1;
  let receivedHere = false;
  for (const line of entry.lines) {
    const parsed = parseAccount(line.account);
    if (parsed.type !== 'money') continue;
    if (slot < 0) slot = paymentSlot(state, entry.paymentId);
    addToNet(state, slot, parsed.method, line.amount);
    if (isPositive(line.amount) && entry.kind !== 'reversal') receivedHere = true;
  }
  if (slot < 0) return; // no money moved: nothing of the payment can need attention
  // The entry that brought the money in describes the payment.
  const table = state.payments;
  const described = table.entrySlot[slot] ?? -1;
  if (receivedHere && (described < 0 || entry.id < state.seen.idAt(described))) {
    table.entrySlot[slot] = entrySlot;
    table.patientId[slot] = intern(state, entry.patientId);
  }
  touched.payment = slot;
}

/** Zero as the one shared string (most dues and nets end at zero). */
function canonical(state: AttentionState, amount: Amount): Amount {
  return isZero(amount) ? zeroAmount(state.currency) : amount;
}

function invoiceSlot(state: AttentionState, invoiceId: string): number {
  const table = state.invoices;
  const known = table.ids.size;
  const slot = table.ids.add(invoiceId);
  if (slot === known) {
    table.due.push(zeroAmount(state.currency));
    table.number.push('');
    table.patientId.push('');
  }
  return slot;
}

function applyInvoice(state: AttentionState, entry: JournalEntry, touched: Touched): void {
  const table = state.invoices;
  const doc = entry.data['invoice'];
  if (entry.kind !== 'reversal' && doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const invoice = doc as unknown as InvoiceDocument;
    const slot = invoiceSlot(state, invoice.invoiceId);
    table.number[slot] = invoice.number;
    table.patientId[slot] = intern(state, invoice.patientId);
    touched.invoices.add(slot);
  }
  const moves = entry.data['invoiceMoves'];
  if (Array.isArray(moves)) {
    for (const raw of moves) {
      const move = raw as unknown as InvoiceMove;
      const slot = invoiceSlot(state, move.invoiceId);
      const due = table.due[slot] ?? zeroAmount(state.currency);
      // Due = charge − cancel − credit − funderHeld − payment − unapplied + toCredit.
      const adds = move.how === 'charge' || move.how === 'toCredit';
      table.due[slot] = canonical(state, adds ? add(due, move.amount) : subtract(due, move.amount));
      touched.invoices.add(slot);
    }
  }
}

function applyPackage(state: AttentionState, entry: JournalEntry, touched: Touched): void {
  if (!entry.packageId) return;
  const sold = numberField(entry.data, 'packageSold');
  const used = numberField(entry.data, 'sessionsUsed');
  const expired = numberField(entry.data, 'packageExpired');
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
      state.attention.set(key, overdrawnItem(account, parsed, balance, patientId));
    } else state.attention.delete(key);
  }
  const invoices = state.invoices;
  for (const slot of touched.invoices) {
    const invoiceId = invoices.ids.idAt(slot);
    const key = `invoice:${invoiceId}`;
    const due = invoices.due[slot] ?? zero;
    if (isNegative(due)) {
      const number = invoices.number[slot] ?? '';
      const patientId = invoices.patientId[slot] ?? '';
      state.attention.set(key, overpaidInvoiceItem(invoiceId, number, patientId, due));
    } else state.attention.delete(key);
  }
  if (touched.packageId) {
    const packageId = touched.packageId;
    const record = state.packages.get(packageId);
    const key = `package:${packageId}`;
    if (record && record.sessions >= 0 && record.used > record.sessions) {
      const { name, used, sessions, patientId } = record;
      state.attention.set(
        key,
        overusedPackageItem(packageId, name, used, sessions, patientId, zero),
      );
    } else state.attention.delete(key);
  }
  if (touched.payment >= 0) {
    const slot = touched.payment;
    const paymentId = state.payments.ids.idAt(slot);
    const patientId = state.payments.patientId[slot] ?? '';
    for (const [method, net] of paymentNets(state, slot)) {
      const key = `payment:${paymentId}:${method}`;
      if (isNegative(net)) {
        state.attention.set(key, overrefundedPaymentItem(paymentId, method, net, patientId));
      } else state.attention.delete(key);
    }
  }
}

/** A plain, deterministic picture of the state: an incremental fold and a fresh one agree on it. */
export function snapshotAttentionState(state: AttentionState): { [key: string]: unknown } {
  const byId = (a: [string, unknown], b: [string, unknown]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  const sorted = <V>(map: Map<string, V>): [string, V][] => [...map.entries()].sort(byId);
  const bySlot = (ids: IdSlots, view: (slot: number) => unknown): [string, unknown][] =>
    Array.from({ length: ids.size }, (_, slot): [string, unknown] => [
      ids.idAt(slot),
      view(slot),
    ]).sort(byId);
  return {
    currency: state.currency,
    entryCount: state.entryCount,
    lineTotal: state.lineTotal,
    balances: sorted(state.balances),
    invoices: bySlot(state.invoices.ids, (slot) => [
      state.invoices.due[slot],
      state.invoices.number[slot],
      state.invoices.patientId[slot],
    ]),
    packages: sorted(state.packages),
    payments: bySlot(state.payments.ids, (slot) => {
      const entrySlot = state.payments.entrySlot[slot] ?? -1;
      return [
        state.payments.patientId[slot],
        entrySlot < 0 ? '' : state.seen.idAt(entrySlot),
        paymentNets(state, slot).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      ];
    }),
    attention: sorted(state.attention),
  };
}
