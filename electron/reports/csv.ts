// Writing and reading CSV with Papa Parse (small, maintained, no dependencies, typed):
// fields with commas, quotes, line breaks, accents and other scripts are quoted and
// escaped by the library, never by hand. Files start with a UTF-8 byte order mark so
// spreadsheet programs read accented and non-Latin names correctly, and use CRLF line
// ends as RFC 4180 and the accounting imports expect.
import Papa from 'papaparse';
import type { ExportFile } from '../../shared/reports/index.ts';
import type { ReportTable } from '../../shared/reports/index.ts';

const BOM = '\uFEFF';

// A cell that starts like a spreadsheet formula is prefixed with ' so opening the file
// cannot run it; negative amounts ("-40.00") are left alone.
const FORMULA_START = /^([=+@\t\r]|-(?![\d.]))/;

export function toCsv(columns: readonly string[], rows: readonly string[][]): string {
  return (
    BOM +
    Papa.unparse([[...columns], ...rows], { newline: '\r\n', escapeFormulae: FORMULA_START }) +
    '\r\n'
  );
}

export function exportFileCsv(file: ExportFile): string {
  return toCsv(file.columns, file.rows);
}

/** A report as CSV: its columns, rows, then the totals row. */
export function reportCsv(table: ReportTable): string {
  const rows = table.totals ? [...table.rows, table.totals] : table.rows;
  return toCsv(
    table.columns.map((column) => column.label),
    rows,
  );
}

/** Parse CSV text into rows of cells (the byte order mark is dropped). */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text.startsWith(BOM) ? text.slice(BOM.length) : text, {
    skipEmptyLines: true,
  });
  if (result.errors.length > 0) {
    throw new Error(`CSV does not parse: ${result.errors[0]?.message ?? 'unknown error'}`);
  }
  return result.data;
}
