// Write credit off with a reason: it is then neither usable nor refundable.
import { useState } from 'preact/hooks';
import { isPositive } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { MoneyField } from '../ui/MoneyField.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoneyActionProps } from './action-props.ts';
import { aboveZero, typedAmount } from './amounts.ts';
import { useClinic } from '../data/clinic.ts';
import { MemoField, ReasonField } from './fields.tsx';

export function WriteOffDialog(props: MoneyActionProps) {
  const { operations } = useServices();
  const clinic = useClinic();
  const [amount, setAmount] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [memo, setMemo] = useState('');
  const currency = props.account.currency;
  const available = props.account.balances.credit;
  const typed = amount.trim() === '' ? available : typedAmount(amount, currency);

  return (
    <ActionDialog
      title={`Write off credit — ${props.patientName}`}
      onClose={props.onClose}
      submitLabel="Write off"
      ready={typed !== null && isPositive(typed) && reasonCode !== ''}
      confirm={
        typed
          ? `${clinic.money(typed)} of ${props.patientName}'s credit will be written off: it can no longer be used or refunded.`
          : ''
      }
      fields={['amount', 'reasonCode', 'memo']}
      doneMessage={`${typed ? clinic.money(typed) : ''} of credit written off.`}
      onDone={props.onDone}
      run={() =>
        operations.writeOffCredit({
          patientId: props.patientId,
          ...(amount.trim() && typed ? { amount: typed } : {}),
          reasonCode,
          ...(memo.trim() ? { memo: memo.trim() } : {}),
        })
      }
    >
      {(serverError) => (
        <>
          <MoneyField
            label="Amount (empty: all credit)"
            name="amount"
            value={amount}
            onInput={setAmount}
            currency={currency}
            optional
            check={aboveZero}
            hint={`Credit available: ${clinic.money(available)}`}
            error={serverError('amount')}
          />
          <ReasonField
            value={reasonCode}
            onChange={setReasonCode}
            required
            error={serverError('reasonCode')}
          />
          <MemoField value={memo} onInput={setMemo} />
        </>
      )}
    </ActionDialog>
  );
}
