// Helpers for checking catalog forms as you type with the contract's schemas.
import type { z } from 'zod';

/** The typed whole number, or NaN (which the schemas refuse with their own words). */
export function wholeNumber(text: string): number {
  return /^\d{1,6}$/.test(text.trim()) ? Number.parseInt(text.trim(), 10) : Number.NaN;
}

/** The schema's message for one field, or undefined. */
export function issueFor(parsed: z.ZodSafeParseResult<unknown>, key: string): string | undefined {
  return parsed.success
    ? undefined
    : parsed.error.issues.find((issue) => issue.path[0] === key)?.message;
}
