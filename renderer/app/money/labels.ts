// Words for the ledger's codes: entry kinds, payment methods, reasons, and the
// accounts a credit movement came from or went to — as a receptionist says them.
import type { EntryKind, PaymentMethod } from '../../../shared/ledger/index.ts';

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  eft: 'Bank transfer (EFT)',
  cheque: 'Cheque',
  remittance: 'Insurer remittance',
};

export function methodLabel(method: string): string {
  return METHOD_LABELS[method as PaymentMethod] ?? method;
}

export const KIND_LABELS: Record<EntryKind, string> = {
  paymentReceived: 'Payment',
  unappliedReceived: 'Payment of unknown payer',
  unappliedAssigned: 'Payment assigned',
  funderLumpSumReceived: 'Funder lump sum',
  funderMoneyAllocated: 'Funder money set aside',
  packageSold: 'Package sold',
  checkout: 'Visit checked out',
  sessionForfeited: 'Session used by a missed visit',
  feeCharged: 'Fee charged',
  feeConvertedToCredit: 'Fee converted to credit',
  feeWaived: 'Fee waived',
  creditTransferred: 'Credit transfer',
  creditRefunded: 'Refund',
  creditUnapplied: 'Credit taken off an invoice',
  creditWrittenOff: 'Credit written off',
  courtesyCredit: 'Courtesy credit',
  packageExpired: 'Package expired',
  openingBalance: 'Opening balance',
  reversal: 'Reversal',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as EntryKind] ?? kind;
}

export const REASON_CODES: { code: string; label: string }[] = [
  { code: 'goodwill', label: 'Goodwill' },
  { code: 'service-issue', label: 'Service issue' },
  { code: 'billing-error', label: 'Billing error' },
  { code: 'duplicate', label: 'Recorded twice' },
  { code: 'patient-request', label: 'Patient request' },
  { code: 'stale-credit', label: 'Unclaimed old credit' },
  { code: 'bad-debt', label: 'Cannot be collected' },
  { code: 'other', label: 'Other' },
];

export function reasonLabel(code: string): string {
  return REASON_CODES.find((reason) => reason.code === code)?.label ?? code;
}

/**
 * An account on the other side of a credit movement, in words. `names` gives
 * patients' and funders' names by id.
 */
export function accountLabel(account: string, names: (id: string) => string): string {
  const [head, ...rest] = account.split(':');
  switch (head) {
    case 'cash':
    case 'card':
    case 'eft':
    case 'cheque':
    case 'remittance':
      return `${methodLabel(head).toLowerCase()} payment`;
    case 'credit':
      return `${names(rest[0] ?? '')}'s credit`;
    case 'receivable':
      return rest[0] === 'funder' ? `${names(rest[1] ?? '')} invoice` : 'an invoice';
    case 'funderHeld':
      return `money held by ${names(rest[0] ?? '')}`;
    case 'funderUnallocated':
      return `${names(rest[0] ?? '')} lump sum`;
    case 'unearned':
      return 'a package';
    case 'unapplied':
      return 'payment of unknown payer';
    case 'revenue':
      return rest[0] === 'creditWrittenOff'
        ? 'write-off'
        : rest[0] === 'breakage'
          ? 'package expiry'
          : rest[0] === 'fees'
            ? 'a fee'
            : 'service revenue';
    case 'expense':
      return 'clinic courtesy';
    case 'equity':
      return 'the previous system (opening balance)';
    default:
      return account;
  }
}
