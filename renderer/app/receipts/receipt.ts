// A payment receipt, as data: what the clinic hands the patient after a
// check-out — the invoice, its lines, and how it was settled.
import type { OperationResults } from '../../../shared/contract/operations.ts';
import { isPositive } from '../../../shared/money.ts';

export interface ReceiptData {
  clinicName: string;
  patientName: string;
  /** ISO instant of the check-out */
  issuedAt: string;
  invoiceNumber: string;
  receiptNumber: string;
  lines: { description: string; amount: string; note: string }[];
  total: string;
  /** how it was settled, e.g. [{ label: 'Card', amount: '40.00' }] */
  settled: { label: string; amount: string }[];
  owing: string;
  toCredit: string;
}

const METHOD_LABEL: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  eft: 'EFT',
  cheque: 'Cheque',
  remittance: 'Remittance',
};

export function methodLabel(method: string): string {
  return METHOD_LABEL[method] ?? method;
}

export function receiptFromCheckout(input: {
  clinicName: string;
  patientName: string;
  issuedAt: string;
  lines: { description: string; amount: string; coveredBy: string }[];
  total: string;
  result: OperationResults['checkOutAppointment'];
}): ReceiptData {
  const { result } = input;
  const s = result.settlement;
  const settled: ReceiptData['settled'] = [];
  if (isPositive(s.funderHeld)) settled.push({ label: 'Funder money', amount: s.funderHeld });
  if (isPositive(s.credit)) settled.push({ label: 'Account credit', amount: s.credit });
  for (const payment of s.payments) {
    settled.push({
      label: `${methodLabel(payment.method)}${payment.reference ? ` (${payment.reference})` : ''}`,
      amount: payment.amount,
    });
  }
  return {
    clinicName: input.clinicName,
    patientName: input.patientName,
    issuedAt: input.issuedAt,
    invoiceNumber: result.numbers.find((n) => n.includes('-INV-')) ?? result.numbers[0] ?? '',
    receiptNumber: result.numbers.find((n) => n.includes('-RCT-')) ?? '',
    lines: input.lines.map((line) => ({
      description: line.description,
      amount: line.amount,
      note: line.coveredBy,
    })),
    total: input.total,
    settled,
    owing: s.owing,
    toCredit: s.toCredit,
  };
}
