// A modal dialog on the native <dialog> element: the browser traps focus,
// Escape closes it, and it is announced with its title.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Wider dialogs for forms with tables (check-out). */
  wide?: boolean;
}

export function Dialog(props: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class={props.wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <header class="dialog__header">
        <h2 id={titleId}>{props.title}</h2>
        <button
          type="button"
          class="button button--quiet"
          aria-label="Close"
          onClick={props.onClose}
        >
          ×
        </button>
      </header>
      <div class="dialog__body">{props.children}</div>
    </dialog>
  );
}
