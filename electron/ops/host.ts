// What only the application hosting the core can do, passed in by it: the
// Electron main process supplies these; the browser harness and tests do not,
// and the operations that need them answer in words instead.
import type { PdfPageSize } from '../../shared/contract/domains/print.ts';

/**
 * The window an operation came from, as the host knows it (Electron: the
 * sender's WebContents). Opaque to the core: only handed back to the host.
 */
export type Caller = object;

export interface PdfRequest {
  /** Offered in the save dialog, already made safe as a file name and ending in .pdf. */
  fileName: string;
  pageSize: PdfPageSize;
}

/** saved: false when the person closed the save dialog without saving. */
export type PdfOutcome = { saved: true; fileName: string } | { saved: false };

export interface HostFunctions {
  /** Prints the calling window's page (its print style) to a PDF file the person picks. */
  printToPdf?: (request: PdfRequest, caller: Caller | undefined) => Promise<PdfOutcome>;
}
