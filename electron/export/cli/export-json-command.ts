// `cli export-json --data <dir> --out <dir>`: the same JSON export as
// Settings → Backups → "Export all data as JSON", for a desk whose app is closed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_OK, UsageError } from '../../backup/cli/command.ts';
import type { Command } from '../../backup/cli/command.ts';
import { DESK_CONFIG_FILE, deskConfigSchema } from '../../app/desk-config.ts';
import { withDataDirectory } from '../../reports/cli/open-data.ts';
import { exportAllAsJson } from '../json-export.ts';

/** The desk's id from its desk.json, without creating one; 'desk' when there is none. */
function deskIdOf(dataDirectory: string): string {
  const file = join(dataDirectory, DESK_CONFIG_FILE);
  if (!existsSync(file)) return 'desk';
  const parsed = deskConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data.deskId : 'desk';
}

export const exportJsonCommand: Command = {
  summary: 'write all data as one JSON file (RxDB JSON dump layout, with app version and time)',
  usage:
    'export-json --data <dir> --out <dir>\n' +
    '  Close Punchcard first (or use Settings → Backups → Export all data as JSON).',
  async run(args, { out, appVersion }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { data: { type: 'string' }, out: { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
    if (!values.data || !values.out) throw new UsageError('Both --data and --out are required.');
    const folder = values.out;
    const result = await withDataDirectory(values.data, (db, dataDirectory) =>
      exportAllAsJson({
        db,
        folder,
        appVersion,
        deskId: deskIdOf(dataDirectory),
        now: () => new Date(),
      }),
    );
    out(`Exported ${result.documents} documents to ${result.file}`);
    out(
      `  ${Object.entries(result.counts)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ')}; ${result.bytes} bytes`,
    );
    return EXIT_OK;
  },
};
