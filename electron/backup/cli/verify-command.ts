// `cli verify <file> [--passphrase-file f]`
import { parseArgs } from 'node:util';
import { verifyBackup } from '../read-backup.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from './command.ts';
import type { Command } from './command.ts';
import { describeFailure, describeManifest, formatBytes } from './describe-outcome.ts';
import { readPassphraseFile } from './passphrase-file.ts';

export const verifyCommand: Command = {
  summary: 'check a backup file completely (checksums, passphrase, SQLite integrity, counts)',
  usage: 'verify <file> [--passphrase-file <file>]',
  async run(args, { out, err }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'passphrase-file': { type: 'string' } },
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('Give exactly one backup file.');
    const passphrase = await readPassphraseFile(values['passphrase-file']);
    try {
      const verified = await verifyBackup(file, { passphrase });
      out(
        `Backup is good: ${file} (${formatBytes(verified.fileBytes)}, ${verified.encrypted ? 'encrypted' : 'not encrypted'})`,
      );
      for (const line of describeManifest(verified.manifest)) out(line);
      return EXIT_OK;
    } catch (error) {
      err(`Verification failed: ${describeFailure(error)}`);
      return EXIT_FAILED;
    }
  },
};
