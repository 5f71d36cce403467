// The receipt as it prints: a copy placed directly under <body>, outside the
// app and its modal dialog (which the browser keeps in its top layer), so
// print CSS can show it alone. Rendered only while the receipt is on screen.
import { createPortal } from 'preact/compat';
import { PaymentReceipt, type PaymentReceiptProps } from './PaymentReceipt.tsx';

export function PrintableReceipt(props: PaymentReceiptProps) {
  return createPortal(
    <div class="receipt-print" aria-hidden="true">
      <PaymentReceipt {...props} />
    </div>,
    document.body,
  );
}
