// Settings → Sync as a practice manager would set it up: a real CouchDB-
// protocol test server (started here, on 127.0.0.1), a wrong password refused
// in words, then the right one; a patient added afterwards reaches the
// server's database and the status bar says the desk is up to date.
import { randomUUID } from 'node:crypto';
import { test, expect } from './support/harness.ts';
import { startCouchTestServer } from '../electron/sync/testing/couch-test-server.ts';

const credentials = { username: 'front-desk', password: 'sync-Pa55word' };

test('turn sync on in Settings, see a refusal in words, then a patient reach the server', async ({
  page,
  harness,
}) => {
  const server = await startCouchTestServer({ credentials });
  const prefix = `clinic-${randomUUID().slice(0, 8)}`;
  try {
    await harness.open(page);
    const statusBar = page.getByRole('contentinfo', { name: 'Status' });
    await expect(statusBar).toContainText('Sync: off');
    await statusBar.getByRole('button', { name: 'Sync: off' }).click();
    await expect(page.getByRole('heading', { name: 'Sync between desks' })).toBeVisible();
    const syncStatus = page.getByRole('status', { name: 'Sync status' });
    await expect(syncStatus).toHaveText('Sync is off');

    await page.getByLabel('Server address').fill('couch.clinic');
    await expect(page.getByText('Give the server address as a web address')).toBeVisible();
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('Database prefix').fill(prefix);
    await page.getByLabel('Sync this desk with the clinic’s server').check();
    await page.getByLabel('User name').fill(credentials.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(syncStatus).toHaveText(
      'Sync error: The server refused the user name or password.',
    );
    await expect(statusBar).toContainText(
      'Sync error: The server refused the user name or password.',
    );
    // Write-only: nothing typed stays in the form once saved.
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByText('A user name and password are saved')).toBeVisible();

    await page.getByLabel('User name').fill(credentials.username);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    await expect(syncStatus).toHaveText('Up to date', { timeout: 20_000 });
    await expect(statusBar).toContainText('Sync: up to date');

    await page.getByRole('button', { name: 'Patients', exact: true }).click();
    await page.getByRole('button', { name: 'New patient' }).click();
    await page.getByLabel('First name').fill('Hemi');
    await page.getByLabel('Last name').fill('Walker');
    await page.getByRole('button', { name: 'Add patient' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Hemi Walker was added.' }),
    ).toBeVisible();

    const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    await expect
      .poll(
        async () => {
          const answer = await fetch(
            `${server.url}/${prefix}-patients/_all_docs?include_docs=true`,
            {
              headers: { Authorization: authorization },
            },
          );
          const body = (await answer.json()) as { rows?: { doc?: { lastName?: string } }[] };
          return (body.rows ?? []).map((row) => row.doc?.lastName);
        },
        { timeout: 20_000 },
      )
      .toContain('Walker');
    await expect(statusBar).toContainText('Sync: up to date');
    await expect(page.locator('body')).not.toContainText(credentials.password);
  } finally {
    await server.close();
  }
});
