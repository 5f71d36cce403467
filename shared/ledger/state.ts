// The projection state: one incremental fold over journal entries.
//
// applyEntry(state, entry) updates it in time proportional to the entry (plus the size
// of the one package or patient history it touches), so a desk keeps it current from
// the database's change stream. Every update is a sum or an insertion into a sorted
// list, so the result does not depend on the order entries arrive in: entries that
// replicate in late land where they belong. Applying an entry twice is a no-op.
//
// The state works clinic-wide (fold every entry) or for one patient (fold the entries
// whose patientId or counterpartyPatientId is that patient): every entry that touches
// a patient's accounts names that patient (checkInvariants verifies it).
//
// The maps are internal; read the state through the functions in projections/.
import type { Amount } from '../money.ts';
import { add, isNegative, isPositive, isZero, negate, subtract, zeroAmount } from '../money.ts';
import { isGuardedAccount, parseAccount, REVENUE_BREAKAGE } from './accounts.ts';
import {
  overdrawnItem,
  overpaidInvoiceItem,
  overrefundedPaymentItem,
  overusedPackageItem,
} from './attention-items.ts';
import type {
  EntryKind,
  InvoiceDocument,
  InvoiceLine,
  InvoiceMove,
  InvoiceMoveHow,
  JournalEntry,
  JsonValue,
  PaymentMethod,
} from './entry.ts';
import type { SoldPackage } from './packagePlan.ts';

export interface InvoiceRecord {
  invoiceId: string;
  source: InvoiceDocument['source'] | '';
  /** the entry that raised the invoice; '' while only later moves have arrived */
  entryId: string;
  number: string;
  issuedAt: string;
  payer: 'patient' | 'funder' | '';
  patientId: string;
  funderId: string;
  appointmentId: string;
  packageId: string;
  lines: InvoiceLine[];
  total: Amount;
  /** what the invoice charged its payer when raised (total less package-covered lines) */
  originalCharge: Amount;
  moves: Record<InvoiceMoveHow, Amount>;
}

export interface PackageUse {
  appointmentId: string;
  /** the first entry that used a session for this appointment (orders the sessions) */
  firstEntryId: string;
  occurredAt: string;
  /** net sessions used (a reversed use nets to 0) */
  count: number;
}

export interface PackageRecord {
  packageId: string;
  sale: SoldPackage | null;
  saleEntryId: string;
  /** +1 when sold, back to 0 when the sale is reversed */
  sold: number;
  used: number;
  expired: number;
  uses: Map<string, PackageUse>;
}

export interface PaymentRecord {
  paymentId: string;
  patientId: string;
  funderId: string;
  receivedAt: string;
  entryId: string;
  /** money received less refunded, per method */
  byMethod: Map<PaymentMethod, Amount>;
  /** of this payment, what still sits in the unapplied account */
  unapplied: Amount;
}

export interface FunderPatientRecord {
  funderId: string;
  patientId: string;
  /** money held for the patient plus the value of packages the funder bought for them */
  received: Amount;
  /** applied to the patient's invoices plus sessions delivered from funder packages */
  spent: Amount;
  /** funder package value lost at expiry (breakage) */
  expired: Amount;
}

/** Where a patient's credit came from and went, by category (each a positive-going sum). */
export interface CreditFlows {
  moneyIn: Amount;
  granted: Amount;
  transferIn: Amount;
  applied: Amount;
  refunded: Amount;
  transferOut: Amount;
  writtenOff: Amount;
}
export type CreditCategory = keyof CreditFlows;

export interface ProvenanceItem {
  entryId: string;
  kind: EntryKind;
  occurredAt: string;
  /** positive magnitude of the movement */
  amount: Amount;
  direction: 'in' | 'out';
  category: CreditCategory;
  /** the accounts on the other side of the entry (e.g. ["card"], ["credit:p2"]) */
  counterparts: string[];
  /** for a reversal, the entry it reverses; else '' */
  reverses: string;
  reasonCode: string;
  memo: string;
}

export type AttentionKind =
  'negative-balance' | 'package-overused' | 'invoice-overpaid' | 'payment-overrefunded';

