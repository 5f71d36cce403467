// Take a credit application off an invoice: the credit returns to the patient
// and the invoice is owing again by the same amount.
import { useState } from 'preact/hooks';
import { isPositive } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { MoneyField } from '../ui/MoneyField.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoneyActionProps } from './action-props.ts';
import { aboveZero, typedAmount } from './amounts.ts';
import { useClinic } from '../data/clinic.ts';
import { MemoField, SelectField } from './fields.tsx';

export function UnapplyCreditDialog(props: MoneyActionProps) {
  const { operations } = useServices();
  const clinic = useClinic();
  const invoices = props.account.invoices.filter((invoice) => isPositive(invoice.moves.credit));
  const [invoiceId, setInvoiceId] = useState(invoices[0]?.invoiceId ?? '');
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const currency = props.account.currency;
  const invoice = invoices.find((i) => i.invoiceId === invoiceId);
  // Empty means all the credit applied to the invoice.
  const typed =
    amount.trim() === '' ? (invoice?.moves.credit ?? null) : typedAmount(amount, currency);

  return (
    <ActionDialog
      title={`Take credit off an invoice — ${props.patientName}`}
      onClose={props.onClose}
      submitLabel="Take credit off"
      ready={typed !== null && invoice !== undefined}
      fields={['amount', 'invoiceId', 'memo']}
      doneMessage={`${typed ? clinic.money(typed) : ''} of credit returned from invoice ${invoice?.number ?? ''}.`}
      onDone={props.onDone}
      run={() =>
        operations.unapplyCredit({
          patientId: props.patientId,
          invoiceId,
          ...(amount.trim() && typed ? { amount: typed } : {}),
          ...(memo.trim() ? { memo: memo.trim() } : {}),
        })
      }
      preview={
        typed && invoice ? (
          <p>
            {clinic.money(typed)} goes back to {props.patientName}'s credit; invoice{' '}
            {invoice.number} is then owing {clinic.money(typed)} more.
          </p>
        ) : null
      }
    >
      {(serverError) =>
        invoices.length === 0 ? (
          <p class="empty">No invoice of this patient has credit applied to it.</p>
        ) : (
          <>
            <SelectField
              label="Invoice"
              name="invoiceId"
              value={invoiceId}
              onChange={setInvoiceId}
              error={serverError('invoiceId')}
            >
              {invoices.map((i) => (
                <option key={i.invoiceId} value={i.invoiceId}>
                  {i.number} · {clinic.date(i.issuedAt)} · credit applied{' '}
                  {clinic.money(i.moves.credit)}
                </option>
              ))}
            </SelectField>
            <MoneyField
              label="Amount (empty: all of it)"
              name="amount"
              value={amount}
              onInput={setAmount}
              currency={currency}
              optional
              check={aboveZero}
              hint={
                invoice
                  ? `Credit applied to this invoice: ${clinic.money(invoice.moves.credit)}`
                  : undefined
              }
              error={serverError('amount')}
            />
            <MemoField value={memo} onInput={setMemo} />
          </>
        )
      }
    </ActionDialog>
  );
}
