// The end of a form: a message about the whole form (one no single field can
// show), then its submit button and Cancel. The submit button says it is busy
// while the main process answers, so a second press cannot send it twice.

export function FormAlert(props: { message: string | undefined; class?: string }) {
  if (!props.message) return null;
  return (
    <p class={props.class ? `form__error ${props.class}` : 'form__error'} role="alert">
      {props.message}
    </p>
  );
}

export function FormActions(props: {
  submitLabel: string;
  busy: boolean;
  /** what the submit button says while busy; "Saving…" unless told */
  busyLabel?: string;
  /** Not ready to submit (besides being busy). */
  disabled?: boolean;
  /** No Cancel button without it. */
  onCancel?: (() => void) | undefined;
  class?: string;
}) {
  return (
    <div class={props.class ? `form__actions ${props.class}` : 'form__actions'}>
      <button
        type="submit"
        class="button button--primary"
        disabled={props.busy || props.disabled === true}
      >
        {props.busy ? (props.busyLabel ?? 'Saving…') : props.submitLabel}
      </button>
      {props.onCancel ? (
        <button type="button" class="button" onClick={props.onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
