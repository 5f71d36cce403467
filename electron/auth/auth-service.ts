// Who is signed in at this desk, in the main process: sign-in with a PIN or
// password, quick switch (signing in replaces the session), lock, and the
// automatic lock after the desk's idle time. The renderer reports activity;
// this service decides, on its own clock, whether the session is still open.
// Staff profiles (name, role, active) are catalog documents that replicate;
// their secrets live in this desk's auth.json (see auth-store.ts).
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { Staff, StaffRole } from '../../shared/catalog/catalog.ts';
import type {
  AuthStatus,
  SessionView,
  StaffListItem,
  StaffSummary,
} from '../../shared/contract/domains/auth.ts';
import { fail, ok, type OpResult } from '../../shared/contract/result.ts';
import { secretKind } from '../../shared/auth/secret-policy.ts';
import { appendAccessEvent, type AccessEvent } from '../audit/access-log.ts';
import { loadAuthFile, saveAuthFile, type AuthFile } from './auth-store.ts';
import { hashSecret, OWASP_SCRYPT, verifySecret, type ScryptParameters } from './secret-hash.ts';

/** Development and tests only: start signed in as this person (created when missing). */
export interface DevStaff {
  id: string;
  name: string;
  role: StaffRole;
  /** also give them this PIN, so they can sign in again after a lock */
  pin?: string;
}

export interface Session extends SessionView {
  /** development sessions never lock themselves (test clocks jump by days) */
  dev: boolean;
}

export interface AuthServiceOptions {
  db: PunchcardDatabase;
  deskId: string;
  dataDirectory: string;
  now: () => Date;
  newId: () => string;
  scrypt?: ScryptParameters;
  devStaff?: DevStaff;
}

export interface AuthService {
  /** The open session, after closing it if the desk has been idle too long. */
  current(): Session | null;
  status(): Promise<AuthStatus>;
  signIn(staffId: string, secret: string): Promise<OpResult<SessionView>>;
  createFirstManager(name: string, secret: string): Promise<OpResult<SessionView>>;
  lock(): void;
  /** The renderer saw the person use the desk; false when nobody is signed in. */
  activity(): boolean;
  listStaff(): Promise<StaffListItem[]>;
  addStaff(
    actor: string,
    input: { name: string; role: StaffRole; secret: string },
  ): Promise<OpResult<{ id: string }>>;
  setSecret(actor: string, staffId: string, secret: string): Promise<OpResult<{ id: string }>>;
  setIdleLock(actor: string, minutes: number): number;
  readonly idleLockMinutes: number;
}

/** Consecutive wrong secrets before a staff member must wait, and how long. */
export const MAX_FAILED_ATTEMPTS = 5;
export const ATTEMPT_PAUSE_MS = 60_000;

const WRONG_SECRET = 'That PIN or password is not right.';

