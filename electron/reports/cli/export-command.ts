// `cli export --data <dir> --from YYYY-MM-DD --to YYYY-MM-DD --format <format> --out <dir>`
import { parseArgs } from 'node:util';
import type { ExportFormat } from '../../../shared/reports/index.ts';
import { EXPORT_FORMATS, isIsoDate } from '../../../shared/reports/index.ts';
import { EXIT_OK, UsageError } from '../../backup/cli/command.ts';
import type { Command } from '../../backup/cli/command.ts';
import { createReportService } from '../report-service.ts';
import { withDataDirectory } from './open-data.ts';

export const exportCommand: Command = {
  summary:
    'write an accounting export (Xero invoices or journals, QuickBooks journals) for a date range',
  usage:
    `export --data <dir> --from YYYY-MM-DD --to YYYY-MM-DD --format ${EXPORT_FORMATS.join('|')} --out <dir>\n` +
    '  Exporting the same range again writes the same files; entries recorded later for an\n' +
    '  exported period are listed as late.',
  async run(args, { out, err }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
    const { data, from, to, format, out: outDir } = values;
    if (!data || !from || !to || !format || !outDir) {
      throw new UsageError('--data, --from, --to, --format and --out are all required.');
    }
    if (!isIsoDate(from) || !isIsoDate(to)) throw new UsageError('Dates are written YYYY-MM-DD.');
    if (from > to) throw new UsageError('--from must not be after --to.');
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format is one of ${EXPORT_FORMATS.join(', ')}.`);
    }
    const outcome = await withDataDirectory(data, (db, dataDirectory) =>
      createReportService({ db, dataDirectory, now: () => new Date() }).runExport({
        format: format as ExportFormat,
        from,
        to,
        outDir,
      }),
    );
    out(
      `${outcome.repeated ? 'Exported again (same files as before)' : 'Exported'}: ${outcome.entryCount} entries, ${from} to ${to}`,
    );
    for (const file of outcome.files)
      out(`  ${outcome.writtenTo}/${file.name} (${file.rows} rows)`);
    if (outcome.late.length > 0) {
      err(`${outcome.late.length} entries were recorded after their period was exported:`);
      for (const late of outcome.late) {
        err(
          `  ${late.entryId} ${late.kind} dated ${late.occurredAt}, recorded ${late.recordedAt} (export ${late.exportId})`,
        );
      }
    }
    return EXIT_OK;
  },
};
