// The shape of a command-line subcommand (scripts/cli.ts keeps the table).
// Output goes through `out`/`err` so tests can capture it; the exit code is returned.

export interface CommandContext {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly appVersion: string;
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: string[], context: CommandContext): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Raised for bad arguments: the dispatcher prints the usage and exits with EXIT_USAGE. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
