// Settings → Backups as a practice manager would use it: choose a folder, back
// up now, see the verified backup listed and the status bar updated; encrypt
// with a passphrase, restore (refused with a wrong passphrase, then the earlier
// desk back after the restart), and export everything as JSON.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';
import { openApp, startHarnessOn, stopHarness } from './support/restartable-harness.ts';

test('choose a folder, back up now, and see the verified backup', async ({ page, harness }) => {
  await harness.open(page);
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
    'Backup: no folder chosen',
  );
  await page.getByRole('button', { name: 'Settings' }).click();

  await page.getByLabel('Backup folder').fill('relative/folder');
  await expect(page.getByText('Give the full path of the folder')).toBeVisible();
  await page.getByLabel('Daily at').fill('9pm');
  await expect(page.getByText('Give the time as HH:MM, e.g. 21:00.')).toBeVisible();

  const folder = join(harness.dataDirectory, 'usb-backups');
  await page.getByLabel('Backup folder').fill(folder);
  await page.getByLabel('Daily at').fill('20:30');
  await page.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Backup settings saved.' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/written and verified\./)).toBeVisible();
  const rows = page.getByRole('table', { name: 'Backups in the folder' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Good');
  const files = readdirSync(folder);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^punchcard-.*\.pcbak$/);
  await expect(rows.nth(1)).toContainText(files[0]!);

  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
    /Backup: (?!no folder|none)/,
  );
});

test('an encrypted backup, a wrong passphrase refused, and a restore that brings back the earlier desk', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'punchcard-e2e-restore-'));
  const data = join(root, 'data');
  const folder = join(root, 'usb-backups');
  let harness = await startHarnessOn(data, ['--dev-staff']);
  try {
    const ops = await connectOps(harness.url);
    await ops.call('addPatient', { firstName: 'Before', lastName: 'Backup' });
    await openApp(page, harness.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Backup folder').fill(folder);
    await page.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Backup settings saved.' }),
    ).toBeVisible();

    // The passphrase: a strength hint as it is typed, twice, with the warning about losing it.
    const encryption = page.getByRole('region', { name: 'Encryption' });
    await expect(encryption).toContainText('Encrypted: no');
    await expect(encryption).toContainText('If it is lost, the encrypted backups cannot be read');
    await encryption.getByLabel('Backup passphrase', { exact: true }).fill('harbour');
    await expect(encryption.getByText('Too short: use at least 10 characters.')).toBeVisible();
    await encryption.getByLabel('Backup passphrase', { exact: true }).fill('harbour physio');
    await expect(encryption.getByText(/^Weak/)).toBeVisible();
    const passphrase = 'seven tidy lanterns humming softly';
    await encryption.getByLabel('Backup passphrase', { exact: true }).fill(passphrase);
    await expect(encryption.getByText('Strong.')).toBeVisible();
    await encryption.getByLabel('The same passphrase again').fill(`${passphrase}!`);
    await expect(encryption.getByText('The two entries are not the same.')).toBeVisible();
    await encryption.getByLabel('The same passphrase again').fill(passphrase);
    await encryption.getByRole('button', { name: 'Encrypt backups' }).click();
    await expect(encryption.getByText(/Passphrase saved/)).toBeVisible();
    await expect(encryption).toContainText('Encrypted: yes');

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText(/written and verified\./)).toBeVisible();
    const rows = page.getByRole('table', { name: 'Backups in the folder' }).getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Good, encrypted');

    // The desk moves on after the backup.
    await ops.call('addPatient', { firstName: 'After', lastName: 'Backup' });
    ops.close();

    // Restore: a wrong passphrase is refused in words, and nothing happens.
    await page.getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
    await dialog.getByLabel('Passphrase (if the backup is encrypted)').fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Check backup' }).click();
    await expect(dialog.getByText('The passphrase does not open this backup.')).toBeVisible();

    await dialog.getByLabel('Passphrase (if the backup is encrypted)').fill(passphrase);
    await dialog.getByRole('button', { name: 'Check backup' }).click();
    await expect(
      dialog.getByText(/^This replaces everything on this desk with the backup of /),
    ).toBeVisible();
    await expect(dialog).toContainText('a safety copy of the current data is kept');
    await dialog.getByRole('button', { name: 'Replace the data with this backup' }).click();
    await expect(dialog.getByText(/^Restored the backup of .*: 1 patients/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(dialog).toContainText('Punchcard starts again');

    // Where the app relaunches itself, the spec starts the harness again on the same folder.
    await stopHarness(harness);
    harness = await startHarnessOn(data, ['--dev-staff']);
    await openApp(page, harness.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Patients' })
      .click();
    const results = page.getByRole('listbox', { name: 'Matching patients' }).getByRole('option');
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText('Backup, Before');
    expect(readdirSync(join(data, 'safety-backups'))).toHaveLength(1);
  } finally {
    await stopHarness(harness);
    rmSync(root, { recursive: true, force: true });
  }
});

test('export all data as JSON into a folder', async ({ page, harness }) => {
  await harness.open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const out = join(harness.dataDirectory, 'exports');
  const region = page.getByRole('region', { name: 'Export' });
  await region.getByLabel('Export folder').fill('exports');
  await expect(region.getByText('Give the full path of the folder')).toBeVisible();
  await region.getByLabel('Export folder').fill(out);
  await region.getByRole('button', { name: 'Export all data as JSON' }).click();
  await expect(region.getByText(/^Exported \d+ records to /)).toBeVisible();
  const [name] = readdirSync(out);
  expect(name).toMatch(/^punchcard-export-.*\.json$/);
  const dump = JSON.parse(readFileSync(join(out, name!), 'utf8')) as {
    appVersion: string;
    exportedAt: string;
    collections: { name: string }[];
  };
  expect(dump.appVersion).not.toBe('');
  expect(dump.collections.map((collection) => collection.name)).toContain('patients');
});
