// `cli report <name> --data <dir> [--at YYYY-MM-DD] [--from … --to …] [--within N] [--csv]`
import { parseArgs } from 'node:util';
import type { ReportName, ReportTable } from '../../../shared/reports/index.ts';
import { isIsoDate, REPORT_NAMES } from '../../../shared/reports/index.ts';
import { EXIT_OK, UsageError } from '../../backup/cli/command.ts';
import type { Command } from '../../backup/cli/command.ts';
import { createReportService } from '../report-service.ts';
import { withDataDirectory } from './open-data.ts';

/** A table for a terminal: columns padded, money right-aligned, line breaks shown as ⏎. */
export function formatTable(table: ReportTable): string[] {
  const rows = [
    table.columns.map((c) => c.label),
    ...table.rows,
    ...(table.totals ? [table.totals] : []),
  ].map((row) => row.map((cell) => cell.replace(/\r?\n/g, '⏎')));
  const widths = table.columns.map((_, i) =>
    Math.max(...rows.map((row) => [...(row[i] ?? '')].length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const pad = (widths[i] ?? 0) - [...cell].length;
        const right = table.columns[i]?.kind === 'money' || table.columns[i]?.kind === 'count';
        return right ? ' '.repeat(pad) + cell : cell + ' '.repeat(pad);
      })
      .join('  ')
      .trimEnd();
  return [
    `${table.title} — ${table.period} (${table.currency})`,
    '',
    ...rows.map(line),
    ...table.notes.map((note) => `\n${note}`),
  ];
}

export const reportCommand: Command = {
  summary: `print a report (${REPORT_NAMES.join(', ')}) at a date or for a range`,
  usage:
    `report <${REPORT_NAMES.join('|')}> --data <dir> [--at YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD] [--within <days>] [--csv]\n` +
    '  takings and trend read --from/--to; the others read --at (default today)',
  async run(args, { out }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        at: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        within: { type: 'string' },
        csv: { type: 'boolean', default: false },
      },
    });
    const [name, ...extra] = positionals;
    if (!name || !(REPORT_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`Name a report: ${REPORT_NAMES.join(', ')}.`);
    }
    if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra[0]}`);
    if (!values.data) throw new UsageError('--data is required.');
    for (const key of ['at', 'from', 'to'] as const) {
      const value = values[key];
      if (value !== undefined && !isIsoDate(value))
        throw new UsageError(`--${key} is a date YYYY-MM-DD.`);
    }
    const within = values.within === undefined ? undefined : Number(values.within);
    if (within !== undefined && (!Number.isInteger(within) || within < 0)) {
      throw new UsageError('--within is a whole number of days.');
    }
    const table = await withDataDirectory(values.data, (db, dataDirectory) =>
      createReportService({
        db,
        dataDirectory,
        now: () => new Date(),
        warmOnTakings: false,
      }).runReport({
        report: name as ReportName,
        at: values.at,
        from: values.from,
        to: values.to,
        withinDays: within,
      }),
    );
    if (values.csv) out(table.csv.replace(/^\uFEFF/, '').trimEnd());
    else for (const line of formatTable(table)) out(line);
    return EXIT_OK;
  },
};
