// A connection that drops mid-sync resumes from its checkpoint: within a
// session (the network fails for a while) and across sessions (sync stopped
// and started again) the pull continues where it was, not from the start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startCouchTestServer } from './testing/couch-test-server.ts';
import { createDesk, fastTiming, waitFor } from './testing/desk.ts';
import { startSyncSession } from './sync-session.ts';

const credentials = { username: 'desk', password: 'correct horse' };
const total = 600;
const batchSize = 50;

interface PullRecord {
  since: string;
  documents: number;
}

/** A fetch that records each catch-up pull, slows it down, and can cut the network. */
function recordingFetch() {
  const pulls: PullRecord[] = [];
  const state = { cut: false };
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    if (state.cut) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    const response = await fetch(url, init);
    if (
      url.pathname.endsWith('/_changes') &&
      url.searchParams.get('feed') === 'normal' &&
      url.pathname.includes('test_entries')
    ) {
      const text = await response.text();
      const body = JSON.parse(text) as { results?: unknown[] };
      pulls.push({
        since: url.searchParams.get('since') ?? '',
        documents: body.results?.length ?? 0,
      });
      await new Promise((resolve) => setTimeout(resolve, 40));
      return new Response(text, { status: response.status, headers: response.headers });
    }
    return response;
  };
  return { pulls, state, fetch: wrapped as typeof fetch };
}

test('an interrupted initial sync resumes from its checkpoint, within and across sessions', async () => {
  const server = await startCouchTestServer({ credentials });
  const target = { serverUrl: server.url, databasePrefix: `clinic-${randomUUID().slice(0, 8)}` };
  const source = await createDesk('desk-a');
  const desk = await createDesk('desk-b');
  const sourceSession = startSyncSession({
    db: source.db,
    target,
    credentials,
    timing: fastTiming,
    batchSize: 200,
  });
  try {
    await source.db.testEntries.bulkInsert(
      Array.from({ length: total }, (_, i) => ({
        id: `e-${String(i).padStart(5, '0')}`,
        deskId: 'desk-a',
        memo: 'entry',
        amount: '1.00',
      })),
    );
    await sourceSession.waitForInSync(20_000);

    // Session 1: the network drops after a few batches, then returns.
    const first = recordingFetch();
    const session1 = startSyncSession({
      db: desk.db,
      target,
      credentials,
      timing: fastTiming,
      batchSize,
      baseFetch: first.fetch,
    });
    await waitFor(
      () => first.pulls.length,
      (n) => n >= 3,
      10_000,
      'three pulls',
    );
    first.state.cut = true;
    await waitFor(
      () => session1.status().state,
      (s) => s === 'offline',
      5_000,
      'offline',
    );
    const pullsBeforeCut = first.pulls.length;
    const lastSinceBeforeCut = first.pulls.at(-1)?.since;
    first.state.cut = false;
    await waitFor(
      () => first.pulls.length,
      (n) => n > pullsBeforeCut + 1,
      10_000,
      'pulls after the drop',
    );
    const afterCut = first.pulls[pullsBeforeCut];
    assert.ok(
      afterCut !== undefined && afterCut.since !== '0',
      `the pull after the drop continues (since=${afterCut?.since})`,
    );
    assert.notEqual(afterCut.since, first.pulls[0]?.since);
    assert.ok(lastSinceBeforeCut !== undefined);

    // Stop in the middle, with part of the documents here.
    const before = await desk.db.testEntries.count().exec();
    await session1.stop(0); // abruptly, like a crash or a pulled cable
    const had = await desk.db.testEntries.count().exec();
    assert.ok(had >= before && had < total, `stopped mid-sync with ${had} of ${total}`);

    // Session 2 starts from the stored checkpoint, not from zero.
    const second = recordingFetch();
    const session2 = startSyncSession({
      db: desk.db,
      target,
      credentials,
      timing: fastTiming,
      batchSize,
      baseFetch: second.fetch,
    });
    try {
      const deadline = Date.now() + 20_000;
      while ((await desk.db.testEntries.count().exec()) < total) {
        if (Date.now() > deadline) throw new Error('session 2 did not finish');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.notEqual(second.pulls[0]?.since, '0', 'session 2 resumes from the checkpoint');
      const pulledAgain = second.pulls.reduce((sum, p) => sum + p.documents, 0);
      assert.ok(
        pulledAgain <= total - had + batchSize,
        `pulled ${pulledAgain} documents again (had ${had} of ${total})`,
      );
    } finally {
      await session2.stop();
    }
  } finally {
    await sourceSession.stop();
    await Promise.all([source.close(), desk.close()]);
    await server.close();
  }
});
