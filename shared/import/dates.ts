// Dates as other systems and spreadsheets write them: ISO (2024-03-07, with or
// without a time), day-first or month-first with / - or . (7/3/2024, 07-03-24),
// and Excel's serial day numbers (45358 = 2024-03-07 in the 1900 date system).
import { isRealIsoDate } from '../patients/patient.ts';

export interface DateReading {
  /** true: 7/3/2024 is 7 March (most of the world); false: 3 July (the United States) */
  dayFirst: boolean;
  /** Two-digit years up to this one (e.g. 26 for 2026) are 20yy, the rest 19yy. */
  pivotYear: number;
}

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

/** Excel stores dates as days since 1899-12-30 (its 1900 system, leap-year bug included). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** 1 (1900-01-01) … 2958465 (9999-12-31); we accept 1900-03-01 (61) onwards, after the bug. */
const EXCEL_SERIAL = /^\d{2,6}(\.\d+)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function iso(year: number, month: number, day: number): string | null {
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isRealIsoDate(text) ? text : null;
}

/** Reads a date cell into YYYY-MM-DD, or says why it cannot. '' is not a date (callers decide). */
export function parseImportDate(raw: string, reading: DateReading): DateResult {
  const text = raw.trim();
  const bad = (why: string): DateResult => ({
    ok: false,
    message: `"${text}" is not a date${why}. Use ${reading.dayFirst ? 'day/month/year' : 'month/day/year'} or YYYY-MM-DD.`,
  });
  if (text === '') return { ok: false, message: 'The date is empty.' };

  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  if (isoMatch) {
    const date = iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return date ? { ok: true, date } : bad(' (no such day)');
  }

  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (parts) {
    const first = Number(parts[1]);
    const second = Number(parts[2]);
    let year = Number(parts[3]);
    if (parts[3]!.length === 2) year += year <= reading.pivotYear % 100 ? 2000 : 1900;
    const [day, month] = reading.dayFirst ? [first, second] : [second, first];
    const date = iso(year, month, day);
    return date ? { ok: true, date } : bad(' (no such day)');
  }

  if (EXCEL_SERIAL.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial < 61 || serial > 2_958_465) return bad(' (a number outside spreadsheet dates)');
    const date = new Date(EXCEL_EPOCH_UTC + serial * 86_400_000).toISOString().slice(0, 10);
    return { ok: true, date };
  }
  return bad('');
}

/** The reading a clinic's locale implies: month first only where that is the custom. */
export function dateReadingFor(locale: string, today: string): DateReading {
  const monthFirst = /^en-(US|PH)$/i.test(locale) || /^en-US-/i.test(locale);
  return { dayFirst: !monthFirst, pivotYear: Number(today.slice(0, 4)) };
}
