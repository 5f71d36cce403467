// Reports screen and Settings → Accounting: reports, exports and the account mapping.
import { fail, ok } from '../../../shared/contract/result.ts';
import { createReportService } from '../../reports/report-service.ts';
import type { OperationContext } from '../context.ts';
import type { HandlersFor } from './index.ts';

const service = (ctx: OperationContext) =>
  createReportService({
    db: ctx.db,
    dataDirectory: ctx.dataDirectory,
    now: ctx.now,
    liveState: () => (ctx.ledger.clinic.isReady ? ctx.ledger.clinic.state : null),
  });

export const reportHandlers: HandlersFor<
  'runReport' | 'runExport' | 'listExports' | 'accountMapping' | 'setAccountMapping'
> = {
  runReport: async (ctx, args) => ok(await service(ctx).runReport(args)),

  async runExport(ctx, args) {
    try {
      return ok(await service(ctx).runExport(args));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EACCES' || code === 'ENOENT' || code === 'EROFS' || code === 'ENOTDIR') {
        return fail(
          'not-writable',
          `The export could not be written to ${args.outDir ?? ''}.`,
          'outDir',
        );
      }
      throw error;
    }
  },

  listExports: (ctx) => Promise.resolve(ok(service(ctx).listExports())),
  accountMapping: (ctx) => Promise.resolve(ok(service(ctx).mapping())),
  setAccountMapping: (ctx, args) => Promise.resolve(ok(service(ctx).setMapping(args.mapping))),
};
