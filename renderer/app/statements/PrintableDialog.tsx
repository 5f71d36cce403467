// A statement shown in a dialog and printed as a page of its own: the dialog
// is placed outside the app shell, and the print style sheet hides the shell,
// so "Print" (or "Save as PDF" in the print dialog) gives just the statement.
import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { Printer } from 'lucide-preact';
import { Dialog } from '../ui/Dialog.tsx';
import './statement.css';

export function PrintableDialog(props: {
  title: string;
  onClose: () => void;
  /** Controls above the page (period …); not printed. */
  controls?: ComponentChildren;
  children: ComponentChildren;
}) {
  return createPortal(
    <Dialog title={props.title} onClose={props.onClose} wide>
      <div class="statement-frame">
        <div class="statement-controls no-print">
          {props.controls}
          <button
            type="button"
            class="button button--primary button--icon"
            onClick={() => window.print()}
          >
            <Printer size={16} aria-hidden="true" />
            Print or save as PDF
          </button>
        </div>
        <article class="statement" aria-label={props.title}>
          {props.children}
        </article>
      </div>
    </Dialog>,
    document.body,
  );
}
