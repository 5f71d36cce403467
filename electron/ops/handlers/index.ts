// The handler of every operation in the contract. The mapped type makes a
// missing or mistyped handler a compile error.
import type {
  OperationName,
  OperationResults,
  ValidOperationArgs,
} from '../../../shared/contract/operations.ts';
import type { OpResult } from '../../../shared/contract/result.ts';
import type { OperationContext } from '../context.ts';
import { addPatient } from './add-patient.ts';
import { appInfo } from './app-info.ts';

export type OperationHandlers = {
  [N in OperationName]: (
    ctx: OperationContext,
    args: ValidOperationArgs<N>,
  ) => Promise<OpResult<OperationResults[N]>>;
};

export const operationHandlers: OperationHandlers = {
  appInfo,
  addPatient,
};
