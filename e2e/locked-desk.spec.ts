// A locked desk does not serve data: with nobody signed in, a query sent from
// the page through its storage port (the harness's storage socket, as the
// page's own database uses it) is refused; after sign-in the patient list
// shows again and follows changes live, without a reload. A refused read
// also makes the page show the sign-in screen at once.
import type { Page } from '@playwright/test';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';

test.use({ signedIn: false });

interface StorageMessage {
  connectionId: string;
  method: string;
  params: unknown;
}

/** Replays the page's own "open the patients collection" and "query" messages on a new connection. */
function probe(page: Page, create: StorageMessage, query: StorageMessage) {
  return page.evaluate(
    async ({ create, query }) => {
      const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
      const socket = new WebSocket(
        `ws://${location.host}/storage?token=${encodeURIComponent(token)}`,
      );
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = reject;
      });
      const connectionId = `probe-${crypto.randomUUID()}`;
      type Answer = { answerTo?: string; error?: { name?: string; message?: string } };
      const ask = (message: object, requestId: string) =>
        new Promise<Answer>((resolve) => {
          socket.addEventListener('message', (event) => {
            const answer = JSON.parse(String(event.data)) as Answer;
            if (answer.answerTo === requestId) resolve(answer);
          });
          socket.send(JSON.stringify({ ...message, connectionId, requestId }));
        });
      const created = await ask(create, `${connectionId}|create`);
      const answer = await ask(query, `${connectionId}|query`);
      socket.close();
      return { created, answer, text: JSON.stringify(answer) };
    },
    { create, query },
  );
}

test('locked: a query from the page is refused; signed in again: the patient list shows and stays live', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  await ops.call('createFirstManager', { name: 'Mia', secret: '2468' });
  await ops.call('addPatient', { firstName: 'Ada', lastName: 'Lovelace' });

  // What the page sends on its storage socket: its own messages are the probe's templates.
  const sent: StorageMessage[] = [];
  // And when refusals arrive and the page asks who is signed in (times in ms).
  const refusalsAt: number[] = [];
  const authAsksAt: number[] = [];
  page.on('websocket', (socket) => {
    if (socket.url().includes('/ops')) {
      socket.on('framesent', (frame) => {
        if (String(frame.payload).includes('"authStatus"')) authAsksAt.push(Date.now());
      });
    }
    if (!socket.url().includes('/storage')) return;
    socket.on('framesent', (frame) => sent.push(JSON.parse(String(frame.payload))));
    socket.on('framereceived', (frame) => {
      if (String(frame.payload).includes('"DeskLocked"')) refusalsAt.push(Date.now());
    });
  });
  await harness.open(page);
  const patients = page.getByRole('listbox', { name: 'Matching patients' }).getByRole('option');
  await expect(patients).toHaveText([/Lovelace, Ada/]);
  const create = sent.find(
    (m) =>
      m.method === 'create' &&
      (m.params as { collectionName?: string }).collectionName === 'patients',
  );
  const query = sent.find((m) => m.method === 'query' && m.connectionId === create?.connectionId);
  expect(create && query, 'the page opened and queried the patients collection').toBeTruthy();

  // Signed in, the probe reads what the page reads.
  const open = await probe(page, create!, query!);
  expect(open.created.error).toBeUndefined();
  expect(open.answer.error).toBeUndefined();
  expect(open.text).toContain('Lovelace');

  // Locked from the status bar: the same query is refused, and carries no patient data.
  const status = page.getByRole('contentinfo', { name: 'Status' });
  await status.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const locked = await probe(page, create!, query!);
  expect(locked.created.error, 'opening a collection needs no sign-in').toBeUndefined();
  expect(locked.answer.error?.name).toBe('DeskLocked');
  expect(locked.answer.error?.message).toContain(
    'The desk is locked: sign in to see patients and accounts.',
  );
  expect(locked.text).not.toContain('Lovelace');

  // Signed in again: the list is back, without a reload, and follows changes live.
  await page.getByLabel('PIN or password').fill('2468');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(status).toContainText('Signed in: Mia (manager)');
  await expect(patients).toHaveText([/Lovelace, Ada/]);
  await ops.call('addPatient', { firstName: 'Grace', lastName: 'Hopper' });
  await expect(patients).toHaveText([/Hopper, Grace/, /Lovelace, Ada/]);

  // Locked from elsewhere (another window): the page's next read is refused, and the
  // page asks who is signed in at once (not at its next poll), so the sign-in shows.
  await ops.call('lock', {});
  const lockedAt = Date.now();
  // Today is opened without key or pointer events (the gate's activity report plays no
  // part); its appointments query is the page's next read. (Typing in the patient search
  // no longer reads: it filters the window's own live index of patients.)
  await page.evaluate(() => {
    const today = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find(
      (button) => button.textContent?.trim() === 'Today',
    )!;
    today.click();
  });
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const refusedAt = refusalsAt.find((at) => at >= lockedAt);
  expect(refusedAt, 'the page read and was refused').toBeDefined();
  expect(
    authAsksAt.some((at) => at >= refusedAt! && at - refusedAt! < 1_000),
    'the refusal itself made the page ask who is signed in',
  ).toBe(true);
  ops.close();
});
