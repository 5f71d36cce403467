// Regression test for a lost edit the convergence property found. CouchDB's
// long poll can answer with a version of a document older than one this desk
// has pushed since: the answer is read on the server before the push lands and
// reaches RxDB after it. RxDB then sees the desk's copy equal to what it last
// pushed, takes the old version for a newer one from the server, and writes it
// over the desk's newer edit (the next long poll usually puts the edit back;
// a stop in between, or a further edit made on the old version, loses it for
// good). Here the fetch holds such an answer back until the newer edit is
// pushed, so the race happens every time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startCouchTestServer } from './testing/couch-test-server.ts';
import {
  createDesk,
  fastTiming,
  makePatient,
  waitFor,
  waitUntilConverged,
} from './testing/desk.ts';
import { startSyncSession, type SyncSession } from './sync-session.ts';

const credentials = { username: 'desk', password: 'correct horse' };

/**
 * A fetch that holds back long-poll answers about patients: the first one
 * carrying `marker` until `releaseStale()`, and (once `holdAll` is set) every
 * later one until `releaseAll()`.
 */
function holdingFetch(marker: string) {
  const gate = () => {
    let open: () => void = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    return { open, opened };
  };
  const stale = gate();
  const all = gate();
  const state = { held: 0, pushedEdit2: 0, holdAll: false };
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const response = await fetch(url, init);
    if (!url.pathname.includes('-patients/')) return response;
    const text = await response.text();
    if (url.searchParams.get('feed') === 'longpoll') {
      if (state.holdAll) await all.opened;
      else if (text.includes(marker)) {
        state.held++;
        await stale.opened;
      }
    }
    if (url.pathname.endsWith('/_bulk_docs') && String(init?.body).includes('Edit 2')) {
      state.pushedEdit2++;
    }
    return new Response(text, { status: response.status, headers: response.headers });
  };
  return {
    state,
    releaseStale: stale.open,
    releaseAll: () => {
      stale.open();
      all.open();
    },
    fetch: wrapped as typeof fetch,
  };
}

type Then = 'nothing' | 'restart' | 'edit again';

for (const then of ['nothing', 'restart', 'edit again'] as Then[]) {
  test(`an old version answered late never overwrites a newer local edit (then: ${then})`, async () => {
    const server = await startCouchTestServer({ credentials });
    const target = { serverUrl: server.url, databasePrefix: `clinic-${randomUUID().slice(0, 8)}` };
    const a = await createDesk('desk-a');
    const b = await createDesk('desk-b');
    const holding = holdingFetch('Edit 1');
    const sessions: SyncSession[] = [
      startSyncSession({
        db: a.db,
        target,
        credentials,
        timing: fastTiming,
        baseFetch: holding.fetch,
      }),
      startSyncSession({ db: b.db, target, credentials, timing: fastTiming }),
    ];
    try {
      await a.db.patients.insert(makePatient('p1', 'desk-a', '2026-02-01T09:00:00.000Z', 'Start'));
      await waitUntilConverged([a.db, b.db], 20_000, (c) => c['patients']?.length === 1);

      const seenOnA: string[] = [];
      const subscription = a.db.patients
        .findOne('p1')
        .$.subscribe((doc) => seenOnA.push(doc?.lastName ?? '(none)'));
      const edit = async (patch: { lastName?: string; phone?: string }, updatedAt: string) => {
        const doc = await a.db.patients.findOne('p1').exec();
        assert.ok(doc);
        await doc.incrementalPatch({ ...patch, updatedAt });
      };
      await edit({ lastName: 'Edit 1' }, '2026-02-01T09:00:01.000Z');
      // The long poll now answers with "Edit 1"; that answer is held back.
      await waitFor(
        () => holding.state.held,
        (n) => n > 0,
        10_000,
        'the long poll answer',
      );
      await edit({ lastName: 'Edit 2' }, '2026-02-01T09:00:02.000Z');
      await waitFor(
        () => holding.state.pushedEdit2,
        (n) => n > 0,
        10_000,
        'Edit 2 pushed',
      );
      await sessions[0]?.waitForInSync(10_000);
      const fromEdit2 = seenOnA.lastIndexOf('Edit 2');
      // The answer about "Edit 1" arrives after "Edit 2" was pushed.
      if (then === 'edit again') holding.state.holdAll = true;
      holding.releaseStale();
      await sessions[0]?.waitForInSync(10_000);
      if (then === 'restart') {
        await sessions[0]?.stop();
        sessions[0] = startSyncSession({ db: a.db, target, credentials, timing: fastTiming });
      }
      if (then === 'edit again') {
        // A later edit of another field, made on whatever desk A shows now.
        await edit({ phone: '0400 000 000' }, '2026-02-01T09:00:03.000Z');
        await sessions[0]?.waitForInSync(10_000);
        holding.releaseAll();
      }
      await sessions[0]?.waitForInSync(10_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      subscription.unsubscribe();

      assert.ok(
        seenOnA.slice(fromEdit2).every((name) => name === 'Edit 2'),
        `desk A's patient after the second edit: ${seenOnA.join(' → ')}`,
      );
      const contents = await waitUntilConverged([a.db, b.db], 20_000);
      const patient = (contents['patients'] as { lastName: string; phone: string }[])[0];
      assert.equal(patient?.lastName, 'Edit 2');
      if (then === 'edit again') assert.equal(patient?.phone, '0400 000 000');
      assert.deepEqual(a.audit.entries(), [], 'no conflict: it was never one');
    } finally {
      holding.releaseAll();
      await Promise.all(sessions.map((s) => s.stop()));
      await a.close();
      await b.close();
      await server.close();
    }
  });
}
