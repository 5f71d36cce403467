// The contract between the renderer and the main process: every operation the
// renderer may ask for, its argument schema (checked at run time in the main
// process) and its result type. The preload exposes exactly one function per
// entry here, and its exposed object is type-checked against `PunchcardApi`.
import { z } from 'zod';
import { newPatientInput } from '../patients/patient.ts';
import type { OpResult } from './result.ts';
import type { OPERATION_NAMES } from './operation-names.ts';

export const operationArgs = {
  appInfo: z.object({}).strict(),
  addPatient: newPatientInput.strict(),
} as const;

export interface AppInfo {
  productName: string;
  version: string;
  deskId: string;
  /** Where the desk keeps its data, shown in Settings. */
  dataDirectory: string;
  /** 'memory' only in tests and the development harness. */
  storage: 'memory' | 'sqlite';
}

/** What each operation answers with when it succeeds. */
export interface OperationResults {
  appInfo: AppInfo;
  addPatient: { id: string };
}

export type OperationName = keyof typeof operationArgs;
export const operationNames = Object.keys(operationArgs) as OperationName[];

/** What a caller passes (before defaults are applied). */
export type OperationArgs<N extends OperationName> = z.input<(typeof operationArgs)[N]>;
/** What a handler receives (validated, defaults applied). */
export type ValidOperationArgs<N extends OperationName> = z.output<(typeof operationArgs)[N]>;

/** The renderer's view of the main process: one async function per operation. */
export type PunchcardApi = {
  [N in OperationName]: (args: OperationArgs<N>) => Promise<OpResult<OperationResults[N]>>;
};

export { operationChannel } from './operation-names.ts';

// Compile-time checks: every operation has a result type and vice versa, and
// the preload's name list (operation-names.ts) matches the schemas.
type MissingResults = Exclude<OperationName, keyof OperationResults>;
type ExtraResults = Exclude<keyof OperationResults, OperationName>;
type UnlistedNames = Exclude<OperationName, (typeof OPERATION_NAMES)[number]>;
type StaleNames = Exclude<(typeof OPERATION_NAMES)[number], OperationName>;
type Gaps = MissingResults | ExtraResults | UnlistedNames | StaleNames;
const _contractIsComplete: [Gaps] extends [never] ? true : false = true;
void _contractIsComplete;
