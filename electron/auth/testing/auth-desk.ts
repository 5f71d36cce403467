// A desk for sign-in tests: a real core on the memory storage with nobody
// signed in, a clock the test moves, and fast hashing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type Core } from '../../app/start-core.ts';
import type { OpResult } from '../../../shared/contract/result.ts';
import { FAST_SCRYPT } from './test-staff.ts';

export interface AuthDesk {
  core: Core;
  dataDirectory: string;
  clock: { now: Date };
  advanceMinutes(minutes: number): void;
  /** dispatch, answering with the value or throwing with the refusal */
  call(name: string, args: unknown): Promise<unknown>;
  ask(name: string, args: unknown): Promise<OpResult<unknown>>;
  counts(): Promise<Record<'journal' | 'patients' | 'catalog' | 'appointments', number>>;
  close(): Promise<void>;
}

export async function openAuthDesk(): Promise<AuthDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-auth-'));
  const clock = { now: new Date('2026-06-01T09:00:00.000Z') };
  const dataDirectory = join(dir, 'data');
  const core = await startCore({
    dataDirectory,
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    deskId: 'desk-1',
    now: () => clock.now,
    ledger: { clinic: { delayMs: 0 } },
    scrypt: FAST_SCRYPT,
  });
  const ask = (name: string, args: unknown) => core.dispatch(name, args);
  return {
    core,
    dataDirectory,
    clock,
    advanceMinutes(minutes) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
    ask,
    async call(name, args) {
      const result = await ask(name, args);
      if (!result.ok)
        throw new Error(`${name} refused: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    async counts() {
      const [journal, patients, catalog, appointments] = await Promise.all([
        core.db.journal.count().exec(),
        core.db.patients.count().exec(),
        core.db.catalog.count().exec(),
        core.db.appointments.count().exec(),
      ]);
      return { journal, patients, catalog, appointments };
    },
    async close() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
