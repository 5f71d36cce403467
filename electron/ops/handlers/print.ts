// Saving the window's printable page as a PDF: the host (Electron's main
// process) prints the calling window and asks where to save. Without a host
// that can, the answer says what to do instead; the screen then opens the
// browser's print, whose dialog saves PDFs too.
import type { ValidOperationArgs } from '../../../shared/contract/operations.ts';
import { PDF_NOT_AVAILABLE } from '../../../shared/contract/domains/print.ts';
import { fail, ok } from '../../../shared/contract/result.ts';
import type { HandlersFor } from './index.ts';
import type { OperationContext } from '../context.ts';

export const PDF_NOT_AVAILABLE_MESSAGE =
  "Saving as PDF is available in the desktop app; use your browser's Print → Save as PDF here.";

/**
 * A name the save dialog can offer on any system: no folders, no characters
 * Windows refuses, no leading dots, and ending in .pdf.
 */
export function pdfFileName(wanted: string): string {
  const base = wanted
    // eslint-disable-next-line no-control-regex -- control characters are what we remove
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/\.pdf$/i, '')
    .slice(0, 100)
    .trim();
  return `${base || 'Punchcard'}.pdf`;
}

async function saveAsPdf(ctx: OperationContext, args: ValidOperationArgs<'saveAsPdf'>) {
  const printToPdf = ctx.host.printToPdf;
  if (!printToPdf) return fail(PDF_NOT_AVAILABLE, PDF_NOT_AVAILABLE_MESSAGE);
  const outcome = await printToPdf(
    { fileName: pdfFileName(args.fileName), pageSize: args.pageSize },
    ctx.caller,
  );
  return ok(outcome.saved ? outcome : { saved: false, fileName: '' });
}

export const printHandlers: HandlersFor<'saveAsPdf'> = { saveAsPdf };
