import { z } from 'zod';

/** A patient document as stored (an ordinary, editable document). */
export interface Patient {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string;
  /** ISO date (YYYY-MM-DD) or '' when unknown. */
  dateOfBirth: string;
  phone: string;
  email: string;
  notes: string;
  /** Folded text for type-ahead search; derived, see search-text.ts. */
  searchText: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  deskId: string;
}

const name = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(100, `${label} must be 100 characters or fewer.`);

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer.`).default('');

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` is YYYY-MM-DD and names a real calendar day. */
export function isRealIsoDate(text: string): boolean {
  if (!isoDatePattern.test(text)) return false;
  const [y, m, d] = text.split('-').map((part) => Number.parseInt(part, 10)) as [
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** What reception fills in to add a patient. Checked in the form and again in the main process. */
export const newPatientInput = z.object({
  firstName: name('First name'),
  lastName: name('Last name'),
  preferredName: optionalText('Preferred name', 100),
  dateOfBirth: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isRealIsoDate(v), 'Date of birth must be a real date (YYYY-MM-DD).'),
  phone: optionalText('Phone', 40).refine(
    (v) => v === '' || /^[+\d][\d\s()-]{5,}$/.test(v),
    'Phone may contain digits, spaces, brackets, dashes and a leading +.',
  ),
  email: optionalText('Email', 200).refine(
    (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
    'Email must look like name@example.com.',
  ),
  notes: optionalText('Notes', 2000),
});

export type NewPatientInput = z.input<typeof newPatientInput>;
export type NewPatient = z.output<typeof newPatientInput>;
