// Saving what the window shows as a printable page (a receipt, a statement) as
// a PDF file. Only the desktop app can: it prints the calling window's page
// and asks the person where to save it. Elsewhere the operation answers in
// words and the screen falls back to the browser's own print.
import { z } from 'zod';

export const PDF_PAGE_SIZES = ['A4', 'Letter'] as const;
export type PdfPageSize = (typeof PDF_PAGE_SIZES)[number];

/** The refusal's code where no host can save PDFs (the browser harness, tests). */
export const PDF_NOT_AVAILABLE = 'pdf-not-available';

export const printOperationArgs = {
  saveAsPdf: z
    .object({
      /** Offered in the save dialog; the person may change it. */
      fileName: z
        .string({ error: 'Give the file a name.' })
        .trim()
        .min(1, 'Give the file a name.')
        .max(120, 'Keep the file name under 120 characters.'),
      pageSize: z
        .enum(PDF_PAGE_SIZES, { error: `Page size is one of ${PDF_PAGE_SIZES.join(', ')}.` })
        .default('A4'),
    })
    .strict(),
} as const;

export interface PrintOperationResults {
  /** saved: false when the person closed the save dialog; fileName without its folder. */
  saveAsPdf: { saved: boolean; fileName: string };
}
