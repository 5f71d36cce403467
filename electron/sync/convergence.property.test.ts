// Property: whatever the interleaving of writes (insert-only entries and
// edits of the same patients) and connectivity (a desk's sync turned off and
// on, the server going away and back) across three desks, once everything is
// connected all desks hold identical contents: every entry, and for each
// patient the latest edit (clocks here are in step, so by the declared rule
// the latest edit is the one every desk keeps).
// Under load it once found a lost edit (an outdated long-poll answer written
// over a newer local edit); stale-pull.test.ts replays that case exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { startCouchTestServer } from './testing/couch-test-server.ts';
import {
  createDesk,
  fastTiming,
  makePatient,
  waitUntilConverged,
  type Desk,
} from './testing/desk.ts';
import { startSyncSession, type SyncSession } from './sync-session.ts';

const credentials = { username: 'desk', password: 'correct horse' };
const patientIds = ['p1', 'p2'];

type Step =
  | { kind: 'entry'; desk: number }
  | { kind: 'edit'; desk: number; patient: string }
  | { kind: 'toggle-desk'; desk: number }
  | { kind: 'toggle-server' }
  | { kind: 'pause' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('entry' as const), desk: fc.nat(2) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      desk: fc.nat(2),
      patient: fc.constantFrom(...patientIds),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('toggle-desk' as const), desk: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'toggle-server' }) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'pause' }) },
);

test(
  'property: three desks converge to identical contents under any interleaving',
  { timeout: 90_000 },
  async () => {
    const server = await startCouchTestServer({ credentials });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
          const target = {
            serverUrl: server.url,
            databasePrefix: `clinic-${randomUUID().slice(0, 8)}`,
          };
          const desks = await Promise.all(['desk-a', 'desk-b', 'desk-c'].map(createDesk));
          const sessions: (SyncSession | undefined)[] = desks.map((d) =>
            startSyncSession({ db: d.db, target, credentials, timing: fastTiming }),
          );
          let serverUp = true;
          let clock = Date.UTC(2026, 1, 1, 9);
          const tick = () => new Date((clock += 1000)).toISOString();
          const latest = new Map<string, string>();
          let entries = 0;
          try {
            // Every desk starts from the same patients.
            for (const id of patientIds) {
              const at = tick();
              await (desks[0] as Desk).db.patients.insert(makePatient(id, 'desk-a', at, 'Start'));
              latest.set(id, `Start`);
            }
            await waitUntilConverged(
              desks.map((d) => d.db),
              20_000,
              (c) => c['patients']?.length === patientIds.length,
            );

            for (const s of steps) {
              switch (s.kind) {
                case 'entry': {
                  const desk = desks[s.desk] as Desk;
                  entries++;
                  await desk.db.testEntries.insert({
                    id: `e-${entries}`,
                    deskId: desk.deskId,
                    memo: 'spent',
                    amount: '-1.00',
                  });
                  break;
                }
                case 'edit': {
                  const desk = desks[s.desk] as Desk;
                  const doc = await desk.db.patients.findOne(s.patient).exec();
                  assert.ok(doc, 'patients are never lost');
                  const lastName = `Edit ${clock} on ${desk.deskId}`;
                  await doc.incrementalPatch({ lastName, updatedAt: tick(), deskId: desk.deskId });
                  latest.set(s.patient, lastName);
                  break;
                }
                case 'toggle-desk': {
                  const running = sessions[s.desk];
                  if (running) {
                    await running.stop();
                    sessions[s.desk] = undefined;
                  } else {
                    sessions[s.desk] = startSyncSession({
                      db: (desks[s.desk] as Desk).db,
                      target,
                      credentials,
                      timing: fastTiming,
                    });
                  }
                  break;
                }
                case 'toggle-server':
                  if (serverUp) await server.stop();
                  else await server.start();
                  serverUp = !serverUp;
                  break;
                case 'pause':
                  await new Promise((resolve) => setTimeout(resolve, 150));
                  break;
              }
            }

            if (!serverUp) await server.start();
            serverUp = true;
            for (let i = 0; i < desks.length; i++) {
              sessions[i] ??= startSyncSession({
                db: (desks[i] as Desk).db,
                target,
                credentials,
                timing: fastTiming,
              });
            }
            const contents = await waitUntilConverged(
              desks.map((d) => d.db),
              30_000,
              (c) => c['testEntries']?.length === entries,
            );
            const patients = contents['patients'] as { id: string; lastName: string }[];
            for (const id of patientIds) {
              assert.equal(
                patients.find((p) => p.id === id)?.lastName,
                latest.get(id),
                `patient ${id} keeps its latest edit; conflicts resolved (kept ← discarded): ${JSON.stringify(
                  desks.map((d) =>
                    d.audit
                      .entries()
                      .map(
                        (e) => `${String(e.kept['lastName'])} ← ${String(e.discarded['lastName'])}`,
                      ),
                  ),
                )}`,
              );
            }
          } finally {
            await Promise.all(sessions.map((s) => s?.stop()));
            await Promise.all(desks.map((d) => d.close()));
            if (!serverUp) await server.start();
          }
        }),
        { numRuns: 20 },
      );
    } finally {
      await server.close();
    }
  },
);
