// Settings → Backups and the status bar's backup indicator. The passphrase goes
// to the credential store (Electron's safeStorage in the app) and never comes
// back: the status says only whether backups are encrypted.
import { fail, ok } from '../../../shared/contract/result.ts';
import { CredentialStorageUnavailable } from '../../sync/credential-store.ts';
import { exportAllAsJson } from '../../export/json-export.ts';
import type { HandlersFor } from './index.ts';

export const backupHandlers: HandlersFor<
  | 'backupStatus'
  | 'backUpNow'
  | 'listBackups'
  | 'setBackupSettings'
  | 'setBackupPassphrase'
  | 'clearBackupPassphrase'
  | 'exportAllJson'
> = {
  backupStatus: (ctx) => Promise.resolve(ok(ctx.backups.status())),

  async backUpNow(ctx) {
    const outcome = await ctx.backups.backUpNow();
    if (!outcome.ok) {
      const message = outcome.error instanceof Error ? outcome.error.message : 'The backup failed.';
      return fail('backup-failed', message);
    }
    return ok({ name: outcome.result.name, bytes: outcome.result.fileBytes, verified: true });
  },

  listBackups: async (ctx) => ok(await ctx.backups.list()),

  async setBackupSettings(ctx, args) {
    const current = ctx.deskConfig.get();
    ctx.deskConfig.set({
      ...current,
      backup: { ...current.backup, folder: args.folder, dailyAt: args.dailyAt },
    });
    await ctx.backups.restart();
    return ok(ctx.backups.status());
  },

  async setBackupPassphrase(ctx, args) {
    try {
      await ctx.backups.setPassphrase(args.passphrase);
    } catch (error) {
      if (error instanceof CredentialStorageUnavailable) {
        return fail('credentials-unavailable', error.message, 'passphrase');
      }
      throw error;
    }
    return ok(ctx.backups.status());
  },

  async clearBackupPassphrase(ctx) {
    await ctx.backups.clearPassphrase();
    return ok(ctx.backups.status());
  },

  async exportAllJson(ctx, args) {
    if (ctx.storageKind !== 'sqlite') {
      return fail(
        'invalid-state',
        'This desk keeps its data in memory only (test mode); there is nothing to export.',
      );
    }
    try {
      const result = await exportAllAsJson({
        db: ctx.db,
        folder: args.folder,
        appVersion: ctx.appVersion,
        deskId: ctx.deskId,
        now: ctx.now,
      });
      return ok({ file: result.file, documents: result.documents, bytes: result.bytes });
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      return fail(
        'export-failed',
        code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'Punchcard may not write to that folder. Choose another.'
          : 'The export could not be written to that folder. Check the drive is connected and has room.',
        'folder',
      );
    }
  },
};
