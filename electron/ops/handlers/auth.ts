// Sign-in, lock, staff and their secrets, the idle lock, and the audit trail.
// The dispatcher has already admitted the caller by the access table; these
// handlers only do the work (and createFirstManager refuses once anyone can
// sign in, in the auth service).
import { ok } from '../../../shared/contract/result.ts';
import { auditTrail } from '../../audit/audit-trail.ts';
import type { HandlersFor } from './index.ts';

export const authHandlers: HandlersFor<
  | 'authStatus'
  | 'createFirstManager'
  | 'signIn'
  | 'lock'
  | 'reportActivity'
  | 'listStaff'
  | 'addStaff'
  | 'setStaffSecret'
  | 'setIdleLock'
  | 'auditTrail'
> = {
  authStatus: async (ctx) => ok(await ctx.auth.status()),
  createFirstManager: (ctx, args) => ctx.auth.createFirstManager(args.name, args.secret),
  signIn: (ctx, args) => ctx.auth.signIn(args.staffId, args.secret),
  lock(ctx) {
    ctx.auth.lock();
    return Promise.resolve(ok({ locked: true as const }));
  },
  reportActivity: (ctx) => Promise.resolve(ok({ signedIn: ctx.auth.activity() })),
  listStaff: async (ctx) => ok(await ctx.auth.listStaff()),
  addStaff: (ctx, args) => ctx.auth.addStaff(ctx.staffId, args),
  setStaffSecret: (ctx, args) => ctx.auth.setSecret(ctx.staffId, args.staffId, args.secret),
  setIdleLock: (ctx, args) =>
    Promise.resolve(ok({ idleLockMinutes: ctx.auth.setIdleLock(ctx.staffId, args.minutes) })),
  auditTrail: async (ctx, args) => ok(await auditTrail(ctx.db, ctx.dataDirectory, args)),
};
