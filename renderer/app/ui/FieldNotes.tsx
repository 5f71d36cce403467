// What every labelled field writes under its control: a hint, and the message
// that says what is wrong (announced as it appears), each tied to the control by
// aria-describedby so a screen reader reads them with it.
import type { ComponentChildren } from 'preact';

export interface FieldNoteIds {
  hintId: string;
  errorId: string;
  /** for the control's aria-describedby: the notes shown, or undefined for none */
  describedBy: string | undefined;
}

/** The notes' ids for a field whose control has `id`. */
export function fieldNoteIds(
  id: string,
  hint: ComponentChildren | undefined,
  error: string | undefined,
): FieldNoteIds {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const shown = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return { hintId, errorId, describedBy: shown || undefined };
}

export function FieldNotes(props: {
  ids: FieldNoteIds;
  hint?: ComponentChildren | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {props.hint ? (
        <small id={props.ids.hintId} class="field__hint">
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <small id={props.ids.errorId} class="field__error" role="alert">
          {props.error}
        </small>
      ) : null}
    </>
  );
}
