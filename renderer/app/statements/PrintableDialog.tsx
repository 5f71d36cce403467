// A statement shown in a dialog and printed as a page of its own: the dialog
// is placed outside the app shell, and the print style sheet hides the shell,
// so "Print" and "Save as PDF" give just the statement.
import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { Printer } from 'lucide-preact';
import { Dialog } from '../ui/Dialog.tsx';
import { useClinic } from '../data/clinic.ts';
import { SaveAsPdfButton } from '../receipts/SaveAsPdfButton.tsx';
import './statement.css';

export function PrintableDialog(props: {
  title: string;
  /** Offered when saving as PDF; the title when not given. */
  fileName?: string;
  onClose: () => void;
  /** Controls above the page (period …); not printed. */
  controls?: ComponentChildren;
  children: ComponentChildren;
}) {
  const clinic = useClinic();
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
            Print
          </button>
          <SaveAsPdfButton fileName={props.fileName ?? props.title} locale={clinic.locale} />
        </div>
        <article class="statement" aria-label={props.title}>
          {props.children}
        </article>
      </div>
    </Dialog>,
    document.body,
  );
}
