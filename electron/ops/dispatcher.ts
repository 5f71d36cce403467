// Runs operations for one desk: checks the name and validates the arguments
// against the contract's schema, then runs the handler. Handlers run one at a
// time (commands read state and then write entries; running two at once could
// let both spend the same credit). Nothing from the renderer is trusted.
import type { z } from 'zod';
import {
  operationArgs,
  type OperationName,
  type OperationResults,
} from '../../shared/contract/operations.ts';
import { fail, type OpResult } from '../../shared/contract/result.ts';
import type { OperationContext } from './context.ts';
import { operationHandlers, type OperationHandlers } from './handlers/index.ts';
import { admit } from '../auth/admit.ts';
import type { Caller } from './host.ts';

/** `caller`: the window the call came from, for host functions that act on it (PDFs). */
export type Dispatch = (
  name: string,
  rawArgs: unknown,
  caller?: Caller,
) => Promise<OpResult<unknown>>;

/**
 * Operations that wait on a person (a save dialog) and read or write no data:
 * they run beside the queue, so an open dialog holds up no other call.
 */
const BESIDE_THE_QUEUE: ReadonlySet<OperationName> = new Set(['saveAsPdf']);

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operationArgs, name);
}

export function createDispatcher(
  ctx: OperationContext,
  handlers: OperationHandlers = operationHandlers,
  log: (message: string) => void = (message) => console.error(message),
): Dispatch {
  let queue: Promise<unknown> = Promise.resolve();

  const run = async <N extends OperationName>(
    name: N,
    rawArgs: unknown,
    caller: Caller | undefined,
  ): Promise<OpResult<OperationResults[N]>> => {
    // Who may call it is decided first, in the queue: a sign-in queued before counts.
    const admission = admit(name, ctx.auth.current());
    if (!admission.ok) return admission.refusal;
    const parsed = operationArgs[name].safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || undefined;
      return fail(
        'invalid-input',
        issue ? humanMessage(issue) : 'The request was not valid.',
        field,
      );
    }
    const handler = handlers[name] as (
      c: OperationContext,
      a: unknown,
    ) => Promise<OpResult<OperationResults[N]>>;
    try {
      // Every handler stamps what it writes with the person signed in now.
      const context = { ...ctx, staffId: admission.staffId, ...(caller ? { caller } : {}) };
      return await handler(context, parsed.data);
    } catch (error) {
      // Log the kind of failure only: messages may carry patient data.
      log(`operation ${name} failed: ${error instanceof Error ? error.name : typeof error}`);
      return fail('internal', 'Something went wrong and nothing was saved. Please try again.');
    }
  };

  return (name, rawArgs, caller) => {
    if (!isOperationName(name)) {
      return Promise.resolve(fail('unknown-operation', 'That action is not available.'));
    }
    if (BESIDE_THE_QUEUE.has(name)) return run(name, rawArgs, caller);
    const result = queue.then(() => run(name, rawArgs, caller));
    queue = result.catch(() => undefined);
    return result as Promise<OpResult<unknown>>;
  };
}

function humanMessage(issue: z.core.$ZodIssue): string {
  // Our schemas carry human messages; zod's defaults are for the unexpected
  // shapes only a broken or hostile caller sends.
  if (issue.code === 'unrecognized_keys') return `Unexpected field: ${issue.keys.join(', ')}.`;
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'The request was not valid.';
  return issue.message;
}
