import { useId } from 'preact/hooks';

export interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'url' | 'password';
  required?: boolean;
  autoFocus?: boolean;
  name: string;
}

/** A labelled input with its message beside it, announced to screen readers. */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : '', props.error ? messageId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onBlur={props.onBlur}
      />
      {props.hint ? (
        <small id={hintId} class="field__hint">
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <small id={messageId} class="field__error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}
