// Where the desk keeps its data: `--data-dir=<dir>` on the command line, else
// PUNCHCARD_DATA_DIR, else `data` under Electron's per-user data path.
// Tests point it at temporary folders.
import { resolve } from 'node:path';

export function dataDirectoryFrom(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataPath: string,
): string {
  const flag = argv.find((arg) => arg.startsWith('--data-dir='));
  if (flag) return resolve(flag.slice('--data-dir='.length));
  const fromEnv = env['PUNCHCARD_DATA_DIR'];
  if (fromEnv) return resolve(fromEnv);
  return resolve(userDataPath, 'data');
}
