// Small labelled controls the money dialogs share: a select, a payment method,
// who pays, a reason (code and note), and a memo. Each announces its message
// next to it.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Funder } from '../../../shared/catalog/catalog.ts';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../shared/ledger/index.ts';
import { FieldNotes, fieldNoteIds } from '../ui/FieldNotes.tsx';
import { METHOD_LABELS, REASON_CODES } from './labels.ts';

export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  children: ComponentChildren;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const id = useId();
  const notes = fieldNoteIds(id, props.hint, props.error);
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        class="select"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={notes.describedBy}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.children}
      </select>
      <FieldNotes ids={notes} hint={props.hint} error={props.error} />
    </div>
  );
}

export function MethodField(props: {
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
  error?: string | undefined;
}) {
  return (
    <SelectField
      label="Method"
      name="method"
      value={props.value}
      onChange={(value) => props.onChange(value as PaymentMethod)}
      error={props.error}
    >
      {PAYMENT_METHODS.map((method) => (
        <option key={method} value={method}>
          {METHOD_LABELS[method]}
        </option>
      ))}
    </SelectField>
  );
}

/** The patient, or one of the clinic's funders, by id: the value is 'patient' or a funder id. */
export function PayerField(props: {
  patientName: string;
  funders: readonly Funder[];
  value: string;
  onChange: (payer: string) => void;
}) {
  return (
    <SelectField label="Paid by" name="payer" value={props.value} onChange={props.onChange}>
      <option value="patient">{props.patientName} (the patient)</option>
      {props.funders.map((funder) => (
        <option key={funder.id} value={funder.id}>
          {funder.name} (funder)
        </option>
      ))}
    </SelectField>
  );
}

export function ReasonField(props: {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string | undefined;
}) {
  const missing = props.required && props.value === '' ? 'Choose a reason.' : undefined;
  return (
    <SelectField
      label="Reason"
      name="reasonCode"
      value={props.value}
      onChange={props.onChange}
      error={props.error ?? missing}
    >
      <option value="">{props.required ? 'Choose a reason…' : 'No reason given'}</option>
      {REASON_CODES.map((reason) => (
        <option key={reason.code} value={reason.code}>
          {reason.label}
        </option>
      ))}
    </SelectField>
  );
}

export function MemoField(props: {
  value: string;
  onInput: (value: string) => void;
  label?: string;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label ?? 'Note (optional)'}</label>
      <input
        id={id}
        name="memo"
        value={props.value}
        maxLength={2000}
        autoComplete="off"
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.error ? (
        <small class="field__error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}