export interface AttentionItem {
  key: string;
  kind: AttentionKind;
  message: string;
  patientId: string;
  account: string;
  packageId: string;
  invoiceId: string;
  paymentId: string;
  amount: Amount;
}

export interface LedgerState {
  readonly currency: string;
  entryCount: number;
  seen: Set<string>;
  balances: Map<string, Amount>;
  /** sum of every line ever applied: zero when every entry balanced */
  lineTotal: Amount;
  reversedBy: Map<string, string>;
  reversalIds: Set<string>;
  invoices: Map<string, InvoiceRecord>;
  packages: Map<string, PackageRecord>;
  payments: Map<string, PaymentRecord>;
  funderPatients: Map<string, FunderPatientRecord>;
  creditFlows: Map<string, CreditFlows>;
  provenance: Map<string, ProvenanceItem[]>;
  appointmentPackages: Map<string, Set<string>>;
  patientInvoices: Map<string, Set<string>>;
  funderInvoices: Map<string, Set<string>>;
  patientPackages: Map<string, Set<string>>;
  patientFunders: Map<string, Set<string>>;
  attention: Map<string, AttentionItem>;
}

export function createLedgerState(currency: string): LedgerState {
  return {
    currency,
    entryCount: 0,
    seen: new Set(),
    balances: new Map(),
    lineTotal: zeroAmount(currency),
    reversedBy: new Map(),
    reversalIds: new Set(),
    invoices: new Map(),
    packages: new Map(),
    payments: new Map(),
    funderPatients: new Map(),
    creditFlows: new Map(),
    provenance: new Map(),
    appointmentPackages: new Map(),
    patientInvoices: new Map(),
    funderInvoices: new Map(),
    patientPackages: new Map(),
    patientFunders: new Map(),
    attention: new Map(),
  };
}

/** Fold entries from scratch (in id order, though the order does not change the result). */
export function fromEntries(entries: Iterable<JournalEntry>, currency: string): LedgerState {
  const state = createLedgerState(currency);
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entry of sorted) applyEntry(state, entry);
  return state;
}

/** The kind whose meaning an entry's lines carry: a reversal means its original's, negated. */
export function effectiveKind(entry: JournalEntry): EntryKind {
  if (entry.kind !== 'reversal') return entry.kind;
  const reversed = entry.data['reversedKind'];
  return typeof reversed === 'string' ? (reversed as EntryKind) : 'reversal';
}

/** Apply one entry. Returns false (and changes nothing) when it was already applied. */
export function applyEntry(state: LedgerState, entry: JournalEntry): boolean {
  if (state.seen.has(entry.id)) return false;
  state.seen.add(entry.id);
  state.entryCount += 1;
  const zero = zeroAmount(state.currency);
  const touched = new Touched();
  const isReversal = entry.kind === 'reversal';
  if (entry.reverses) {
    state.reversedBy.set(entry.reverses, entry.id);
    state.reversalIds.add(entry.id);
  }
  const kind = effectiveKind(entry);

  if (!linesCancelOut(entry.lines)) {
    for (const line of entry.lines) state.lineTotal = add(state.lineTotal, line.amount);
  }
  for (const line of entry.lines) {
    state.balances.set(line.account, add(state.balances.get(line.account) ?? zero, line.amount));
    touched.accounts.add(line.account);
    const parsed = parseAccount(line.account);
    if (parsed.type === 'credit') {
      recordCreditMovement(
        state,
        entry,
        kind,
        isReversal,
        line.account,
        parsed.patientId,
        line.amount,
      );
    } else if (parsed.type === 'funderHeld') {
      addToSet(state.patientFunders, parsed.patientId, parsed.funderId);
      if (kind !== 'packageExpired') {
        // An original debit spends held money; an original credit receives it.
        const originalDebit = isPositive(line.amount) !== isReversal;
        const record = funderPatient(state, parsed.funderId, parsed.patientId);
        if (originalDebit) record.spent = add(record.spent, line.amount);
        else record.received = subtract(record.received, line.amount);
      }
    } else if (parsed.type === 'unearned') {
      const funderId = stringField(entry.data, 'packageFunderId');
      if (funderId && entry.patientId) {
        addToSet(state.patientFunders, entry.patientId, funderId);
        const record = funderPatient(state, funderId, entry.patientId);
        if (kind === 'packageSold') record.received = subtract(record.received, line.amount);
        else if (kind === 'packageExpired') {
          if (entry.lines.some((other) => other.account === REVENUE_BREAKAGE)) {
            record.expired = add(record.expired, line.amount);
          }
        } else record.spent = add(record.spent, line.amount);
      }
    }
  }

  if (entry.paymentId) applyPayment(state, entry, touched);
  applyInvoice(state, entry, touched);
  applyPackage(state, entry, touched);
  refreshAttention(state, touched);
  return true;
}

