// Import from CSV (Settings → Import): start a job with the file's bytes, follow
// its progress, cancel it, or confirm it. Only `commitImport` writes, and it
// runs in the dispatcher's queue like every other command.
import { ok } from '../../../shared/contract/result.ts';
import type { HandlersFor } from './index.ts';

export const importHandlers: HandlersFor<
  'startImport' | 'importStatus' | 'cancelImport' | 'commitImport'
> = {
  startImport: (ctx, args) =>
    Promise.resolve(
      ok(ctx.imports.start(args.kind, args.fileName, Buffer.from(args.content, 'base64'))),
    ),
  importStatus: (ctx, args) => Promise.resolve(ctx.imports.status(args.jobId)),
  cancelImport: (ctx, args) => Promise.resolve(ctx.imports.cancel(args.jobId)),
  commitImport: (ctx, args) => ctx.imports.commit(args.jobId, ctx.staffId),
};
