// A money-history item in words: what it was, its effect on the patient's
// credit, what they owe and funder money held for them, and where the credit
// came from or went (provenance).
import type { HistoryItem } from '../../../shared/contract/domains/ledger.ts';
import { add, isZero, zeroAmount } from '../../../shared/money.ts';
import { accountLabel, kindLabel, methodLabel, reasonLabel } from '../money/labels.ts';

export interface HistoryEffects {
  credit: string;
  owing: string;
  held: string;
}

/** Net change of each balance, from the patient's own lines (liabilities already turned round). */
export function historyEffects(item: HistoryItem, currency: string): HistoryEffects {
  let credit = zeroAmount(currency);
  let owing = zeroAmount(currency);
  let held = zeroAmount(currency);
  for (const line of item.lines) {
    if (line.account.startsWith('credit:')) credit = add(credit, line.amount);
    else if (line.account.startsWith('receivable:')) owing = add(owing, line.amount);
    else if (line.account.startsWith('funderHeld:')) held = add(held, line.amount);
  }
  return { credit, owing, held };
}

/** "+$80.00" / "−$80.00" (a true minus sign), '' for zero. */
export function signedMoney(amount: string, money: (amount: string) => string): string {
  if (isZero(amount)) return '';
  return amount.startsWith('-') ? `−${money(amount.slice(1))}` : `+${money(amount)}`;
}

export interface HistoryNames {
  /** a patient's or funder's name by id */
  name: (id: string) => string;
  /** a package's label by id ("10 × Physio") */
  packageName: (id: string) => string;
  /** an entry's kind by id, for "Reversal of a payment" */
  kindOf: (entryId: string) => string;
}

/** The headline: "Payment D1-RC-000003" */
export function historyTitle(item: HistoryItem, names: HistoryNames): string {
  if (item.kind === 'reversal') {
    const of = names.kindOf(item.reverses);
    return `Reversal${of ? ` of ${kindLabel(of).toLowerCase()}` : ''}`;
  }
  if (item.kind === 'creditTransferred') {
    const other = names.name(item.counterpartyPatientId);
    const out = item.lines.some(
      (line) => line.account.startsWith('credit:') && line.amount.startsWith('-'),
    );
    return out ? `Credit transfer to ${other}` : `Credit transfer from ${other}`;
  }
  return kindLabel(item.kind);
}

/** Details: method and reference, package, reason, note, document number. */
export function historyDetail(item: HistoryItem, names: HistoryNames): string {
  const parts: string[] = [];
  if (item.packageId && item.kind !== 'reversal') parts.push(names.packageName(item.packageId));
  if (item.method) parts.push(methodLabel(item.method));
  if (item.reference) parts.push(`ref. ${item.reference}`);
  if (item.number) parts.push(item.number);
  if (item.reasonCode) parts.push(reasonLabel(item.reasonCode));
  if (item.memo) parts.push(`“${item.memo}”`);
  if (item.reversedBy) parts.push('reversed');
  return parts.join(' · ');
}

/** "Credit from card payment; to Ann Lee's credit" — where this event's credit came from and went. */
export function historyProvenance(
  item: HistoryItem,
  names: HistoryNames,
  money: (amount: string) => string,
): string {
  const parts: string[] = [];
  for (const movement of item.creditMovements) {
    if (isZero(movement.amount)) continue;
    const others = movement.counterparts.map((account) => accountLabel(account, names.name));
    const where = others.length > 0 ? others.join(', ') : 'the ledger';
    parts.push(
      movement.direction === 'in'
        ? `${money(movement.amount)} credit from ${where}`
        : `${money(movement.amount)} credit to ${where}`,
    );
  }
  return parts.join('; ');
}
