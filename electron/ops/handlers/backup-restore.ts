// Settings → Backups → "Restore…": a manager picks a backup (from the list or
// by path). `checkRestore` verifies it completely and says what it holds,
// changing nothing; after the person confirms, `restoreFromBackup` hands it to
// the backup engine, which verifies it again before touching anything, keeps a
// safety backup of the current data, closes the store and swaps the file. The
// desk then restarts (Electron relaunches) to open the restored data — the
// same path as the first-run restore.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fail, ok, type OpResult } from '../../../shared/contract/result.ts';
import type { BackupContents } from '../../../shared/contract/domains/backups.ts';
import type { OperationResults, ValidOperationArgs } from '../../../shared/contract/operations.ts';
import {
  inspectBackup,
  isBackupFileError,
  resolveDataFile,
  restoreBackup,
  verifyBackup,
  type BackupManifest,
} from '../../backup/index.ts';
import type { OperationContext } from '../context.ts';
import type { HandlersFor } from './index.ts';

export const RESTORED_FROM_SETTINGS_MESSAGE =
  'The backup was restored; the data it replaced is kept in a safety backup. Punchcard starts again to open the restored data (if it does not, close it and start it again).';

const NOT_RESTARTED_MESSAGE =
  'Nothing was changed, but the desk had already closed its data to restore it: close Punchcard and start it again.';

function total(counts: Record<string, number>, part?: string): number {
  let sum = 0;
  for (const [table, count] of Object.entries(counts)) {
    if (part === undefined || table.includes(part)) sum += count;
  }
  return sum;
}

function contentsOf(
  ctx: OperationContext,
  file: string,
  manifest: BackupManifest,
  counts: Record<string, number>,
  encrypted: boolean,
): BackupContents {
  return {
    file,
    name: file.split(/[\\/]/).pop() ?? file,
    createdAt: manifest.createdAt,
    deskId: manifest.deskId,
    sameDesk: manifest.deskId === ctx.deskId,
    encrypted,
    patients: total(counts, 'patients'),
    journalEntries: total(counts, 'journal'),
    documents: total(counts),
  };
}

/** Why this desk cannot restore now, or null. */
function cannotRestore(ctx: OperationContext): OpResult<never> | null {
  if (ctx.setup.restartNeeded) return fail('restart-needed', ctx.setup.restartNeeded);
  if (ctx.storageKind !== 'sqlite') {
    return fail(
      'invalid-state',
      'This desk keeps its data in memory only (test mode): there is nothing to restore into.',
    );
  }
  return null;
}

/** A name from the list lives in this desk's backup folder; anything else must be a full path to a file. */
function resolveBackupFile(
  ctx: OperationContext,
  given: string,
): { file: string } | { refusal: OpResult<never> } {
  let file = given;
  if (!/[\\/]/.test(given)) {
    const folder = ctx.deskConfig.get().backup.folder;
    if (folder === '') {
      return {
        refusal: fail('invalid-input', 'Give the full path of the backup file.', 'file'),
      };
    }
    file = join(folder, given);
  } else if (!isAbsolute(given)) {
    return { refusal: fail('invalid-input', 'Give the full path of the backup file.', 'file') };
  }
  const stat = existsSync(file) ? statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!stat?.isFile()) {
    return { refusal: fail('not-found', 'There is no backup file at that path.', 'file') };
  }
  return { file };
}

/** The typed passphrase, or else the one saved for this desk's backups. */
async function passphraseFor(
  ctx: OperationContext,
  typed: string,
): Promise<{ passphrase: string | undefined; saved: boolean }> {
  if (typed !== '') return { passphrase: typed, saved: false };
  try {
    const saved = await ctx.backups.savedPassphrase();
    return { passphrase: saved, saved: saved !== undefined };
  } catch {
    return { passphrase: undefined, saved: false };
  }
}

/** The engine's refusal in words, next to the field it concerns. */
function refusal(error: unknown, usedSaved: boolean): OpResult<never> | null {
  if (!isBackupFileError(error)) return null;
  if (error.problem === 'wrong-passphrase' && usedSaved) {
    return fail(
      'bad-backup',
      'This backup was made with another passphrase than the one saved now: type the passphrase it was made with.',
      'passphrase',
    );
  }
  const field =
    error.problem === 'wrong-passphrase' || error.problem === 'passphrase-required'
      ? 'passphrase'
      : 'file';
  return fail('bad-backup', error.message, field);
}

async function checkRestore(
  ctx: OperationContext,
  args: ValidOperationArgs<'checkRestore'>,
): Promise<OpResult<OperationResults['checkRestore']>> {
  const refused = cannotRestore(ctx);
  if (refused) return refused;
  const resolved = resolveBackupFile(ctx, args.file);
  if ('refusal' in resolved) return resolved.refusal;
  const { passphrase, saved } = await passphraseFor(ctx, args.passphrase);
  try {
    const verified = await verifyBackup(resolved.file, { passphrase });
    return ok(
      contentsOf(ctx, resolved.file, verified.manifest, verified.counts, verified.encrypted),
    );
  } catch (error) {
    const known = refusal(error, saved);
    if (known) return known;
    return fail('bad-backup', 'That file cannot be read as a backup.', 'file');
  }
}

async function restoreFromBackup(
  ctx: OperationContext,
  args: ValidOperationArgs<'restoreFromBackup'>,
): Promise<OpResult<OperationResults['restoreFromBackup']>> {
  const refused = cannotRestore(ctx);
  if (refused) return refused;
  if (ctx.backups.status().running) {
    return fail('invalid-state', 'A backup is being written now; restore when it has finished.');
  }
  const resolved = resolveBackupFile(ctx, args.file);
  if ('refusal' in resolved) return resolved.refusal;
  const { passphrase, saved } = await passphraseFor(ctx, args.passphrase);
  let storeClosed = false;
  let encrypted: boolean;
  let result;
  try {
    encrypted = (await inspectBackup(resolved.file)).encrypted;
    result = await restoreBackup({
      file: resolved.file,
      dataFile: resolveDataFile(ctx.dataDirectory),
      passphrase,
      appVersion: ctx.appVersion,
      deskId: ctx.deskId,
      beforeReplace: async () => {
        storeClosed = true;
        await ctx.setup.closeStore();
      },
    });
  } catch (error) {
    if (storeClosed) {
      // Checks passed but the swap failed: the old data is in place, the store is closed.
      ctx.setup.requestRestart(NOT_RESTARTED_MESSAGE);
      return fail('restart-needed', NOT_RESTARTED_MESSAGE);
    }
    const known = refusal(error, saved);
    if (known) return known;
    return fail(
      'restore-failed',
      `The restore did not start and nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // A backup of another desk: this PC takes over as that desk (its numbers and journal chain continue).
  const config = ctx.deskConfig.get();
  const deskId = result.manifest.deskId;
  if (deskId !== config.deskId && /^[A-Za-z0-9-]{1,40}$/.test(deskId)) {
    ctx.deskConfig.set({ ...config, deskId });
  }
  ctx.setup.requestRestart(RESTORED_FROM_SETTINGS_MESSAGE);
  return ok({
    ...contentsOf(ctx, resolved.file, result.manifest, result.counts, encrypted),
    safetyBackup: result.safetyBackup ?? '',
    restartNeeded: RESTORED_FROM_SETTINGS_MESSAGE,
  });
}

export const backupRestoreHandlers: HandlersFor<'checkRestore' | 'restoreFromBackup'> = {
  checkRestore,
  restoreFromBackup,
};
