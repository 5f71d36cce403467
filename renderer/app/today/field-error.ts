// The main process names the field a refusal is about ("credit",
// "payments[1].amount", "funderHeld.0.amount"); forms put the sentence next to
// that field, or above the buttons when the field is not on the form.
import type { OperationError } from '../../../shared/contract/result.ts';

/** The field path with list indexes written one way: "payments.1.amount". */
export function normaliseField(field: string | undefined): string {
  return (field ?? '').replace(/\[(\d+)\]/g, '.$1');
}

export interface FormError {
  /** the form's own field key, or '' for the form as a whole */
  field: string;
  message: string;
}

/**
 * Which of the form's fields an error belongs to. `fields` maps the main
 * process's field names (normalised; a prefix matches) to the form's keys.
 */
export function formErrorOf(error: OperationError, fields: Record<string, string>): FormError {
  const path = normaliseField(error.field);
  const message = sentence(error.message);
  let best = '';
  for (const name of Object.keys(fields)) {
    if ((path === name || path.startsWith(`${name}.`)) && name.length > best.length) best = name;
  }
  return { field: best ? fields[best]! : '', message };
}

/** A sentence ends with a full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
