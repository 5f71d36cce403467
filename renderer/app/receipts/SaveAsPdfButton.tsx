// "Save as PDF" beside "Print" on a receipt or statement. The desktop app
// prints the page to a file the person picks; where it cannot (the browser
// harness), the answer says so and the browser's print opens instead, whose
// dialog can save a PDF too.
import { useState } from 'preact/hooks';
import { FileDown } from 'lucide-preact';
import { PDF_NOT_AVAILABLE, type PdfPageSize } from '../../../shared/contract/domains/print.ts';
import { useServices } from '../services.ts';

/** Letter where the clinic's locale is North American, A4 elsewhere. */
export function pageSizeFor(locale: string): PdfPageSize {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region === 'US' || region === 'CA' ? 'Letter' : 'A4';
  } catch {
    return 'A4';
  }
}

export function SaveAsPdfButton(props: { fileName: string; locale: string }) {
  const { operations } = useServices();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const save = async () => {
    setBusy(true);
    setMessage('');
    const result = await operations.saveAsPdf({
      fileName: props.fileName,
      pageSize: pageSizeFor(props.locale),
    });
    setBusy(false);
    if (result.ok) {
      setMessage(result.value.saved ? `Saved as ${result.value.fileName}.` : '');
    } else if (result.error.code === PDF_NOT_AVAILABLE) {
      setMessage(result.error.message);
      // Once the message is on screen: the print dialog blocks the page while open.
      requestAnimationFrame(() => setTimeout(() => window.print(), 0));
    } else {
      setMessage(result.error.message);
    }
  };

  return (
    <>
      <button
        type="button"
        class="button button--icon"
        aria-busy={busy}
        disabled={busy}
        onClick={() => void save()}
      >
        <FileDown size={16} aria-hidden="true" />
        Save as PDF
      </button>
      <span class="pdf-status" role="status">
        {message}
      </span>
    </>
  );
}
