// Give credit back to the payment it came from (partly, if asked): never more
// than that payment still has unrefunded, nor more than the credit available —
// the main process says which, and it is shown next to the amount.
import { useState } from 'preact/hooks';
import type { PaymentMethod } from '../../../shared/ledger/index.ts';
import { useServices } from '../services.ts';
import { MoneyField } from '../ui/MoneyField.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoneyActionProps } from './action-props.ts';
import { typedAmount } from './amounts.ts';
import { useClinic } from '../data/clinic.ts';
import { MemoField, ReasonField, SelectField } from './fields.tsx';
import { METHOD_LABELS, methodLabel } from './labels.ts';

export function RefundDialog(props: MoneyActionProps) {
  const { operations } = useServices();
  const clinic = useClinic();
  const payments = props.account.payments;
  const [paymentId, setPaymentId] = useState(payments[0]?.paymentId ?? '');
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [memo, setMemo] = useState('');
  const currency = props.account.currency;
  const typed = typedAmount(amount, currency);
  const payment = payments.find((p) => p.paymentId === paymentId);
  const methods = payment?.methods ?? [];

  return (
    <ActionDialog
      title={`Refund credit — ${props.patientName}`}
      onClose={props.onClose}
      submitLabel="Refund"
      ready={typed !== null && payment !== undefined}
      confirm={
        typed && payment
          ? `${clinic.money(typed)} goes back to ${props.patientName} by ${methodLabel(method || (methods[0] ?? '')).toLowerCase()}, and their credit goes down by the same.`
          : ''
      }
      fields={['amount', 'paymentId', 'method', 'reasonCode', 'memo']}
      doneMessage={`${typed ? clinic.money(typed) : ''} refunded.`}
      onDone={props.onDone}
      run={() =>
        operations.refundCredit({
          patientId: props.patientId,
          paymentId,
          amount: typed ?? '',
          ...(method ? { method: method as PaymentMethod } : {}),
          ...(reasonCode ? { reasonCode } : {}),
          ...(memo.trim() ? { memo: memo.trim() } : {}),
        })
      }
    >
      {(serverError) =>
        payments.length === 0 ? (
          <p class="empty">
            There is no payment to refund to: refunds go back to the payment the money came from.
          </p>
        ) : (
          <>
            <SelectField
              label="Payment to refund to"
              name="paymentId"
              value={paymentId}
              onChange={(value) => {
                setPaymentId(value);
                setMethod('');
              }}
              error={serverError('paymentId')}
            >
              {payments.map((p) => (
                <option key={p.paymentId} value={p.paymentId}>
                  {clinic.date(p.receivedAt)} · {p.methods.map(methodLabel).join(', ')} ·{' '}
                  {clinic.money(p.unrefunded)} not yet refunded
                </option>
              ))}
            </SelectField>
            <div class="form__row">
              <MoneyField
                label="Amount"
                name="amount"
                value={amount}
                onInput={setAmount}
                currency={currency}
                hint={`Credit available: ${clinic.money(props.account.balances.credit)}${
                  payment ? ` · this payment: ${clinic.money(payment.unrefunded)}` : ''
                }`}
                error={serverError('amount')}
              />
              {methods.length > 1 ? (
                <SelectField
                  label="Refund by"
                  name="method"
                  value={method}
                  onChange={setMethod}
                  error={serverError('method')}
                >
                  <option value="">As the payment was made</option>
                  {methods.map((m) => (
                    <option key={m} value={m}>
                      {METHOD_LABELS[m as PaymentMethod] ?? m}
                    </option>
                  ))}
                </SelectField>
              ) : null}
            </div>
            <ReasonField
              value={reasonCode}
              onChange={setReasonCode}
              error={serverError('reasonCode')}
            />
            <MemoField value={memo} onInput={setMemo} />
          </>
        )
      }
    </ActionDialog>
  );
}
