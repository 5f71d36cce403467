// Every operation answers with a result, never by throwing across the process
// boundary: the renderer shows `error.message` to a person as it is.

export interface OperationError {
  /** Stable machine code, e.g. 'invalid-input', 'not-found', 'insufficient-credit'. */
  code: string;
  /** A sentence a receptionist understands. */
  message: string;
  /** The form field the message belongs next to, when there is one. */
  field?: string;
}

export type OpResult<T> = { ok: true; value: T } | { ok: false; error: OperationError };

export function ok<T>(value: T): OpResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, field?: string): OpResult<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
