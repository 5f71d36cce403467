// Move part of this patient's credit to another patient (a spouse, a child):
// both histories show the transfer, each naming the other.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import { MoneyField } from '../ui/MoneyField.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoneyActionProps } from './action-props.ts';
import { typedAmount } from './amounts.ts';
import { useClinic } from '../data/clinic.ts';
import { MemoField } from './fields.tsx';
import { PatientPicker, type PickedPatient } from '../patients/PatientPicker.tsx';

export function TransferCreditDialog(props: MoneyActionProps) {
  const { operations } = useServices();
  const clinic = useClinic();
  const [to, setTo] = useState<PickedPatient | null>(null);
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const currency = props.account.currency;
  const typed = typedAmount(amount, currency);
  const available = props.account.balances.credit;

  return (
    <ActionDialog
      title={`Transfer credit from ${props.patientName}`}
      onClose={props.onClose}
      submitLabel="Transfer credit"
      ready={typed !== null && to !== null}
      fields={['amount', 'toPatientId', 'memo']}
      doneMessage={`${typed ? clinic.money(typed) : ''} of credit transferred to ${to?.name ?? ''}.`}
      onDone={props.onDone}
      run={() =>
        operations.transferCredit({
          fromPatientId: props.patientId,
          toPatientId: to?.id ?? '',
          amount: typed ?? '',
          ...(memo.trim() ? { memo: memo.trim() } : {}),
        })
      }
      preview={
        typed && to ? (
          <p>
            {props.patientName}'s credit goes down by {clinic.money(typed)}; {to.name}'s goes up by
            the same.
          </p>
        ) : null
      }
    >
      {(serverError) => (
        <>
          <PatientPicker
            label="To patient"
            name="toPatient"
            value={to}
            onChange={setTo}
            exclude={[props.patientId]}
            error={serverError('toPatientId')}
          />
          <MoneyField
            label="Amount"
            name="amount"
            value={amount}
            onInput={setAmount}
            currency={currency}
            hint={`Credit available: ${clinic.money(available)}`}
            error={serverError('amount')}
          />
          <MemoField value={memo} onInput={setMemo} />
        </>
      )}
    </ActionDialog>
  );
}
