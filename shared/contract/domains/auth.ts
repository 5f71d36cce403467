// Sign-in, the desk's lock, staff and their secrets, and the audit trail.
// Who may call each operation is declared in shared/auth/operation-access.ts;
// the main process enforces it before any handler runs.
import { z } from 'zod';
import type { StaffRole } from '../../catalog/catalog.ts';
import { newSecret, typedSecret, type SecretKind } from '../../auth/secret-policy.ts';
import { STAFF_ROLES } from './catalog.ts';

const staffId = z
  .string({ error: 'Choose who you are.' })
  .regex(/^[^:\s]{1,40}$/, 'Choose who you are.');
const personName = z
  .string({ error: 'Name is required.' })
  .trim()
  .min(1, 'Name is required.')
  .max(200, 'Name must be 200 characters or fewer.');
const instant = z
  .string({ error: 'Must be a date and time.' })
  .refine((value) => !Number.isNaN(Date.parse(value)), 'Must be a date and time.');

export const IDLE_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const;

/** The audit trail's own kinds besides the journal's entry kinds. */
export const ACCESS_EVENT_KINDS = [
  'signed-in',
  'sign-in-refused',
  'locked',
  'locked-idle',
  'first-manager',
  'staff-added',
  'secret-set',
  'pin-reset',
  'idle-lock-set',
] as const;
export type AccessEventKind = (typeof ACCESS_EVENT_KINDS)[number];

export const authOperationArgs = {
  authStatus: z.object({}).strict(),
  createFirstManager: z.object({ name: personName, secret: newSecret }).strict(),
  signIn: z.object({ staffId, secret: typedSecret }).strict(),
  lock: z.object({}).strict(),
  reportActivity: z.object({}).strict(),
  listStaff: z.object({}).strict(),
  addStaff: z
    .object({
      name: personName,
      role: z.enum(STAFF_ROLES, { error: 'Role is reception or manager.' }),
      secret: newSecret,
    })
    .strict(),
  setStaffSecret: z.object({ staffId, secret: newSecret }).strict(),
  setIdleLock: z
    .object({
      minutes: z
        .number({ error: 'Give a number of minutes.' })
        .int('Give a whole number of minutes.')
        .min(IDLE_LOCK_MINUTES.min, `Lock after at least ${IDLE_LOCK_MINUTES.min} minute.`)
        .max(IDLE_LOCK_MINUTES.max, `Lock after at most ${IDLE_LOCK_MINUTES.max} minutes.`),
    })
    .strict(),
  auditTrail: z
    .object({
      /** recorded at or after (ISO instant) */
      from: instant.optional(),
      /** recorded before (ISO instant) */
      to: instant.optional(),
      staffId: staffId.optional(),
      /** 'entry', 'edit', 'access', or one entry/edit/access kind */
      kind: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(20_000).optional(),
    })
    .strict(),
} as const;

export interface StaffSummary {
  id: string;
  name: string;
  role: StaffRole;
}

export interface SessionView extends StaffSummary {
  signedInAt: string;
}

export interface AuthStatus {
  /** Nobody can sign in at this desk yet: the first person creates the first manager. */
  firstRun: boolean;
  session: SessionView | null;
  /** Who can sign in at this desk (active staff with a PIN or password). */
  staff: StaffSummary[];
  idleLockMinutes: number;
  /** Who was signed in when the desk last locked ('' when nobody): preselected at sign-in. */
  lastStaffId: string;
}

export interface StaffListItem extends StaffSummary {
  active: boolean;
  /** How they sign in at this desk; '' when they cannot (e.g. a practitioner). */
  secretKind: SecretKind | '';
}

export type AuditCategory = 'entry' | 'edit' | 'access';

export interface AuditRow {
  /** when it was recorded (ISO instant) */
  at: string;
  category: AuditCategory;
  /** the entry kind, the edited document's type, or the access event */
  kind: string;
  staffId: string;
  staffName: string;
  deskId: string;
  /** the entry's number or id, or the edited document's name */
  subject: string;
  /** the entry's or document's id */
  id: string;
  /** the patient an entry is about ('' when none) */
  patientId: string;
  /** memo or reason of an entry, or what an access event was about */
  detail: string;
}

export interface AuthOperationResults {
  authStatus: AuthStatus;
  createFirstManager: SessionView;
  signIn: SessionView;
  lock: { locked: true };
  reportActivity: { signedIn: boolean };
  listStaff: StaffListItem[];
  addStaff: { id: string };
  setStaffSecret: { id: string };
  setIdleLock: { idleLockMinutes: number };
  auditTrail: { rows: AuditRow[]; truncated: boolean };
}
