// While nobody is signed in (the desk is locked), the main process answers a
// renderer's reads of application data with this error instead of documents.
// The renderer recognises it and shows the sign-in screen.

/** The error's name, as it crosses the storage port (RxDB's remote protocol keeps it). */
export const DESK_LOCKED = 'DeskLocked';

export const DESK_LOCKED_MESSAGE = 'The desk is locked: sign in to see patients and accounts.';

/** Whether a message from the storage port is such a refusal. */
export function isDeskLockedAnswer(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const error = (message as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === DESK_LOCKED
  );
}
