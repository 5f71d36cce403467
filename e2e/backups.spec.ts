// Settings → Backups as a practice manager would use it: choose a folder, back
// up now, see the verified backup listed and the status bar updated.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/harness.ts';

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
