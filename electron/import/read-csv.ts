// CSV text into a header and rows, each with the line it starts on (a quoted
// cell may span lines, so line numbers are counted, not assumed). Papa Parse
// does the reading; comma, semicolon and tab separated files are all accepted.
import Papa from 'papaparse';
import type { ImportRow } from '../../shared/import/index.ts';

export type CsvResult =
  { ok: true; header: string[]; rows: ImportRow[] } | { ok: false; message: string };

export function readCsv(text: string): CsvResult {
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) {
    return {
      ok: false,
      message: `The file is not a readable CSV: a quote is not closed (row ${(fatal.row ?? 0) + 1}).`,
    };
  }
  // Line numbers: each record starts after the previous record's newlines.
  const records = parsed.data;
  const header = records[0];
  if (!header || header.every((value) => value.trim() === '')) {
    return { ok: false, message: 'The first line must name the columns.' };
  }
  const rows: ImportRow[] = [];
  let line = 1 + newlinesIn(header);
  for (let index = 1; index < records.length; index += 1) {
    const cells = records[index]!;
    line += 1;
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line, cells });
    line += newlinesIn(cells);
  }
  return { ok: true, header, rows };
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const value of cells) for (const char of value) if (char === '\n') count += 1;
  return count;
}
