import { useId } from 'preact/hooks';
import { FieldNotes, fieldNoteIds } from './FieldNotes.tsx';

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
  const notes = fieldNoteIds(id, props.hint, props.error);
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
        aria-describedby={notes.describedBy}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onBlur={props.onBlur}
      />
      <FieldNotes ids={notes} hint={props.hint} error={props.error} />
    </div>
  );
}
