// Payments: what each brought in, what is left to refund, what is still parked.
import type { Amount } from '../../money.ts';
import { add, zeroAmount } from '../../money.ts';
import type { PaymentMethod } from '../entry.ts';
import type { LedgerState } from '../state.ts';

export interface PaymentView {
  paymentId: string;
  patientId: string;
  funderId: string;
  receivedAt: string;
  /** per method, what the payment brought in less what has been refunded to it */
  unrefundedByMethod: { method: PaymentMethod; amount: Amount }[];
  unrefunded: Amount;
  /** of an unknown payer's payment, what still waits in the unapplied account */
  unapplied: Amount;
}

export function paymentView(state: LedgerState, paymentId: string): PaymentView | undefined {
  const record = state.payments.get(paymentId);
  if (!record) return undefined;
  let unrefunded = zeroAmount(state.currency);
  const unrefundedByMethod = [...record.byMethod.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([method, amount]) => {
      unrefunded = add(unrefunded, amount);
      return { method, amount };
    });
  return {
    paymentId,
    patientId: record.patientId,
    funderId: record.funderId,
    receivedAt: record.receivedAt,
    unrefundedByMethod,
    unrefunded,
    unapplied: record.unapplied,
  };
}

/** Payments (of the folded entries) made by or for a patient, oldest first. */
export function paymentsOfPatient(state: LedgerState, patientId: string): PaymentView[] {
  const views: PaymentView[] = [];
  for (const record of state.payments.values()) {
    if (record.patientId === patientId) {
      const found = paymentView(state, record.paymentId);
      if (found) views.push(found);
    }
  }
  return views.sort((a, b) =>
    a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0,
  );
}
