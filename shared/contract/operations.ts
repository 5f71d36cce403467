// The contract between the renderer and the main process: every operation the
// renderer may ask for, its argument schema (checked at run time in the main
// process) and its result type. The preload exposes exactly one function per
// entry here, and its exposed object is type-checked against `PunchcardApi`.
import { z } from 'zod';
import { newPatientInput } from '../patients/patient.ts';
import type { OpResult } from './result.ts';

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

/** IPC channel of one operation. */
export function operationChannel(name: OperationName): string {
  return `punchcard:op:${name}`;
}

// Compile-time check: every operation has a result type and vice versa.
type MissingResults = Exclude<OperationName, keyof OperationResults>;
type ExtraResults = Exclude<keyof OperationResults, OperationName>;
const _contractIsComplete: [MissingResults, ExtraResults] extends [never, never] ? true : false =
  true;
void _contractIsComplete;
