// `cli restore <file> --data <dir-or-file> [--passphrase-file f] [--safety-dir d]`
import { parseArgs } from 'node:util';
import { resolveDataFile } from '../data-path.ts';
import { restoreBackup } from '../restore.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from './command.ts';
import type { Command } from './command.ts';
import { describeCounts, describeFailure } from './describe-outcome.ts';
import { readPassphraseFile } from './passphrase-file.ts';

export const restoreCommand: Command = {
  summary: 'replace the database with a backup (checked first; the current data is backed up)',
  usage:
    'restore <file> --data <dir-or-file> [--passphrase-file <file>] [--safety-dir <dir>]\n' +
    '  Close Punchcard first. The current data is saved to <data dir>/safety-backups (or --safety-dir).',
  async run(args, { out, err, appVersion }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        'passphrase-file': { type: 'string' },
        'safety-dir': { type: 'string' },
      },
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('Give exactly one backup file.');
    if (!values.data) throw new UsageError('--data is required.');
    const passphrase = await readPassphraseFile(values['passphrase-file']);
    const dataFile = resolveDataFile(values.data);
    try {
      const result = await restoreBackup({
        file,
        dataFile,
        passphrase,
        appVersion,
        safetyDir: values['safety-dir'],
      });
      out(`Restored ${file}`);
      out(`  into ${result.dataFile}: ${describeCounts(result.counts)}`);
      out(`  backup made ${result.manifest.createdAt} on desk ${result.manifest.deskId}`);
      out(
        result.safetyBackup
          ? `  the previous data is saved in ${result.safetyBackup}`
          : '  (there was no previous data)',
      );
      return EXIT_OK;
    } catch (error) {
      err(`Restore refused, nothing was changed: ${describeFailure(error)}`);
      return EXIT_FAILED;
    }
  },
};
