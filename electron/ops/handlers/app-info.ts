import { ok, type OpResult } from '../../../shared/contract/result.ts';
import type { OperationResults } from '../../../shared/contract/operations.ts';
import type { OperationContext } from '../context.ts';

export function appInfo(ctx: OperationContext): Promise<OpResult<OperationResults['appInfo']>> {
  return Promise.resolve(
    ok({
      productName: 'Punchcard',
      version: ctx.appVersion,
      deskId: ctx.deskId,
      dataDirectory: ctx.dataDirectory,
      storage: ctx.storageKind,
    }),
  );
}
