// The operations as the signed-in screens use them: a refusal because nobody is
// signed in any more (the desk locked itself, or another window locked it)
// makes the gate ask the main process again, and so show the sign-in screen.
import type { PunchcardApi } from '../../../shared/contract/operations.ts';
import type { OpResult } from '../../../shared/contract/result.ts';

export function guardOperations(operations: PunchcardApi, onSignedOut: () => void): PunchcardApi {
  const guarded: Record<string, (args: unknown) => Promise<OpResult<unknown>>> = {};
  for (const [name, call] of Object.entries(operations)) {
    guarded[name] = async (args: unknown) => {
      const result = await (call as (a: unknown) => Promise<OpResult<unknown>>)(args);
      if (!result.ok && result.error.code === 'not-signed-in') onSignedOut();
      return result;
    };
  }
  return guarded as PunchcardApi;
}
