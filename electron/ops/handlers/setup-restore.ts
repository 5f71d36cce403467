// "Restore from a backup" on the first run: the backup is verified completely
// (wrong passphrase, corrupt or foreign files are refused with the engine's
// sentence and nothing changes), then the store is closed, the data file
// swapped by the backup engine, and this desk takes the identity of the desk
// the backup came from (the PC replaces it: its numbers and journal chain
// continue). The desk then needs a restart to open the restored data.
import { existsSync } from 'node:fs';
import { fail, ok, type OpResult } from '../../../shared/contract/result.ts';
import type { OperationResults, ValidOperationArgs } from '../../../shared/contract/operations.ts';
import {
  isBackupFileError,
  resolveDataFile,
  restoreBackup,
  verifyBackup,
} from '../../backup/index.ts';
import type { OperationContext } from '../context.ts';
import { alreadySetUp } from './setup.ts';

export const RESTORED_MESSAGE =
  'The backup was restored. Close Punchcard and start it again to open the restored clinic.';

function countOf(counts: Record<string, number>, part: string): number {
  let total = 0;
  for (const [table, count] of Object.entries(counts)) if (table.includes(part)) total += count;
  return total;
}

export async function restoreAtSetup(
  ctx: OperationContext,
  args: ValidOperationArgs<'restoreAtSetup'>,
): Promise<OpResult<OperationResults['restoreAtSetup']>> {
  const refused = alreadySetUp(ctx);
  if (refused) return refused;
  if (ctx.storageKind !== 'sqlite') {
    return fail(
      'invalid-state',
      'This desk keeps no data on disk (test storage): nothing to restore into.',
    );
  }
  if (!existsSync(args.file)) return fail('not-found', 'There is no file at that path.', 'file');
  const passphrase = args.passphrase === '' ? undefined : args.passphrase;
  let deskId: string;
  try {
    const verified = await verifyBackup(args.file, { passphrase });
    deskId = verified.manifest.deskId;
  } catch (error) {
    if (isBackupFileError(error)) {
      const field =
        error.problem === 'wrong-passphrase' || error.problem === 'passphrase-required'
          ? 'passphrase'
          : 'file';
      return fail('bad-backup', error.message, field);
    }
    throw error;
  }
  const result = await restoreBackup({
    file: args.file,
    dataFile: resolveDataFile(ctx.dataDirectory),
    passphrase,
    appVersion: ctx.appVersion,
    beforeReplace: () => ctx.setup.closeStore(),
  });
  const config = ctx.deskConfig.get();
  ctx.deskConfig.set({
    ...config,
    deskId: /^[A-Za-z0-9-]{1,40}$/.test(deskId) ? deskId : config.deskId,
    setUp: true,
  });
  ctx.setup.requestRestart(RESTORED_MESSAGE);
  return ok({
    restartNeeded: RESTORED_MESSAGE,
    patients: countOf(result.counts, 'patients'),
    entries: countOf(result.counts, 'journal'),
  });
}