/**
 * True when every amount is matched by its exact negation ("90.00" and "-90.00"), so the
 * lines sum to zero without any arithmetic; anything else (a zero line, amounts that only
 * sum to zero) answers false and is added up for real.
 */
export function linesCancelOut(lines: JournalEntry['lines']): boolean {
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

class Touched {
  accounts = new Set<string>();
  invoices = new Set<string>();
  packages = new Set<string>();
  payments = new Set<string>();
}

function addToSet(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function stringField(data: { [key: string]: JsonValue }, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value : '';
}

/** A count an entry carries in `data` (sessionsUsed …); 0 when absent or not a whole number. */
export function numberField(data: { [key: string]: JsonValue }, key: string): number {
  const value = data[key];
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}

function funderPatient(
  state: LedgerState,
  funderId: string,
  patientId: string,
): FunderPatientRecord {
  const key = `${funderId}|${patientId}`;
  let record = state.funderPatients.get(key);
  if (!record) {
    const zero = zeroAmount(state.currency);
    record = { funderId, patientId, received: zero, spent: zero, expired: zero };
    state.funderPatients.set(key, record);
  }
  return record;
}

// Which category a credit movement belongs to follows from what the original event was
// and whether it added credit; a reversal files its movement under the original's
// category, with the opposite sign, so the categories net out exactly.
function creditCategory(kind: EntryKind, originalIncrease: boolean): CreditCategory {
  switch (kind) {
    case 'creditTransferred':
      return originalIncrease ? 'transferIn' : 'transferOut';
    case 'creditRefunded':
      return 'refunded';
    case 'creditWrittenOff':
      return 'writtenOff';
    case 'courtesyCredit':
    case 'feeConvertedToCredit':
    case 'packageExpired':
      return 'granted';
    case 'creditUnapplied':
      return 'applied';
    default:
      return originalIncrease ? 'moneyIn' : 'applied';
  }
}

const INCREASING: ReadonlySet<CreditCategory> = new Set(['moneyIn', 'granted', 'transferIn']);

function recordCreditMovement(
  state: LedgerState,
  entry: JournalEntry,
  kind: EntryKind,
  isReversal: boolean,
  account: string,
  patientId: string,
  lineAmount: Amount,
): void {
  const zero = zeroAmount(state.currency);
  const delta = negate(lineAmount); // credit is a liability: a credit line adds to it
  const increase = isPositive(delta);
  const category = creditCategory(kind, increase !== isReversal);
  let flows = state.creditFlows.get(patientId);
  if (!flows) {
    flows = {
      moneyIn: zero,
      granted: zero,
      transferIn: zero,
      applied: zero,
      refunded: zero,
      transferOut: zero,
      writtenOff: zero,
    };
    state.creditFlows.set(patientId, flows);
  }
  flows[category] = INCREASING.has(category)
    ? add(flows[category], delta)
    : subtract(flows[category], delta);

  const counterparts = [
    ...new Set(
      entry.lines
        .filter(
          (other) =>
            other.account !== account && isPositive(other.amount) === !isPositive(lineAmount),
        )
        .map((other) => other.account),
    ),
  ];
  const item: ProvenanceItem = {
    entryId: entry.id,
    kind: entry.kind,
    occurredAt: entry.occurredAt,
    amount: increase ? delta : lineAmount,
    direction: increase ? 'in' : 'out',
    category,
    counterparts,
    reverses: entry.reverses,
    reasonCode: entry.reasonCode,
    memo: entry.memo,
  };
  let list = state.provenance.get(patientId);
  if (!list) state.provenance.set(patientId, (list = []));
  insertSorted(list, item, (x) => x.entryId);
}

/** Insert keeping the list sorted by key (entries usually arrive in order: check the end first). */
export function insertSorted<T>(list: T[], item: T, key: (x: T) => string): void {
  const k = key(item);
  let low = 0;
  let high = list.length;
  const last = list[high - 1];
  if (last === undefined || key(last) <= k) {
    list.push(item);
    return;
  }
  while (low < high) {
    const mid = (low + high) >>> 1;
    const probe = list[mid];
    if (probe !== undefined && key(probe) <= k) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, item);
}

function applyPayment(state: LedgerState, entry: JournalEntry, touched: Touched): void {
  const zero = zeroAmount(state.currency);
  let record = state.payments.get(entry.paymentId);
  if (!record) {
    record = {
      paymentId: entry.paymentId,
      patientId: '',
      funderId: '',
      receivedAt: '',
      entryId: '',
      byMethod: new Map(),
      unapplied: zero,
    };
    state.payments.set(entry.paymentId, record);
  }
  let receivedHere = false;
  for (const line of entry.lines) {
    const parsed = parseAccount(line.account);
    if (parsed.type === 'money') {
      record.byMethod.set(
        parsed.method,
        add(record.byMethod.get(parsed.method) ?? zero, line.amount),
      );
      if (isPositive(line.amount) && entry.kind !== 'reversal') receivedHere = true;
    } else if (parsed.type === 'unapplied') {
      record.unapplied = subtract(record.unapplied, line.amount);
    }
  }
  // The entry that brought the money in describes the payment.
  if (receivedHere && (!record.entryId || entry.id < record.entryId)) {
    record.entryId = entry.id;
    record.receivedAt = entry.occurredAt;
    record.patientId = entry.patientId;
    record.funderId = entry.funderId;
  }
  touched.payments.add(entry.paymentId);
}

function invoiceRecord(state: LedgerState, invoiceId: string): InvoiceRecord {
  let record = state.invoices.get(invoiceId);
  if (!record) {
    const zero = zeroAmount(state.currency);
    record = {
      invoiceId,
      source: '',
      entryId: '',
      number: '',
      issuedAt: '',
      payer: '',
      patientId: '',
      funderId: '',
      appointmentId: '',
      packageId: '',
      lines: [],
      total: zero,
      originalCharge: zero,
      moves: {
        charge: zero,
        cancel: zero,
        credit: zero,
        funderHeld: zero,
        payment: zero,
        unapplied: zero,
        toCredit: zero,
      },
    };
    state.invoices.set(invoiceId, record);
  }
  return record;
}

function applyInvoice(state: LedgerState, entry: JournalEntry, touched: Touched): void {
  const doc = entry.data['invoice'];
  if (entry.kind !== 'reversal' && doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const invoice = doc as unknown as InvoiceDocument;
    const record = invoiceRecord(state, invoice.invoiceId);
    record.entryId = entry.id;
    record.source = invoice.source;
    record.number = invoice.number;
    record.issuedAt = entry.occurredAt;
    record.payer = invoice.payer;
    record.patientId = invoice.patientId;
    record.funderId = invoice.funderId;
    record.appointmentId = invoice.appointmentId;
    record.packageId = invoice.packageId;
    record.lines = invoice.lines;
    record.total = invoice.total;
    record.originalCharge = invoice.charged;
    if (invoice.payer === 'funder')
      addToSet(state.funderInvoices, invoice.funderId, invoice.invoiceId);
    else addToSet(state.patientInvoices, invoice.patientId, invoice.invoiceId);
    touched.invoices.add(invoice.invoiceId);
  }
  const moves = entry.data['invoiceMoves'];
  if (Array.isArray(moves)) {
    for (const raw of moves) {
      const move = raw as unknown as InvoiceMove;
      const record = invoiceRecord(state, move.invoiceId);
      record.moves[move.how] = add(record.moves[move.how], move.amount);
      touched.invoices.add(move.invoiceId);
    }
  }
}

function packageRecord(state: LedgerState, packageId: string): PackageRecord {
  let record = state.packages.get(packageId);
  if (!record) {
    record = {
      packageId,
      sale: null,
      saleEntryId: '',
      sold: 0,
      used: 0,
      expired: 0,
      uses: new Map(),
    };
    state.packages.set(packageId, record);
  }
  return record;
}

function applyPackage(state: LedgerState, entry: JournalEntry, touched: Touched): void {
  if (!entry.packageId) return;
  const sold = numberField(entry.data, 'packageSold');
  const used = numberField(entry.data, 'sessionsUsed');
  const expired = numberField(entry.data, 'packageExpired');
  const snapshot = entry.data['package'];
  if (!sold && !used && !expired && !snapshot) return;
  const record = packageRecord(state, entry.packageId);
  touched.packages.add(entry.packageId);
  if (
    snapshot &&
    typeof snapshot === 'object' &&
    !Array.isArray(snapshot) &&
    entry.kind !== 'reversal'
  ) {
    record.sale = snapshot as unknown as SoldPackage;
    record.saleEntryId = entry.id;
    addToSet(state.patientPackages, record.sale.patientId, entry.packageId);
  }
  record.sold += sold;
  record.expired += expired;
  if (used) {
    record.used += used;
    const appointmentId = entry.appointmentId;
    const use = record.uses.get(appointmentId);
    if (!use) {
      record.uses.set(appointmentId, {
        appointmentId,
        firstEntryId: entry.id,
        occurredAt: entry.occurredAt,
        count: used,
      });
    } else {
      use.count += used;
      if (entry.id < use.firstEntryId && used > 0) {
        use.firstEntryId = entry.id;
        use.occurredAt = entry.occurredAt;
      }
    }
    addToSet(state.appointmentPackages, appointmentId, entry.packageId);
  }
}

// --- needs attention -------------------------------------------------------------

/** What is still due on an invoice: charged less cancelled and settled, plus what moved to credit. */
export function invoiceDue(record: InvoiceRecord): Amount {
  const m = record.moves;
  // Most moves are zero: skipping them saves arithmetic, and subtracting zero changes nothing.
  let due = m.charge;
  for (const settled of [m.cancel, m.credit, m.funderHeld, m.payment, m.unapplied])
    if (!isZero(settled)) due = subtract(due, settled);
  return isZero(m.toCredit) ? due : add(due, m.toCredit);
}

function refreshAttention(state: LedgerState, touched: Touched): void {
  const zero = zeroAmount(state.currency);
  for (const account of touched.accounts) {
    const parsed = parseAccount(account);
    const key = `balance:${account}`;
    const balance = state.balances.get(account) ?? zero;
    // Liabilities have credit (negative) balances; a positive one means overdrawn.
    if (isGuardedAccount(parsed) && isPositive(balance)) {
      const patientId =
        parsed.type === 'credit' || parsed.type === 'funderHeld'
          ? parsed.patientId
          : parsed.type === 'unearned'
            ? (state.packages.get(parsed.packageId)?.sale?.patientId ?? '')
            : '';
      state.attention.set(key, overdrawnItem(account, parsed, balance, patientId));
    } else {
      state.attention.delete(key);
    }
  }
  for (const invoiceId of touched.invoices) {
    const record = state.invoices.get(invoiceId);
    const key = `invoice:${invoiceId}`;
    const due = record ? invoiceDue(record) : zero;
    if (record && isNegative(due)) {
      state.attention.set(
        key,
        overpaidInvoiceItem(invoiceId, record.number, record.patientId, due),
      );
    } else state.attention.delete(key);
  }
  for (const packageId of touched.packages) {
    const record = state.packages.get(packageId);
    const key = `package:${packageId}`;
    const size = record?.sale?.sessions ?? 0;
    if (record && record.sale && record.used > size) {
      const { name, patientId } = record.sale;
      state.attention.set(
        key,
        overusedPackageItem(packageId, name, record.used, size, patientId, zero),
      );
    } else state.attention.delete(key);
  }
  for (const paymentId of touched.payments) {
    const record = state.payments.get(paymentId);
    if (!record) continue;
    for (const [method, net] of record.byMethod) {
      const key = `payment:${paymentId}:${method}`;
      if (isNegative(net)) {
        state.attention.set(key, overrefundedPaymentItem(paymentId, method, net, record.patientId));
      } else state.attention.delete(key);
    }
  }
}
