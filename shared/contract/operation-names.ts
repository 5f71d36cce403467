// The operation names alone, so the preload can list them without bundling the
// argument schemas. operations.ts checks at compile time that both lists agree.
export const OPERATION_NAMES = ['appInfo', 'addPatient'] as const;

/** IPC channel of one operation. */
export function operationChannel(name: (typeof OPERATION_NAMES)[number]): string {
  return `punchcard:op:${name}`;
}
