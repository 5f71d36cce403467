// A funder's money: record a lump sum received (and split it across patients
// now or later), or split money already received but not yet set aside.
import { useState } from 'preact/hooks';
import type { PaymentMethod } from '../../../shared/ledger/index.ts';
import { isNegative, isPositive, subtract } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { MoneyField } from '../ui/MoneyField.tsx';
import { TextField } from '../ui/TextField.tsx';
import { ActionDialog } from '../money/ActionDialog.tsx';
import { aboveZero, sumTyped, typedAmount } from '../money/amounts.ts';
import { useClinic } from '../data/clinic.ts';
import { MethodField } from '../money/fields.tsx';
import { newSplitRow, SplitRows, type SplitRow } from './SplitRows.tsx';

export function FunderMoneyDialog(props: {
  mode: 'lumpSum' | 'allocate';
  funderId: string;
  funderName: string;
  currency: string;
  /** money received and not yet split (for 'allocate') */
  unallocated: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { operations } = useServices();
  const clinic = useClinic();
  const lumpSum = props.mode === 'lumpSum';
  const [method, setMethod] = useState<PaymentMethod>('eft');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [rows, setRows] = useState<SplitRow[]>([newSplitRow()]);
  const currency = props.currency;
  const total = lumpSum ? typedAmount(amount, currency) : props.unallocated;
  const used = rows.filter((row) => row.patient !== null || row.amount.trim() !== '');
  const splits = used.map((row) => ({
    patientId: row.patient?.id ?? '',
    amount: typedAmount(row.amount, currency),
  }));
  const splitProblem = splits.some((split) => split.patientId === '')
    ? 'Choose a patient for every amount.'
    : splits.some((split) => split.amount === null)
      ? 'Enter an amount for every patient.'
      : '';
  const splitTotal = sumTyped(
    used.map((row) => row.amount),
    currency,
  );
  const left = total ? subtract(total, splitTotal) : null;
  const overSplit = left !== null && isNegative(left);
  const ready =
    total !== null &&
    splitProblem === '' &&
    !overSplit &&
    (lumpSum || (splits.length > 0 && isPositive(splitTotal)));
  const validSplits = splits.map((split) => ({
    patientId: split.patientId,
    amount: split.amount ?? '',
  }));

  return (
    <ActionDialog
      title={
        lumpSum
          ? `Record a lump sum — ${props.funderName}`
          : `Split money held — ${props.funderName}`
      }
      onClose={props.onClose}
      submitLabel={lumpSum ? 'Record lump sum' : 'Split money'}
      wide
      ready={ready}
      fields={['amount', 'method', 'reference', 'splits']}
      doneMessage={
        lumpSum
          ? `Lump sum of ${total ? clinic.money(total) : ''} recorded.`
          : `${clinic.money(splitTotal)} set aside for ${splits.length} patient${splits.length === 1 ? '' : 's'}.`
      }
      onDone={props.onDone}
      run={() =>
        lumpSum
          ? operations.recordFunderLumpSum({
              funderId: props.funderId,
              method,
              amount: total ?? '',
              ...(reference.trim() ? { reference: reference.trim() } : {}),
              ...(validSplits.length > 0 ? { splits: validSplits } : {}),
            })
          : operations.allocateFunderMoney({ funderId: props.funderId, splits: validSplits })
      }
      preview={
        total && splits.length > 0 && !splitProblem ? (
          <p>
            {clinic.money(splitTotal)} is held for {splits.length} patient
            {splits.length === 1 ? '' : 's'}
            {left && isPositive(left)
              ? `; ${clinic.money(left)} stays with ${props.funderName}, not yet split`
              : ''}
            .
          </p>
        ) : null
      }
    >
      {(serverError) => (
        <>
          {lumpSum ? (
            <div class="form__row">
              <MoneyField
                label="Amount received"
                name="amount"
                value={amount}
                onInput={setAmount}
                currency={currency}
                check={aboveZero}
                error={serverError('amount')}
              />
              <MethodField value={method} onChange={setMethod} />
              <TextField
                label="Reference (optional)"
                name="reference"
                value={reference}
                onInput={setReference}
              />
            </div>
          ) : (
            <p>Not yet split: {clinic.money(props.unallocated)}</p>
          )}
          <SplitRows
            rows={rows}
            onChange={setRows}
            currency={currency}
            leftText={
              left === null
                ? ''
                : overSplit
                  ? `${clinic.money(subtract(splitTotal, total ?? splitTotal))} more than ${lumpSum ? 'received' : 'is held'}`
                  : `Left to split: ${clinic.money(left)}`
            }
            serverError={serverError('splits') ?? (splitProblem || undefined)}
          />
        </>
      )}
    </ActionDialog>
  );
}
