// Punchcard's command line: `npm run cli -- <command> [options]`.
// One table of subcommands, each in its own module, running the same code as the app.
// Exit codes: 0 done, 1 failed or refused, 2 wrong usage.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backupCommand } from '../electron/backup/cli/backup-command.ts';
import { EXIT_FAILED, EXIT_USAGE, UsageError } from '../electron/backup/cli/command.ts';
import type { Command, CommandContext } from '../electron/backup/cli/command.ts';
import { restoreCommand } from '../electron/backup/cli/restore-command.ts';
import { verifyCommand } from '../electron/backup/cli/verify-command.ts';
import { exportCommand } from '../electron/reports/cli/export-command.ts';
import { exportJsonCommand } from '../electron/export/cli/export-json-command.ts';
import { reportCommand } from '../electron/reports/cli/report-command.ts';
import { verifyChainCommand } from '../electron/audit/cli/verify-chain-command.ts';
import { resetManagerPinCommand } from '../electron/auth/cli/reset-manager-pin-command.ts';

export const commands: Readonly<Record<string, Command>> = {
  backup: backupCommand,
  verify: verifyCommand,
  restore: restoreCommand,
  export: exportCommand,
  'export-json': exportJsonCommand,
  report: reportCommand,
  'verify-chain': verifyChainCommand,
  'reset-manager-pin': resetManagerPinCommand,
};

function appVersion(): string {
  const packageJson = JSON.parse(
    fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version?: string };
  return packageJson.version ?? '0.0.0';
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(
      ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
    ),
    '',
    'Run `npm run cli -- <command> --help` for its options.',
  ].join('\n');
}

export async function main(
  argv: string[],
  io: Omit<CommandContext, 'appVersion'>,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command: ${name}\n\n${help()}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: npm run cli -- ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args, { ...io, appVersion: appVersion() });
  } catch (error) {
    // parseArgs reports unknown options with ERR_PARSE_ARGS_* codes: also a usage problem.
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${(error as Error).message}\n\nUsage: npm run cli -- ${command.usage}`);
      return EXIT_USAGE;
    }
    io.err(
      `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT_FAILED;
  }
}

if (
  process.argv[1] &&
  fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))
) {
  process.exitCode = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
