// Check-out of an appointment — the per-appointment credit application. The
// invoice lines come from the quote (the price may be changed, with a reason);
// the settlement panel is pre-filled from the quote's suggestion (a package
// session when one fits, otherwise funder money then account credit up to
// what is due); every source shows what is available and can be changed or
// cleared; payments by method can be added; what is left is shown as you type
// and may be left owing. Save records it all with one command; then the
// receipt can be printed.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { Plus, Printer, Trash2 } from 'lucide-preact';
import type { CheckoutQuote } from '../../../shared/contract/domains/ledger.ts';
import type { OperationResults } from '../../../shared/contract/operations.ts';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../shared/ledger/index.ts';
import { isPositive, isZero } from '../../../shared/money.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormActions, FormAlert } from '../ui/FormActions.tsx';
import { MoneyField } from '../ui/MoneyField.tsx';
import { TextField } from '../ui/TextField.tsx';
import { useServices } from '../services.ts';
import { useClinic } from '../data/clinic.ts';
import { usePatientAccount } from '../today/use-accounts.ts';
import { usePatientNames } from '../data/use-patient-names.ts';
import { formErrorOf, sentence, type FormError } from '../today/field-error.ts';
import { PaymentReceipt } from '../receipts/PaymentReceipt.tsx';
import { PrintableReceipt } from '../receipts/PrintableReceipt.tsx';
import { SaveAsPdfButton } from '../receipts/SaveAsPdfButton.tsx';
import { methodLabel, receiptFromCheckout, type ReceiptData } from '../receipts/receipt.ts';
import {
  chargedOf,
  checkDraft,
  checkoutArgs,
  coveredLineIndex,
  draftFromQuote,
  suggestSources,
  type CheckoutDraft,
} from './settlement.ts';
import { packageExplanation } from './package-explanation.ts';
import './checkout.css';

export interface CheckoutDialogProps {
  appointmentId: string;
  onClose(): void;
}

/** The main process's field names → this form's keys (see field-error.ts). */
function serverFields(draft: CheckoutDraft): Record<string, string> {
  const fields: Record<string, string> = {
    credit: 'credit',
    packageId: 'package',
    memo: 'reason',
    lines: 'line-0',
    payments: 'payments',
  };
  draft.lines.forEach((_, i) => (fields[`lines.${i}`] = `line-${i}`));
  draft.funders.forEach((_, i) => (fields[`funderHeld.${i}`] = `funder-${i}`));
  draft.payments.forEach((_, i) => (fields[`payments.${i}`] = `payment-${i}`));
  return fields;
}

