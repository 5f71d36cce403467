// Every report is a table: the screen shows it, the CSV download writes it, the
// printout prints it, and the command line prints it. Money cells are decimal strings.
import type { Amount } from '../money.ts';

export type ColumnKind = 'text' | 'money' | 'count' | 'date';

export interface ReportColumn {
  label: string;
  kind: ColumnKind;
}

export interface ChartSeries {
  label: string;
  points: { x: string; y: Amount }[];
}

export interface ReportTable {
  report: string;
  title: string;
  /** the date or range it covers, in words */
  period: string;
  currency: string;
  columns: ReportColumn[];
  rows: string[][];
  /** the totals row, or null when totals mean nothing */
  totals: string[] | null;
  /** series a chart may draw (takings per day, liability over time) */
  charts: ChartSeries[];
  notes: string[];
}

/** The people and organisations reports name. Unknown ids read as themselves. */
export interface Directory {
  patient(id: string): { name: string; email: string };
  funder(id: string): { name: string; email: string };
}

/** A directory from plain maps (what the main process loads, or a test writes). */
export function directoryOf(
  patients: ReadonlyMap<string, { name: string; email?: string }>,
  funders: ReadonlyMap<string, { name: string; email?: string }>,
): Directory {
  const read = (map: ReadonlyMap<string, { name: string; email?: string }>, id: string) => {
    const found = map.get(id);
    return { name: found?.name || id, email: found?.email ?? '' };
  };
  return { patient: (id) => read(patients, id), funder: (id) => read(funders, id) };
}

/** Where and how the clinic counts: days in its zone, money in its currency. */
export interface ClinicFrame {
  currency: string;
  timeZone: string;
  locale: string;
}

export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
