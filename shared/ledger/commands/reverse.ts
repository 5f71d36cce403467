// Reversal: the only way to correct the journal. A new entry with the original's lines
// negated, the same references, and `reverses` naming the original.
//
// Refused: reversing a reversal (to redo an event, record it again: a chain of reversals
// of reversals is hard for a person to follow and adds nothing), reversing an entry
// twice, and any reversal that would overdraw a balance (credit already spent, package
// sessions already used, refunded money, an invoice already settled) — those effects must
// be undone first, so that one desk can never drive a balance below zero.
import { add, compare, isNegative, isPositive, negate } from '../../money.ts';
import { isGuardedLiability } from '../accounts.ts';
import type { CommandContext } from '../context.ts';
import type { InvoiceMove, JournalEntry, JsonValue } from '../entry.ts';
import type { CommandResult } from '../errors.ts';
import { refuse } from '../errors.ts';
import { balanceOf } from '../projections/balances.ts';
import { invoiceView } from '../projections/invoices.ts';
import { paymentView } from '../projections/payments.ts';
import type { LedgerState } from '../state.ts';
import { invoiceDue } from '../state.ts';
import { isRefusal, json, makeEntry, readText } from './common.ts';

export interface ReverseEntryInput {
  /** the entry to reverse, as stored (the state must already include it) */
  entry: JournalEntry;
  reasonCode: string;
  memo?: string;
}

const COUNTERS = ['sessionsUsed', 'packageSold', 'packageExpired'] as const;

export function reverseEntry(
  state: LedgerState,
  input: ReverseEntryInput,
  ctx: CommandContext,
): CommandResult {
  const original = input.entry;
  if (!original || typeof original !== 'object' || !state.seen.has(original.id)) {
    return refuse('not-found', 'That entry is not in the journal', 'entry');
  }
  const reasonCode = readText(
    input.reasonCode,
    'reasonCode',
    'A reason is required to reverse an entry',
  );
  if (isRefusal(reasonCode)) return reasonCode;
  const memo = readText(input.memo, 'memo');
  if (isRefusal(memo)) return memo;
  if (original.kind === 'reversal') {
    return refuse(
      'not-reversible',
      'A reversal cannot itself be reversed; record the event again instead',
      'entry',
    );
  }
  const already = state.reversedBy.get(original.id);
  if (already)
    return refuse('not-reversible', `That entry was already reversed by ${already}`, 'entry');

  const lines = original.lines.map((line) => ({
    account: line.account,
    amount: negate(line.amount),
  }));

  if (original.data['packageSold'] && original.packageId) {
    const record = state.packages.get(original.packageId);
    if (record && record.used > 0) {
      return refuse(
        'not-reversible',
        `${record.used} session(s) of this package have been used; reverse those first`,
        'entry',
      );
    }
  }
  // Balances that must not go below zero.
  const deltas = new Map<string, string>();
  for (const line of lines)
    deltas.set(line.account, add(deltas.get(line.account) ?? '0', line.amount));
  for (const [account, delta] of deltas) {
    if (!isGuardedLiability(account) || !isPositive(delta)) continue;
    const after = add(balanceOf(state, account), delta);
    if (isPositive(after)) {
      const left = negate(balanceOf(state, account));
      return refuse(
        'not-reversible',
        `Reversing this needs ${delta} from ${account}, which holds only ${isNegative(left) ? '0' : left}`,
        'entry',
      );
    }
  }
  // Money refunded from a payment cannot be un-received.
  if (original.paymentId) {
    const payment = paymentView(state, original.paymentId);
    for (const [account, delta] of deltas) {
      const row = payment?.unrefundedByMethod.find((r) => r.method === account);
      if (row && isNegative(add(row.amount, delta))) {
        return refuse(
          'not-reversible',
          `Part of this payment has been refunded; only ${row.amount} (${account}) is left`,
          'entry',
        );
      }
    }
  }
  // Invoices must not end up over-settled.
  const data: { [key: string]: JsonValue } = { reversedKind: original.kind };
  const rawMoves = original.data['invoiceMoves'];
  if (Array.isArray(rawMoves)) {
    const negated: InvoiceMove[] = [];
    const dueChange = new Map<string, string>();
    for (const raw of rawMoves) {
      const move = raw as unknown as InvoiceMove;
      negated.push({ invoiceId: move.invoiceId, how: move.how, amount: negate(move.amount) });
      // charge raises what is due; cancel and settlements lower it; toCredit raises it.
      const effect =
        move.how === 'charge' || move.how === 'toCredit' ? negate(move.amount) : move.amount;
      dueChange.set(move.invoiceId, add(dueChange.get(move.invoiceId) ?? '0', effect));
    }
    // Each kind of settlement must stay what it can be: credit already taken off an
    // invoice cannot be taken off again by reversing the entry that applied it.
    for (const move of negated) {
      const record = state.invoices.get(move.invoiceId);
      if (!record || move.how === 'charge' || move.how === 'toCredit') continue;
      if (isNegative(add(record.moves[move.how], move.amount))) {
        const shown = invoiceView(state, move.invoiceId);
        return refuse(
          'not-reversible',
          `Invoice ${shown?.number || move.invoiceId} has only ${record.moves[move.how]} (${move.how}) left to undo; a later entry already changed it`,
          'entry',
        );
      }
    }
    for (const [invoiceId, change] of dueChange) {
      const record = state.invoices.get(invoiceId);
      if (record && isNegative(add(invoiceDue(record), change))) {
        const shown = invoiceView(state, invoiceId);
        return refuse(
          'not-reversible',
          `Invoice ${shown?.number || invoiceId} has ${shown?.settled ?? ''} settled on it; take that off first`,
          'entry',
        );
      }
    }
    data['invoiceMoves'] = json(negated);
  }
  for (const counter of COUNTERS) {
    const value = original.data[counter];
    if (typeof value === 'number' && value !== 0) data[counter] = -value;
  }
  if (typeof original.data['packageFunderId'] === 'string')
    data['packageFunderId'] = original.data['packageFunderId'];
  // Zero-sum check of the negation is implied by the original's; kept explicit for safety.
  if (
    compare(
      lines.reduce((s, l) => add(s, l.amount), '0'),
      '0',
    ) !== 0
  ) {
    return refuse('not-reversible', 'That entry does not balance and cannot be reversed', 'entry');
  }
  const entry = makeEntry(ctx, 'reversal', {
    patientId: original.patientId,
    counterpartyPatientId: original.counterpartyPatientId,
    funderId: original.funderId,
    appointmentId: original.appointmentId,
    invoiceId: original.invoiceId,
    packageId: original.packageId,
    paymentId: original.paymentId,
    reverses: original.id,
    reasonCode,
    memo,
    lines,
    data,
  });
  return { ok: true, entries: [entry] };
}