export function CheckoutDialog(props: CheckoutDialogProps) {
  const { operations } = useServices();
  const clinic = useClinic();
  const [quote, setQuote] = useState<CheckoutQuote | null>(null);
  const [loadError, setLoadError] = useState('');
  const [draft, setDraft] = useState<CheckoutDraft | null>(null);
  const [sourcesTouched, setSourcesTouched] = useState(false);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  // A second Enter before the first save answers must not check out twice.
  const inFlight = useRef(false);
  const [serverError, setServerError] = useState<FormError | null>(null);
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);
  const [nextKey, setNextKey] = useState(1);
  const patientId = quote?.appointment.patientId ?? '';
  const account = usePatientAccount(patientId);
  const patientName = usePatientNames(patientId ? [patientId] : []).get(patientId) ?? '';
  const ids = { reason: useId(), summary: useId() };

  useEffect(() => {
    let alive = true;
    void operations.checkoutQuote({ appointmentId: props.appointmentId }).then((result) => {
      if (!alive) return;
      if (!result.ok) {
        setLoadError(sentence(result.error.message));
        return;
      }
      setQuote(result.value);
      setDraft(draftFromQuote(result.value));
    });
    return () => {
      alive = false;
    };
  }, [props.appointmentId]);

  if (loadError) {
    return (
      <Dialog title="Check out" onClose={props.onClose} wide>
        <p class="form__error" role="alert">
          {loadError}
        </p>
        <div class="form__actions">
          <button type="button" class="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }
  if (!quote || !draft) {
    return (
      <Dialog title="Check out" onClose={props.onClose} wide>
        <p class="empty">Working out what is due…</p>
      </Dialog>
    );
  }

  const money = (amount: string) => clinic.money(amount);
  const currency = quote.currency;
  const check = checkDraft(draft, quote);
  const { summary } = check;
  const covered = coveredLineIndex(draft, quote);
  const explanation = packageExplanation(quote, account?.packages, new Date().toISOString());

  /** Change the draft; while the desk has not touched the sources, re-suggest them. */
  const update = (next: CheckoutDraft, touchSources = false) => {
    const touched = sourcesTouched || touchSources;
    if (touchSources) setSourcesTouched(true);
    if (!touched) {
      const suggestion = suggestSources(
        chargedOf(next, quote),
        next.funders,
        quote.creditAvailable,
        currency,
      );
      next = {
        ...next,
        credit: suggestion.credit,
        funders: next.funders.map((row, i) => ({ ...row, amount: suggestion.funders[i] ?? '' })),
      };
    }
    setDraft(next);
    setServerError(null);
  };

  // Amounts are checked as they are typed; the missing reason once Save was tried.
  const problemOf = (key: string): string | undefined =>
    (key !== 'reason' || tried ? check.problems[key] : undefined) ??
    (serverError?.field === key ? serverError.message : undefined);

  const save = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    setServerError(null);
    if (Object.keys(check.problems).length > 0 || inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    const args = checkoutArgs(draft, quote);
    const result = await operations.checkOutAppointment(args);
    inFlight.current = false;
    setSaving(false);
    if (!result.ok) {
      setServerError(formErrorOf(result.error, serverFields(draft)));
      return;
    }
    setReceipt(receiptOf(result.value));
  };

  const receiptOf = (value: OperationResults['checkOutAppointment']) =>
    receiptFromCheckout({
      clinicName: clinic.clinicName,
      patientName,
      issuedAt: value.appointment.checkedOutAt || new Date().toISOString(),
      lines: draft.lines.map((line, index) => ({
        description: line.description,
        amount: line.amount.trim() || line.original,
        coveredBy:
          index === covered && value.session
            ? `package session ${value.session.label || quote.package?.label || ''}`.trim()
            : '',
      })),
      total: summary.total,
      result: value,
    });

  if (receipt) {
    return (
      <Dialog title="Checked out" onClose={props.onClose} wide>
        <p class="notice" role="status">
          {patientName} is checked out. Invoice {receipt.invoiceNumber}
          {isPositive(receipt.owing) ? `, ${money(receipt.owing)} left owing.` : ', nothing owing.'}
        </p>
        <PaymentReceipt receipt={receipt} money={money} locale={clinic.locale} />
        <PrintableReceipt receipt={receipt} money={money} locale={clinic.locale} />
        <div class="form__actions">
          <button type="button" class="button button--primary" onClick={() => window.print()}>
            <Printer size={16} aria-hidden="true" /> Print receipt
          </button>
          <SaveAsPdfButton
            fileName={`${receipt.receiptNumber ? `Receipt ${receipt.receiptNumber}` : `Invoice ${receipt.invoiceNumber}`} - ${receipt.patientName}`}
            locale={clinic.locale}
          />
          <button type="button" class="button" onClick={props.onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }

  const when = new Intl.DateTimeFormat(clinic.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(quote.appointment.start));
  const figures: { label: string; value: string; tone?: 'due' | 'strong' }[] = [
    { label: 'Invoice total', value: money(summary.total) },
    ...(draft.usePackage && quote.package
      ? [{ label: 'Package session', value: `session ${quote.package.label}` }]
      : []),
    { label: 'Charged', value: money(summary.charged) },
    ...(isZero(summary.funder)
      ? []
      : [{ label: 'Funder money', value: `−${money(summary.funder)}` }]),
    { label: 'Account credit', value: `−${money(summary.credit)}` },
    { label: 'Paid now', value: `−${money(summary.paid)}` },
    {
      label: 'Left owing',
      value: money(summary.owing),
      tone: isPositive(summary.owing) ? 'due' : 'strong',
    },
    ...(isPositive(summary.toCredit)
      ? [{ label: 'Extra, kept as credit', value: money(summary.toCredit) }]
      : []),
  ];
  const anyPriceChanged = draft.lines.some((line) => line.amount.trim() !== line.original);

  return (
    <Dialog
      title={`Check out${patientName ? ` — ${patientName}` : ''}`}
      onClose={props.onClose}
      wide
    >
      <form class="checkout" onSubmit={(event) => void save(event)} noValidate>
        <p class="checkout__visit">{when}</p>
        <section class="checkout__invoice" aria-labelledby={`${ids.summary}-invoice`}>
          <h3 id={`${ids.summary}-invoice`} class="checkout__heading">
            Invoice
          </h3>
          {draft.lines.map((line, index) => (
            <div class="checkout__line" key={index}>
              <MoneyField
                label={`Price of ${line.description}`}
                name={`line-${index}`}
                value={line.amount}
                currency={currency}
                hint={
                  index === covered
                    ? `Covered by ${quote.package?.name ?? 'the package'}`
                    : line.amount.trim() !== line.original
                      ? `Was ${money(line.original)}`
                      : undefined
                }
                error={problemOf(`line-${index}`)}
                onInput={(value) =>
                  update({
                    ...draft,
                    lines: draft.lines.map((l, i) => (i === index ? { ...l, amount: value } : l)),
                  })
                }
              />
            </div>
          ))}
          {anyPriceChanged ? (
            <TextField
              label="Reason for the price change"
              name="reason"
              value={draft.reason}
              required
              error={problemOf('reason')}
              onInput={(value) => update({ ...draft, reason: value })}
            />
          ) : null}
        </section>

        <section class="checkout__settle" aria-labelledby={`${ids.summary}-settle`}>
          <h3 id={`${ids.summary}-settle`} class="checkout__heading">
            How it is settled
          </h3>
          {quote.package ? (
            <label class="checkout__package">
              <input
                type="checkbox"
                checked={draft.usePackage}
                onChange={(event) => update({ ...draft, usePackage: event.currentTarget.checked })}
              />
              <span>
                Use a package session: <strong>{quote.package.name}</strong>,{' '}
                <span class="badge">session {quote.package.label}</span>
              </span>
            </label>
          ) : explanation ? (
            <p class="checkout__no-package" role="note">
              No package session can be used. {explanation}
            </p>
          ) : null}
          {problemOf('package') ? (
            <p class="field__error" role="alert">
              {problemOf('package')}
            </p>
          ) : null}

          {draft.funders.map((row, index) => (
            <MoneyField
              key={row.funderId}
              label={`${row.name} money`}
              name={`funder-${index}`}
              value={row.amount}
              currency={currency}
              optional
              hint={`Available ${money(row.available)}`}
              error={problemOf(`funder-${index}`)}
              onInput={(value) =>
                update(
                  {
                    ...draft,
                    funders: draft.funders.map((f, i) =>
                      i === index ? { ...f, amount: value } : f,
                    ),
                  },
                  true,
                )
              }
            />
          ))}

          <div class="checkout__credit">
            <MoneyField
              label="Account credit"
              name="credit"
              value={draft.credit}
              currency={currency}
              optional
              hint={`Available ${money(quote.creditAvailable)}`}
              error={problemOf('credit')}
              onInput={(value) => update({ ...draft, credit: value }, true)}
            />
            {draft.credit.trim() !== '' ? (
              <button
                type="button"
                class="button button--small"
                onClick={() => update({ ...draft, credit: '' }, true)}
              >
                Don't use credit
              </button>
            ) : isPositive(quote.creditAvailable) ? (
              <button
                type="button"
                class="button button--small"
                onClick={() =>
                  update(
                    {
                      ...draft,
                      credit: suggestSources(summary.owing, [], quote.creditAvailable, currency)
                        .credit,
                    },
                    true,
                  )
                }
              >
                Use credit
              </button>
            ) : null}
          </div>

          <fieldset class="checkout__payments">
            <legend>Payments</legend>
            {draft.payments.length === 0 ? <p class="field__hint">No payment taken.</p> : null}
            {draft.payments.map((row, index) => (
              <div class="checkout__payment" key={row.key}>
                <div class="field checkout__method">
                  <label for={`pay-method-${row.key}`}>Method</label>
                  <select
                    id={`pay-method-${row.key}`}
                    value={row.method}
                    onChange={(event) =>
                      update({
                        ...draft,
                        payments: draft.payments.map((p, i) =>
                          i === index
                            ? { ...p, method: event.currentTarget.value as PaymentMethod }
                            : p,
                        ),
                      })
                    }
                  >
                    {PAYMENT_METHODS.map((method) => (
                      <option key={method} value={method}>
                        {methodLabel(method)}
                      </option>
                    ))}
                  </select>
                </div>
                <MoneyField
                  label={`${methodLabel(row.method)} amount`}
                  name={`payment-${index}`}
                  value={row.amount}
                  currency={currency}
                  error={problemOf(`payment-${index}`)}
                  onInput={(value) =>
                    update({
                      ...draft,
                      payments: draft.payments.map((p, i) =>
                        i === index ? { ...p, amount: value } : p,
                      ),
                    })
                  }
                />
                <TextField
                  label="Reference"
                  name={`payment-ref-${index}`}
                  value={row.reference}
                  hint="Optional"
                  onInput={(value) =>
                    update({
                      ...draft,
                      payments: draft.payments.map((p, i) =>
                        i === index ? { ...p, reference: value } : p,
                      ),
                    })
                  }
                />
                <button
                  type="button"
                  class="button button--small checkout__remove"
                  aria-label={`Remove ${methodLabel(row.method)} payment`}
                  onClick={() =>
                    update({ ...draft, payments: draft.payments.filter((_, i) => i !== index) })
                  }
                >
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              </div>
            ))}
            {problemOf('payments') ? (
              <p class="field__error" role="alert">
                {problemOf('payments')}
              </p>
            ) : null}
            <div class="form__actions">
              <button
                type="button"
                class="button button--small"
                onClick={() => {
                  const rest = isPositive(summary.owing) ? summary.owing : '';
                  setNextKey(nextKey + 1);
                  update({
                    ...draft,
                    payments: [
                      ...draft.payments,
                      { key: nextKey, method: 'card', amount: rest, reference: '' },
                    ],
                  });
                }}
              >
                <Plus size={14} aria-hidden="true" /> Add payment
              </button>
            </div>
          </fieldset>
        </section>

        <section class="checkout__summary" aria-labelledby={ids.summary}>
          <h3 id={ids.summary} class="checkout__heading">
            What remains
          </h3>
          <dl class="checkout__figures" aria-live="polite">
            {figures.map((row) => (
              <div
                key={row.label}
                class={`checkout__figure checkout__figure--${row.tone ?? 'plain'}`}
              >
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        </section>

        <FormAlert
          message={serverError?.field === '' ? serverError.message : undefined}
          class="checkout__error"
        />
        <FormActions
          submitLabel="Save check-out"
          busy={saving}
          onCancel={props.onClose}
          class="checkout__actions"
        />
      </form>
    </Dialog>
  );
}