export async function createAuthService(options: AuthServiceOptions): Promise<AuthService> {
  const { db, deskId, dataDirectory } = options;
  const scryptParams = options.scrypt ?? OWASP_SCRYPT;
  let file: AuthFile = loadAuthFile(dataDirectory);
  let session: (Session & { lastActivity: number }) | null = null;
  let lastStaffId = '';
  const failures = new Map<string, { count: number; until: number }>();

  const nowIso = () => options.now().toISOString();
  const record = (event: Omit<AccessEvent, 'at' | 'deskId'>) =>
    appendAccessEvent(dataDirectory, { at: nowIso(), deskId, ...event });
  // Read again before each use that matters: the command line's PIN reset
  // (README, "Forgotten manager PIN") may have changed the file since start.
  const reload = () => (file = loadAuthFile(dataDirectory));
  const save = (next: AuthFile) => {
    saveAuthFile(dataDirectory, next);
    file = next;
  };

  async function staffProfiles(): Promise<Staff[]> {
    const docs = await db.catalog.find({ selector: { type: 'staff' } }).exec();
    return docs.map((doc) => doc.toJSON() as Staff).sort((a, b) => a.name.localeCompare(b.name));
  }

  async function profile(staffId: string): Promise<Staff | null> {
    const doc = await db.catalog.findOne(staffId).exec();
    return doc && doc.type === 'staff' ? (doc.toJSON() as Staff) : null;
  }

  const summary = (staff: Staff): StaffSummary => ({
    id: staff.id,
    name: staff.name,
    role: staff.role,
  });

  async function canSignIn(): Promise<StaffSummary[]> {
    reload();
    return (await staffProfiles())
      .filter((staff) => staff.active && Object.hasOwn(file.credentials, staff.id))
      .map(summary);
  }

  function open(staff: Staff, dev = false): SessionView {
    const at = options.now();
    session = {
      ...summary(staff),
      signedInAt: at.toISOString(),
      dev,
      lastActivity: at.getTime(),
    };
    lastStaffId = staff.id;
    failures.delete(staff.id);
    return view(session);
  }

  function view(current: Session): SessionView {
    return {
      id: current.id,
      name: current.name,
      role: current.role,
      signedInAt: current.signedInAt,
    };
  }

  async function insertStaff(
    actor: string | null,
    input: { name: string; role: StaffRole },
    id = options.newId(),
  ): Promise<Staff> {
    const at = nowIso();
    const staff: Staff = {
      id,
      type: 'staff',
      name: input.name,
      role: input.role,
      active: true,
      createdAt: at,
      updatedAt: at,
      updatedBy: actor ?? id,
      deskId,
    };
    await db.catalog.insert(staff);
    return staff;
  }

  async function storeSecret(actor: string, staffId: string, secret: string): Promise<void> {
    const credential = {
      hash: await hashSecret(secret, scryptParams),
      kind: secretKind(secret),
      setAt: nowIso(),
      setBy: actor,
    };
    reload();
    save({ ...file, credentials: { ...file.credentials, [staffId]: credential } });
  }

  const service: AuthService = {
    current() {
      if (!session) return null;
      const idleMs = file.idleLockMinutes * 60_000;
      if (!session.dev && options.now().getTime() - session.lastActivity >= idleMs) {
        record({
          kind: 'locked-idle',
          staffId: session.id,
          subjectId: '',
          detail: `after ${file.idleLockMinutes} min`,
        });
        session = null;
        return null;
      }
      return session;
    },

    async status() {
      const current = service.current();
      const staff = await canSignIn();
      return {
        firstRun: staff.length === 0 && !current,
        session: current ? view(current) : null,
        staff,
        idleLockMinutes: file.idleLockMinutes,
        lastStaffId,
      };
    },

    async signIn(staffId, secret) {
      const at = options.now().getTime();
      const paused = failures.get(staffId);
      if (paused && paused.until > at) {
        const seconds = Math.ceil((paused.until - at) / 1000);
        return fail(
          'too-many-attempts',
          `Too many wrong tries. Wait ${seconds} seconds, then try again.`,
          'secret',
        );
      }
      const staff = await profile(staffId);
      const credential = staff?.active ? reload().credentials[staffId] : undefined;
      const right = credential ? await verifySecret(secret, credential.hash) : false;
      if (!staff || !right) {
        const count = (paused?.count ?? 0) + 1;
        failures.set(staffId, {
          count: count >= MAX_FAILED_ATTEMPTS ? 0 : count,
          until: count >= MAX_FAILED_ATTEMPTS ? at + ATTEMPT_PAUSE_MS : 0,
        });
        record({ kind: 'sign-in-refused', staffId: '', subjectId: staffId, detail: '' });
        return fail('wrong-secret', WRONG_SECRET, 'secret');
      }
      const previous = session?.id ?? '';
      const opened = open(staff);
      record({
        kind: 'signed-in',
        staffId: staff.id,
        subjectId: '',
        detail: previous && previous !== staff.id ? `switched from ${previous}` : '',
      });
      return ok(opened);
    },

    async createFirstManager(name, secret) {
      if ((await canSignIn()).length > 0) {
        return fail(
          'invalid-state',
          'Someone can already sign in at this desk. Ask a manager to add you.',
        );
      }
      const staff = await insertStaff(null, { name, role: 'manager' });
      await storeSecret(staff.id, staff.id, secret);
      record({ kind: 'first-manager', staffId: staff.id, subjectId: staff.id, detail: '' });
      return ok(open(staff));
    },

    lock() {
      if (!session) return;
      record({ kind: 'locked', staffId: session.id, subjectId: '', detail: '' });
      session = null;
    },

    activity() {
      const current = service.current();
      if (!current) return false;
      session!.lastActivity = options.now().getTime();
      return true;
    },

    async listStaff() {
      return (await staffProfiles()).map((staff) => ({
        ...summary(staff),
        active: staff.active,
        secretKind: file.credentials[staff.id]?.kind ?? '',
      }));
    },

    async addStaff(actor, input) {
      const staff = await insertStaff(actor, input);
      await storeSecret(actor, staff.id, input.secret);
      record({ kind: 'staff-added', staffId: actor, subjectId: staff.id, detail: input.role });
      return ok({ id: staff.id });
    },

    async setSecret(actor, staffId, secret) {
      if (!(await profile(staffId))) {
        return fail('not-found', 'That staff member is not on file.', 'staffId');
      }
      await storeSecret(actor, staffId, secret);
      failures.delete(staffId);
      record({ kind: 'secret-set', staffId: actor, subjectId: staffId, detail: '' });
      return ok({ id: staffId });
    },

    setIdleLock(actor, minutes) {
      save({ ...reload(), idleLockMinutes: minutes });
      record({ kind: 'idle-lock-set', staffId: actor, subjectId: '', detail: `${minutes} min` });
      return minutes;
    },

    get idleLockMinutes() {
      return file.idleLockMinutes;
    },
  };

  if (options.devStaff) {
    const dev = options.devStaff;
    const staff =
      (await profile(dev.id)) ??
      (await insertStaff(dev.id, { name: dev.name, role: dev.role }, dev.id));
    if (dev.pin && !file.credentials[dev.id]) await storeSecret(dev.id, dev.id, dev.pin);
    open(staff, true);
  }
  return service;
}
