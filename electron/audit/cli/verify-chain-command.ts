// `cli verify-chain --data <dir-or-file>`: checks every desk's hash chain in a
// database (a desk's data folder, a restored copy) and names the first broken
// link of each. Reads only; the app may be running.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveDataFile } from '../../backup/data-path.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type Command } from '../../backup/cli/command.ts';
import { verifyChainsInFile } from '../journal-file.ts';

export const verifyChainCommand: Command = {
  summary: "check each desk's journal hash chain and name the first broken link",
  usage: 'verify-chain --data <dir-or-file>',
  async run(args, { out, err }) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' } } });
    if (!values.data) throw new UsageError('--data is required.');
    const file = resolveDataFile(values.data);
    if (!existsSync(file)) {
      err(`No database at ${file}.`);
      return EXIT_FAILED;
    }
    const report = verifyChainsInFile(file);
    for (const desk of report.desks) {
      out(
        desk.firstBreak
          ? `desk ${desk.deskId}: BROKEN at no. ${desk.firstBreak.seq} (${desk.firstBreak.problem}): ${desk.firstBreak.message}`
          : `desk ${desk.deskId}: ${desk.entries} entries, chain intact`,
      );
    }
    if (report.desks.length === 0) out('The journal is empty.');
    return report.ok ? EXIT_OK : EXIT_FAILED;
  },
};
