// Settings → Sync and the status bar's sync indicator. The settings live in
// the desk's own file (desk.json); the user name and password go to the
// credential store (Electron's safeStorage in the app) and never come back.
import { fail, ok } from '../../../shared/contract/result.ts';
import type { SyncStatusView } from '../../../shared/contract/domains/sync.ts';
import { CredentialStorageUnavailable } from '../../sync/credential-store.ts';
import { describeSyncStatus } from '../../sync/status.ts';
import type { OperationContext } from '../context.ts';
import type { HandlersFor } from './index.ts';

async function statusView(ctx: OperationContext): Promise<SyncStatusView> {
  const status = ctx.sync.status();
  const { enabled, serverUrl, databasePrefix } = ctx.deskConfig.get().sync;
  return {
    state: status.state,
    words: describeSyncStatus(status),
    documents: status.state === 'syncing' ? status.documents : null,
    pending: status.state === 'syncing' ? (status.pending ?? null) : null,
    settings: { enabled, serverUrl, databasePrefix },
    credentialsSaved: await ctx.sync.credentialsSaved(),
  };
}

export const syncHandlers: HandlersFor<'syncStatus' | 'setSyncSettings'> = {
  syncStatus: async (ctx) => ok(await statusView(ctx)),

  async setSyncSettings(ctx, args) {
    const settings = {
      enabled: args.enabled,
      serverUrl: args.serverUrl,
      databasePrefix: args.databasePrefix,
    };
    const credentials =
      args.username && args.password
        ? { username: args.username, password: args.password }
        : undefined;
    if (settings.enabled && credentials === undefined && !(await ctx.sync.credentialsSaved())) {
      return fail(
        'invalid-input',
        'Give the user name and password the clinic’s sync server gave this desk.',
        'username',
      );
    }
    try {
      // Credentials first: when they cannot be kept safely nothing changes.
      await ctx.sync.apply(settings, credentials);
    } catch (error) {
      if (error instanceof CredentialStorageUnavailable) {
        return fail('credentials-unavailable', error.message, 'password');
      }
      throw error;
    }
    const current = ctx.deskConfig.get();
    ctx.deskConfig.set({ ...current, sync: settings });
    return ok(await statusView(ctx));
  },
};
