// The contract between the renderer and the main process: every operation the
// renderer may ask for, its argument schema (checked at run time in the main
// process) and its result type. Each domain lists its operations in
// ./domains/; this file joins them. The preload exposes exactly one function
// per operation, and its exposed object is type-checked against `PunchcardApi`.
import type { z } from 'zod';
import type { OpResult } from './result.ts';
import { deskOperationArgs, type DeskOperationResults } from './domains/desk.ts';
import { catalogOperationArgs, type CatalogOperationResults } from './domains/catalog.ts';
import { ledgerOperationArgs, type LedgerOperationResults } from './domains/ledger.ts';
import { backupOperationArgs, type BackupOperationResults } from './domains/backups.ts';
import { authOperationArgs, type AuthOperationResults } from './domains/auth.ts';
import { reportOperationArgs, type ReportOperationResults } from './domains/reports.ts';
import { setupOperationArgs, type SetupOperationResults } from './domains/setup.ts';
import { importOperationArgs, type ImportOperationResults } from './domains/import.ts';
import { syncOperationArgs, type SyncOperationResults } from './domains/sync.ts';
import { printOperationArgs, type PrintOperationResults } from './domains/print.ts';

export type { AppInfo } from './domains/desk.ts';

export const operationArgs = {
  ...deskOperationArgs,
  ...catalogOperationArgs,
  ...ledgerOperationArgs,
  ...backupOperationArgs,
  ...reportOperationArgs,
  ...authOperationArgs,
  ...syncOperationArgs,
  ...setupOperationArgs,
  ...importOperationArgs,
  ...printOperationArgs,
} as const;

/** What each operation answers with when it succeeds. */
export type OperationResults = DeskOperationResults &
  CatalogOperationResults &
  LedgerOperationResults &
  BackupOperationResults &
  ReportOperationResults &
  AuthOperationResults &
  SyncOperationResults &
  SetupOperationResults &
  ImportOperationResults &
  PrintOperationResults;

export type OperationName = keyof typeof operationArgs;
export const OPERATION_NAMES = Object.keys(operationArgs) as OperationName[];

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
type Gaps =
  Exclude<OperationName, keyof OperationResults> | Exclude<keyof OperationResults, OperationName>;
const _contractIsComplete: [Gaps] extends [never] ? true : false = true;
void _contractIsComplete;
