// A desk for service tests: a real core on the SQLite storage in a temporary
// folder, a clock the test moves, and a catalog with a physio service and
// package plans. Every operation goes through core.dispatch, as the renderer's would.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type Core } from '../../app/start-core.ts';
import { TEST_MANAGER } from '../../auth/testing/test-staff.ts';
import type {
  OperationArgs,
  OperationName,
  OperationResults,
} from '../../../shared/contract/operations.ts';
import type { OperationError } from '../../../shared/contract/result.ts';

export interface TestDesk {
  core: Core;
  deskId: string;
  /** the desk's clock */
  now: Date;
  advanceDays(days: number): void;
  advanceMinutes(minutes: number): void;
  /** run an operation that must succeed; its value */
  call<N extends OperationName>(name: N, args: OperationArgs<N>): Promise<OperationResults[N]>;
  /** run an operation that must be refused; its error */
  refuse<N extends OperationName>(
    name: N,
    args: OperationArgs<N>,
    code?: string,
  ): Promise<OperationError>;
  patient(firstName: string, lastName?: string): Promise<string>;
  journalCount(): Promise<number>;
  /**
   * Close the core and start it again on the same data. RxDB allows one open database
   * per name and storage in a process, so two desks in one test take turns.
   */
  reopen(): Promise<void>;
  /** Close the core for a while (another desk may open); reopen() brings it back. */
  suspend(): Promise<void>;
  close(): Promise<void>;
  catalog: { physio: string; massage: string };
}

export async function openTestDesk(
  deskId = 'desk-1',
  startAt = '2026-03-02T09:00:00.000Z',
): Promise<TestDesk> {
  const dir = mkdtempSync(join(tmpdir(), `punchcard-ledger-${deskId}-`));
  const clock = { now: new Date(startAt) };
  const start = (): Promise<Core> =>
    startCore({
      dataDirectory: join(dir, 'data'),
      storageKind: 'sqlite',
      devMode: true,
      appVersion: '0.0.0-test',
      deskId,
      now: () => clock.now,
      ledger: { clinic: { delayMs: 0 } },
      devStaff: TEST_MANAGER,
    });
  let core: Core | null = await start();
  const open = (): Core => {
    if (!core) throw new Error(`desk ${deskId} is suspended`);
    return core;
  };
  const desk: TestDesk = {
    get core() {
      return open();
    },
    deskId,
    get now() {
      return clock.now;
    },
    advanceDays(days) {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000);
    },
    advanceMinutes(minutes) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
    async call(name, args) {
      const result = await open().dispatch(name, args);
      if (!result.ok) assert.fail(`${name} refused: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async refuse(name, args, code) {
      const result = await open().dispatch(name, args);
      if (result.ok) assert.fail(`${name} was expected to be refused`);
      if (code !== undefined) assert.equal(result.error.code, code, result.error.message);
      assert.ok(result.error.message.length > 5, 'a sentence a person can read');
      return result.error;
    },
    async patient(firstName, lastName = 'Test') {
      return (await desk.call('addPatient', { firstName, lastName })).id;
    },
    journalCount: () => open().db.journal.count().exec(),
    async reopen() {
      await core?.close();
      core = await start();
    },
    async suspend() {
      await core?.close();
      core = null;
    },
    async close() {
      await core?.close();
      core = null;
      rmSync(dir, { recursive: true, force: true });
    },
    catalog: { physio: '', massage: '' },
  };
  desk.catalog.physio = (
    await desk.call('saveService', { name: 'Physio consult', price: '90.00', durationMinutes: 30 })
  ).id;
  desk.catalog.massage = (
    await desk.call('saveService', { name: 'Massage', price: '70.00', durationMinutes: 60 })
  ).id;
  return desk;
}

/** A package plan of the physio service (defaults: 5 sessions for 400.00, 90 days, breakage). */
export async function savePlan(
  desk: TestDesk,
  overrides: Partial<OperationArgs<'savePackagePlan'>> = {},
): Promise<string> {
  const result = await desk.call('savePackagePlan', {
    name: '5 physio sessions',
    sessions: 5,
    price: '400.00',
    validityDays: 90,
    eligibleServiceIds: [desk.catalog.physio],
    lateCancelUsesSession: true,
    noShowUsesSession: true,
    expiryRule: 'breakage',
    ...overrides,
  });
  return result.id;
}

/** Book a physio visit now (optionally on a package) and return its id. */
export async function book(desk: TestDesk, patientId: string, packageId?: string): Promise<string> {
  const booked = await desk.call('bookAppointment', {
    patientId,
    serviceId: desk.catalog.physio,
    practitionerId: 'dr-lee',
    start: desk.now.toISOString(),
    ...(packageId ? { packageId } : {}),
  });
  return booked.appointment.id;
}
