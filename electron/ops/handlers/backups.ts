// Settings → Backups and the status bar's backup indicator.
import { fail, ok } from '../../../shared/contract/result.ts';
import type { HandlersFor } from './index.ts';

export const backupHandlers: HandlersFor<
  'backupStatus' | 'backUpNow' | 'listBackups' | 'setBackupSettings'
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
};
