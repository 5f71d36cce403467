// The first run of a desk. `completeSetup` checks everything before it writes
// anything, then writes the clinic's settings, the first manager and, last,
// this desk's settings with the "set up" flag: until that file is written the
// desk is not set up and the wizard shows again (the app never starts half
// configured). Restore and the demo clinic replace the data file instead,
// then ask for a restart.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fail, ok } from '../../../shared/contract/result.ts';
import type { OperationContext } from '../context.ts';
import { readClinicSettings, DEFAULT_CLINIC_SETTINGS } from '../../ledger/clinic-settings.ts';
import { catalogHandlers } from './catalog.ts';
import { setupDefaults } from './setup-defaults.ts';
import { restoreAtSetup } from './setup-restore.ts';
import { openDemoClinic } from './setup-demo.ts';
import type { HandlersFor } from './index.ts';

/** The refusal of every first-run operation once the desk is set up. */
export function alreadySetUp(ctx: OperationContext) {
  if (ctx.setup.restartNeeded) return fail('restart-needed', ctx.setup.restartNeeded);
  return ctx.deskConfig.get().setUp ? fail('invalid-state', 'This desk is already set up.') : null;
}

/** A folder backups can go to: created when missing, and writable. */
function checkBackupFolder(folder: string): string | null {
  try {
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `.punchcard-probe-${randomBytes(4).toString('hex')}`);
    writeFileSync(probe, 'probe');
    rmSync(probe);
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'Punchcard may not write to that folder. Choose another, or skip backups for now.'
      : 'That folder cannot be used. Check the drive is connected, or skip backups for now.';
  }
}

export const setupHandlers: HandlersFor<
  'setupStatus' | 'completeSetup' | 'restoreAtSetup' | 'openDemoClinic'
> = {
  async setupStatus(ctx) {
    const config = ctx.deskConfig.get();
    // After a restore the store is closed: answer without it.
    const settings = ctx.setup.restartNeeded ? null : await readClinicSettings(ctx.db);
    return ok({
      setUp: config.setUp === true,
      restartNeeded: ctx.setup.restartNeeded,
      defaults: setupDefaults({
        systemLocale: ctx.setup.systemLocale,
        systemTimeZone: ctx.setup.systemTimeZone,
        deskId: ctx.deskId,
        clinicName: settings?.clinicName ?? DEFAULT_CLINIC_SETTINGS.clinicName,
      }),
      demoAvailable: ctx.setup.generateDemo !== null && ctx.storageKind === 'sqlite',
    });
  },

  async completeSetup(ctx, args) {
    const refused = alreadySetUp(ctx);
    if (refused) return refused;
    // 1. Everything is checked before anything is written.
    const status = await ctx.auth.status();
    if (status.staff.length > 0) {
      return fail('invalid-state', 'Someone can already sign in at this desk. Sign in instead.');
    }
    if (args.backupFolder !== '') {
      const problem = checkBackupFolder(args.backupFolder);
      if (problem) return fail('invalid-input', problem, 'backupFolder');
    }
    const current = await readClinicSettings(ctx.db);
    if (
      current &&
      current.currency !== args.clinic.currency &&
      (await ctx.db.journal.count().exec()) > 0
    ) {
      return fail(
        'invalid-state',
        'The currency cannot change once money has been recorded.',
        'clinic.currency',
      );
    }
    // 2. The clinic, then the manager, then — the commit point — this desk's settings.
    const saved = await catalogHandlers.saveClinicSettings(ctx, args.clinic);
    if (!saved.ok)
      return {
        ok: false,
        error: { ...saved.error, field: `clinic.${saved.error.field ?? 'clinicName'}` },
      };
    const manager = await ctx.auth.createFirstManager(args.manager.name, args.manager.secret);
    if (!manager.ok) return { ok: false, error: { ...manager.error, field: 'manager.secret' } };
    const config = ctx.deskConfig.get();
    ctx.deskConfig.set({
      ...config,
      deskName: args.desk.deskName,
      numberPrefix: args.desk.numberPrefix,
      backup: { ...config.backup, folder: args.backupFolder },
      setUp: true,
    });
    await ctx.backups.restart();
    return ok({
      staffId: manager.value.id,
      deskName: args.desk.deskName,
      numberPrefix: args.desk.numberPrefix,
    });
  },

  restoreAtSetup,
  openDemoClinic,
};
