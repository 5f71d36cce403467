// `cli backup --data <dir-or-file> --out <dir> [--passphrase-file f] [--desk id] [--rotate]`
import os from 'node:os';
import { parseArgs } from 'node:util';
import { backUpAndRotate } from '../backup-service.ts';
import { resolveDataFile } from '../data-path.ts';
import { isValidDeskId } from '../file-name.ts';
import { DEFAULT_RETENTION } from '../rotation.ts';
import { createBackup } from '../write-backup.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from './command.ts';
import type { Command } from './command.ts';
import { describeCounts, describeFailure, formatBytes } from './describe-outcome.ts';
import { readPassphraseFile } from './passphrase-file.ts';

function defaultDeskId(): string {
  const host = os
    .hostname()
    .replace(/[^A-Za-z0-9_-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
  return isValidDeskId(host) ? host : 'desk';
}

export const backupCommand: Command = {
  summary: 'write a verified backup of the database',
  usage:
    'backup --data <dir-or-file> --out <dir> [--passphrase-file <file>] [--desk <id>] [--rotate]\n' +
    `  --rotate  afterwards delete this desk's old backups (keep ${DEFAULT_RETENTION.daily} daily, ${DEFAULT_RETENTION.weekly} weekly, ${DEFAULT_RETENTION.monthly} monthly)`,
  async run(args, { out, err, appVersion }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        'passphrase-file': { type: 'string' },
        desk: { type: 'string' },
        rotate: { type: 'boolean', default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
    if (!values.data || !values.out) throw new UsageError('Both --data and --out are required.');
    const deskId = values.desk ?? defaultDeskId();
    if (!isValidDeskId(deskId))
      throw new UsageError('--desk may contain letters, digits, - and _ only.');
    const passphrase = await readPassphraseFile(values['passphrase-file']);
    const options = {
      dataFile: resolveDataFile(values.data),
      outDir: values.out,
      deskId,
      appVersion,
      passphrase,
    };
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const rotated = values.rotate ? await backUpAndRotate({ ...options, timeZone }) : null;
      const result = rotated ?? (await createBackup(options));
      out(`Backup written and verified: ${result.file}`);
      out(
        `  ${formatBytes(result.fileBytes)}, ${result.encrypted ? 'encrypted' : 'not encrypted'}, ${describeCounts(result.manifest.counts)}`,
      );
      for (const name of rotated?.rotatedAway ?? []) out(`  rotated away: ${name}`);
      if (rotated?.rotationError)
        err(`Rotation failed (the new backup is fine): ${rotated.rotationError}`);
      return EXIT_OK;
    } catch (error) {
      err(`Backup failed: ${describeFailure(error)}`);
      return EXIT_FAILED;
    }
  },
};
