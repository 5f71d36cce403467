// Which column holds what. Headers are matched loosely (case, spaces and
// punctuation ignored), so Cliniko's export ("Patient ID", "First Name",
// "Date of Birth", "Mobile") and our own template ("external_id", "first_name",
// "date_of_birth", "phone") both read. See README.md for the layouts.

export const IMPORT_KINDS = ['patients', 'credit', 'packages'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportField =
  | 'externalId'
  | 'firstName'
  | 'lastName'
  | 'preferredName'
  | 'dateOfBirth'
  | 'phone'
  | 'email'
  | 'notes'
  | 'amount'
  | 'plan'
  | 'sessionsRemaining'
  | 'expiry'
  | 'valueRemaining';

/** The source system, as far as its headers tell. */
export type ImportSource = 'cliniko' | 'generic';

export interface ImportLayout {
  kind: ImportKind;
  source: ImportSource;
  /** column indexes of each field, best first (several phone columns, for instance) */
  columns: Partial<Record<ImportField, number[]>>;
}

/** Header spellings of each field, already normalised; the first present wins. */
const ALIASES: Record<ImportField, readonly string[]> = {
  externalId: ['externalid', 'patientexternalid', 'patientid', 'id', 'clientid', 'patientnumber'],
  firstName: ['firstname', 'givenname', 'first'],
  lastName: ['lastname', 'surname', 'familyname', 'last'],
  preferredName: ['preferredname', 'preferredfirstname', 'knownas', 'nickname'],
  dateOfBirth: ['dateofbirth', 'dob', 'birthdate', 'birthday'],
  phone: [
    'phone',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'phonenumber',
    'patientphonenumbers',
    'homephone',
    'workphone',
  ],
  email: ['email', 'emailaddress'],
  notes: ['notes', 'note', 'comments'],
  amount: ['amount', 'creditbalance', 'accountcredit', 'openingcredit', 'credit', 'balance'],
  plan: ['plan', 'packageplan', 'package', 'packagename'],
  sessionsRemaining: ['sessionsremaining', 'remainingsessions', 'sessionsleft', 'remaining'],
  expiry: ['expiry', 'expirydate', 'expires', 'expireson', 'expiresat'],
  valueRemaining: ['valueremaining', 'remainingvalue', 'value'],
};

const FIELDS_OF: Record<ImportKind, readonly ImportField[]> = {
  patients: [
    'externalId',
    'firstName',
    'lastName',
    'preferredName',
    'dateOfBirth',
    'phone',
    'email',
    'notes',
  ],
  credit: ['externalId', 'firstName', 'lastName', 'dateOfBirth', 'amount', 'notes'],
  packages: [
    'externalId',
    'firstName',
    'lastName',
    'dateOfBirth',
    'plan',
    'sessionsRemaining',
    'expiry',
    'valueRemaining',
    'notes',
  ],
};

/** Columns a file of each kind cannot do without (a patient is also found by name). */
const REQUIRED: Record<ImportKind, readonly (ImportField | ImportField[])[]> = {
  patients: ['firstName', 'lastName'],
  credit: [['externalId', 'lastName'], 'amount'],
  packages: [['externalId', 'lastName'], 'plan', 'sessionsRemaining'],
};

const FIELD_WORDS: Record<ImportField, string> = {
  externalId: 'external_id',
  firstName: 'first_name',
  lastName: 'last_name',
  preferredName: 'preferred_name',
  dateOfBirth: 'date_of_birth',
  phone: 'phone',
  email: 'email',
  notes: 'notes',
  amount: 'amount',
  plan: 'plan',
  sessionsRemaining: 'sessions_remaining',
  expiry: 'expiry',
  valueRemaining: 'value_remaining',
};

/** Columns only Cliniko's patient export has. */
const CLINIKO_MARKERS = [
  'address1',
  'medicare',
  'medicarereferencenumber',
  'dvacardnumber',
  'referralsource',
  'appointmentnotes',
  'patientphonenumbers',
];

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export type LayoutResult = { ok: true; layout: ImportLayout } | { ok: false; message: string };

/** Finds each field's column, or says which column is missing. */
export function detectLayout(kind: ImportKind, header: readonly string[]): LayoutResult {
  const normalised = header.map(normaliseHeader);
  const columns: Partial<Record<ImportField, number[]>> = {};
  const taken = new Set<number>();
  for (const field of FIELDS_OF[kind]) {
    const found: number[] = [];
    for (const alias of ALIASES[field]) {
      const index = normalised.indexOf(alias);
      if (index >= 0 && !taken.has(index)) {
        found.push(index);
        taken.add(index);
        if (field !== 'phone') break;
      }
    }
    if (found.length > 0) columns[field] = found;
  }
  for (const need of REQUIRED[kind]) {
    const options = Array.isArray(need) ? need : [need];
    if (!options.some((field) => columns[field])) {
      const words = options.map((field) => `"${FIELD_WORDS[field]}"`).join(' or ');
      return {
        ok: false,
        message: `This file has no ${words} column. The first line must name the columns (see the import template).`,
      };
    }
  }
  const source = normalised.some((name) => CLINIKO_MARKERS.includes(name)) ? 'cliniko' : 'generic';
  return { ok: true, layout: { kind, source, columns } };
}

/** A field's value in a row: the first non-empty of its columns, trimmed ('' when none). */
export function cell(layout: ImportLayout, row: readonly string[], field: ImportField): string {
  for (const index of layout.columns[field] ?? []) {
    const value = (row[index] ?? '').trim();
    if (value !== '') return value;
  }
  return '';
}
