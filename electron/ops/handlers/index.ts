// The handler of every operation in the contract, joined from each domain's
// map. The mapped type makes a missing or mistyped handler a compile error.
import type {
  OperationName,
  OperationResults,
  ValidOperationArgs,
} from '../../../shared/contract/operations.ts';
import type { OpResult } from '../../../shared/contract/result.ts';
import type { OperationContext } from '../context.ts';
import { deskHandlers } from './desk.ts';
import { catalogHandlers } from './catalog.ts';
import { ledgerCommandHandlers } from './ledger-commands.ts';
import { ledgerQueryHandlers } from './ledger-queries.ts';
import { backupHandlers } from './backups.ts';
import { backupRestoreHandlers } from './backup-restore.ts';
import { reportHandlers } from './reports.ts';
import { authHandlers } from './auth.ts';
import { setupHandlers } from './setup.ts';
import { importHandlers } from './import.ts';
import { syncHandlers } from './sync.ts';
import { printHandlers } from './print.ts';

export type OperationHandlers = {
  [N in OperationName]: (
    ctx: OperationContext,
    args: ValidOperationArgs<N>,
  ) => Promise<OpResult<OperationResults[N]>>;
};

/** A domain's part of the map. */
export type HandlersFor<Names extends OperationName> = Pick<OperationHandlers, Names>;

export const operationHandlers: OperationHandlers = {
  ...deskHandlers,
  ...catalogHandlers,
  ...ledgerCommandHandlers,
  ...ledgerQueryHandlers,
  ...backupHandlers,
  ...backupRestoreHandlers,
  ...reportHandlers,
  ...authHandlers,
  ...syncHandlers,
  ...setupHandlers,
  ...importHandlers,
  ...printHandlers,
};
