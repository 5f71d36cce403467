// A manager's goodwill: a courtesy credit added to the patient's account, or
// (part of) what is due on an invoice waived — both with a reason code.
import { useState } from 'preact/hooks';
import { isPositive } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { MoneyField } from '../ui/MoneyField.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import type { MoneyActionProps } from './action-props.ts';
import { aboveZero, typedAmount } from './amounts.ts';
import { useClinic } from '../data/clinic.ts';
import { MemoField, ReasonField, SelectField } from './fields.tsx';

type Kind = 'credit' | 'waive';

export function CourtesyDialog(props: MoneyActionProps) {
  const { operations } = useServices();
  const clinic = useClinic();
  const open = props.account.openInvoices.filter((invoice) => isPositive(invoice.due));
  const [kind, setKind] = useState<Kind>('credit');
  const [invoiceId, setInvoiceId] = useState(open[0]?.invoiceId ?? '');
  const [amount, setAmount] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [memo, setMemo] = useState('');
  const currency = props.account.currency;
  const invoice = open.find((i) => i.invoiceId === invoiceId);
  const waiving = kind === 'waive';
  const typed =
    waiving && amount.trim() === '' ? (invoice?.due ?? null) : typedAmount(amount, currency);
  const extra = {
    ...(reasonCode ? { reasonCode } : {}),
    ...(memo.trim() ? { memo: memo.trim() } : {}),
  };

  return (
    <ActionDialog
      title={`Courtesy credit or fee waiver — ${props.patientName}`}
      onClose={props.onClose}
      submitLabel={waiving ? 'Waive' : 'Grant credit'}
      ready={typed !== null && reasonCode !== '' && (!waiving || invoice !== undefined)}
      fields={['amount', 'invoiceId', 'reasonCode', 'memo']}
      doneMessage={
        waiving
          ? `${typed ? clinic.money(typed) : ''} waived on invoice ${invoice?.number ?? ''}.`
          : `Courtesy credit of ${typed ? clinic.money(typed) : ''} granted.`
      }
      onDone={props.onDone}
      run={() =>
        waiving
          ? operations.waiveFee({
              patientId: props.patientId,
              invoiceId,
              ...(amount.trim() && typed ? { amount: typed } : {}),
              ...extra,
            })
          : operations.grantCourtesyCredit({
              patientId: props.patientId,
              amount: typed ?? '',
              ...extra,
            })
      }
    >
      {(serverError) => (
        <>
          <fieldset class="choice">
            <legend>What to do</legend>
            <label class="check">
              <input
                type="radio"
                name="courtesyKind"
                checked={!waiving}
                onChange={() => setKind('credit')}
              />
              Add courtesy credit to the account
            </label>
            <label class="check">
              <input
                type="radio"
                name="courtesyKind"
                checked={waiving}
                disabled={open.length === 0}
                onChange={() => setKind('waive')}
              />
              Waive what is due on an invoice{open.length === 0 ? ' (nothing is owing)' : ''}
            </label>
          </fieldset>
          {waiving ? (
            <SelectField
              label="Invoice"
              name="invoiceId"
              value={invoiceId}
              onChange={setInvoiceId}
              error={serverError('invoiceId')}
            >
              {open.map((i) => (
                <option key={i.invoiceId} value={i.invoiceId}>
                  {i.number} · {clinic.date(i.issuedAt)} · due {clinic.money(i.due)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <MoneyField
            label={waiving ? 'Amount (empty: all that is due)' : 'Amount'}
            name="amount"
            value={amount}
            onInput={setAmount}
            currency={currency}
            optional={waiving}
            check={aboveZero}
            hint={
              waiving && invoice ? `Due on this invoice: ${clinic.money(invoice.due)}` : undefined
            }
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
