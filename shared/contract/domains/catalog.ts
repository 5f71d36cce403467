// Operations that edit the clinic's reference documents: services and prices,
// package plans, funders, staff, and the clinic's settings. Shapes and plain
// rules are checked here; money is checked in the main process with the
// clinic's currency (its minor units decide what "12.345" means).
import { z } from 'zod';

/** An existing document's id when editing; absent when creating. */
const existingId = z
  .string()
  .regex(/^[^:\s]{1,40}$/, 'That is not a valid id.')
  .optional();

const displayName = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(200, `${label} must be 200 characters or fewer.`);

const optionalText = (label: string, max = 200) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer.`).default('');

const amountText = (label: string) =>
  z.string({ error: `${label} must be an amount such as "80.00".` });

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

export const FUNDER_KINDS = ['charity', 'employer', 'insurer', 'government', 'other'] as const;
export const STAFF_ROLES = ['reception', 'manager'] as const;

export const catalogOperationArgs = {
  saveService: z
    .object({
      id: existingId,
      name: displayName('Service name'),
      price: amountText('Price'),
      durationMinutes: wholeNumber('Duration (minutes)', 1, 24 * 60),
      active: z.boolean().default(true),
    })
    .strict(),
  savePackagePlan: z
    .object({
      id: existingId,
      name: displayName('Plan name'),
      sessions: wholeNumber('Number of sessions', 1, 1000),
      price: amountText('Price'),
      validityDays: wholeNumber('Validity (days, 0 for no expiry)', 0, 36_500),
      eligibleServiceIds: z
        .array(z.string().regex(/^[^:\s]{1,40}$/, 'That is not a valid service id.'))
        .default([]),
      lateCancelUsesSession: z.boolean({
        error: 'Say whether a late cancellation uses a session.',
      }),
      noShowUsesSession: z.boolean({ error: 'Say whether a no-show uses a session.' }),
      expiryRule: z.enum(['breakage', 'credit'], {
        error: 'At expiry, unused value goes to breakage or to credit.',
      }),
      active: z.boolean().default(true),
    })
    .strict(),
  saveFunder: z
    .object({
      id: existingId,
      name: displayName('Funder name'),
      kind: z.enum(FUNDER_KINDS, { error: `Kind is one of ${FUNDER_KINDS.join(', ')}.` }),
      contactName: optionalText('Contact name'),
      email: optionalText('Email').refine(
        (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
        'Email must look like name@example.com.',
      ),
      phone: optionalText('Phone', 40),
      reference: optionalText('Reference'),
    })
    .strict(),
  saveStaff: z
    .object({
      id: existingId,
      name: displayName('Name'),
      role: z.enum(STAFF_ROLES, { error: 'Role is reception or manager.' }),
      active: z.boolean().default(true),
    })
    .strict(),
  saveClinicSettings: z
    .object({
      clinicName: displayName('Clinic name'),
      currency: z
        .string()
        .trim()
        .toUpperCase()
        .refine(isCurrency, 'Currency must be an ISO 4217 code such as AUD.'),
      timeZone: z
        .string()
        .trim()
        .refine(isTimeZone, 'Time zone must be one such as Australia/Sydney.'),
      locale: z.string().trim().refine(isLocale, 'Locale must be one such as en-AU.'),
    })
    .strict(),
} as const;

export interface CatalogOperationResults {
  saveService: { id: string };
  savePackagePlan: { id: string };
  saveFunder: { id: string };
  saveStaff: { id: string };
  saveClinicSettings: { id: string };
}
