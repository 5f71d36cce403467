// Record money received from the patient — or from a funder for this patient —
// by method; what is owing is paid first (oldest invoice first) unless reception
// says otherwise, and the rest becomes credit (or funder money held).
import { useState } from 'preact/hooks';
import type { PaymentMethod } from '../../../shared/ledger/index.ts';
import { isPositive, minAmount, subtract, zeroAmount } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { MoneyField } from '../ui/MoneyField.tsx';
import { TextField } from '../ui/TextField.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoneyActionProps } from './action-props.ts';
import { aboveZero, typedAmount } from './amounts.ts';
import { useClinic } from '../data/clinic.ts';
import { MethodField, PayerField } from './fields.tsx';
import { useCatalog } from '../data/use-catalog.ts';

export function RecordPaymentDialog(props: MoneyActionProps) {
  const { operations } = useServices();
  const clinic = useClinic();
  const funders = useCatalog('funder');
  const [payer, setPayer] = useState('patient');
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [payOwing, setPayOwing] = useState(true);
  const currency = props.account.currency;
  const owing = props.account.balances.owing;
  const typed = typedAmount(amount, currency);
  const byPatient = payer === 'patient';
  const funderName = funders.find((f) => f.id === payer)?.name ?? '';
  const toInvoices =
    typed && byPatient && payOwing && isPositive(owing)
      ? minAmount(typed, owing)
      : zeroAmount(currency);
  const rest = typed ? subtract(typed, toInvoices) : zeroAmount(currency);

  return (
    <ActionDialog
      title={`Record a payment — ${props.patientName}`}
      onClose={props.onClose}
      submitLabel="Record payment"
      ready={typed !== null}
      fields={['amount', 'method', 'reference']}
      doneMessage={`Payment of ${typed ? clinic.money(typed) : ''} recorded.`}
      onDone={props.onDone}
      run={() =>
        operations.recordPayment({
          payer: byPatient
            ? { type: 'patient', patientId: props.patientId }
            : { type: 'funder', funderId: payer, patientId: props.patientId },
          method,
          amount: typed ?? '',
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          allocate: byPatient && payOwing ? 'oldest-first' : 'none',
        })
      }
      preview={
        typed ? (
          <p>
            {isPositive(toInvoices) ? (
              <>Pays {clinic.money(toInvoices)} of what is owing. </>
            ) : null}
            {isPositive(rest)
              ? byPatient
                ? `${clinic.money(rest)} becomes account credit.`
                : `${clinic.money(rest)} is held by ${funderName} for ${props.patientName}.`
              : null}
          </p>
        ) : null
      }
    >
      {(serverError) => (
        <>
          <div class="form__row">
            <PayerField
              patientName={props.patientName}
              funders={funders}
              value={payer}
              onChange={setPayer}
            />
            <MethodField value={method} onChange={setMethod} error={serverError('method')} />
          </div>
          <div class="form__row">
            <MoneyField
              label="Amount"
              name="amount"
              value={amount}
              onInput={setAmount}
              currency={currency}
              check={aboveZero}
              hint={isPositive(owing) ? `Owing: ${clinic.money(owing)}` : undefined}
              error={serverError('amount')}
            />
            <TextField
              label="Reference (optional)"
              name="reference"
              value={reference}
              onInput={setReference}
              error={serverError('reference')}
            />
          </div>
          {byPatient && isPositive(owing) ? (
            <label class="check">
              <input
                type="checkbox"
                name="payOwing"
                checked={payOwing}
                onChange={(event) => setPayOwing(event.currentTarget.checked)}
              />
              Pay what is owing first (oldest invoice first)
            </label>
          ) : null}
        </>
      )}
    </ActionDialog>
  );
}
