// "Open the demo clinic" on the first run: a small synthetic clinic (200
// patients, five years of visits, packages and credit) is generated into a new
// folder beside the data directory, then its database file takes the place of
// this desk's (still empty) one, and the desk needs a restart to open it.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type OpResult } from '../../../shared/contract/result.ts';
import type { OperationResults, ValidOperationArgs } from '../../../shared/contract/operations.ts';
import { DATA_FILE_NAME, resolveDataFile } from '../../backup/index.ts';
import { DESK_CONFIG_FILE, deskConfigSchema } from '../../app/desk-config.ts';
import type { OperationContext } from '../context.ts';
import { alreadySetUp } from './setup.ts';

export const DEMO_MESSAGE =
  'The demo clinic is ready. Close Punchcard and start it again to open it; then create a manager to sign in.';

export async function openDemoClinic(
  ctx: OperationContext,
  _args: ValidOperationArgs<'openDemoClinic'>,
): Promise<OpResult<OperationResults['openDemoClinic']>> {
  const refused = alreadySetUp(ctx);
  if (refused) return refused;
  const generate = ctx.setup.generateDemo;
  if (!generate || ctx.storageKind !== 'sqlite') {
    return fail('invalid-state', 'The demo clinic is not available here.');
  }
  const parent = dirname(ctx.dataDirectory);
  const work = mkdtempSync(join(parent, `.${basename(ctx.dataDirectory)}-demo-`));
  const demoDirectory = join(work, 'data');
  try {
    const made = await generate(demoDirectory);
    const demoConfig = deskConfigSchema.parse(
      JSON.parse(readFileSync(join(demoDirectory, DESK_CONFIG_FILE), 'utf8')),
    );
    // Only now is this desk's (empty) store closed and its file replaced.
    await ctx.setup.closeStore();
    const dataFile = resolveDataFile(ctx.dataDirectory);
    for (const side of ['', '-wal', '-shm', '-journal']) {
      rmSync(`${dataFile}${side}`, { force: true });
      const from = join(demoDirectory, `${DATA_FILE_NAME}${side}`);
      if (existsSync(from)) renameSync(from, `${dataFile}${side}`);
    }
    ctx.deskConfig.set({ ...ctx.deskConfig.get(), ...demoConfig, setUp: true });
    ctx.setup.requestRestart(DEMO_MESSAGE);
    return ok({ restartNeeded: DEMO_MESSAGE, patients: made.patients });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
