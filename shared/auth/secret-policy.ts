// What a staff member's secret may be: a PIN of 4 to 8 digits (quick at a busy
// desk) or a password of 10 characters or more. Either is only ever stored as
// a memory-hard hash in the main process; the renderer never sees a hash.
import { z } from 'zod';

export const PIN_PATTERN = /^\d{4,8}$/;
export const PASSWORD_MIN = 10;
export const SECRET_MAX = 200;

export type SecretKind = 'pin' | 'password';

export function secretKind(secret: string): SecretKind {
  return PIN_PATTERN.test(secret) ? 'pin' : 'password';
}

/** The rule a new secret must follow, with the sentence shown when it does not. */
export const newSecret = z
  .string({ error: 'Give a PIN of 4 to 8 digits, or a password.' })
  .max(SECRET_MAX, `Keep it under ${SECRET_MAX} characters.`)
  .refine(
    (value) => PIN_PATTERN.test(value) || (!/^\d+$/.test(value) && value.length >= PASSWORD_MIN),
    `Give a PIN of 4 to 8 digits, or a password of at least ${PASSWORD_MIN} characters.`,
  );

/** A secret typed at sign-in: checked against the hash, so only its size is limited here. */
export const typedSecret = z
  .string({ error: 'Type your PIN or password.' })
  .min(1, 'Type your PIN or password.')
  .max(SECRET_MAX, 'That PIN or password is not right.');
