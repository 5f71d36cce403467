// Small labelled controls the money dialogs share: a select, a reason (code and
// note), and a memo. Each announces its message next to it.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { REASON_CODES } from './labels.ts';

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
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        class="select"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={
          [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') ||
          undefined
        }
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.children}
      </select>
      {props.hint ? (
        <small id={hintId} class="field__hint">
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <small id={errorId} class="field__error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
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
