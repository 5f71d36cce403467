// Reports through the screen: today's takings by method, the credit liability at a
// date, a CSV download, an accounting export to a folder (and again: the same file),
// an accessibility scan and screenshots in both themes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';
import { addPatient, seedClinic, sellPaidPackage } from './support/seed.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function screenshots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/artifacts/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('takings, credit liability, CSV download and an accounting export from the Reports screen', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const ann = await addPatient(ops, 'Ann', 'Lee, "Jr"');
  await sellPaidPackage(ops, ann, clinic.strictPlanId);
  await ops.call('recordPayment', {
    payer: { type: 'patient', patientId: ann },
    method: 'cash',
    amount: '100.00',
  });
  ops.close();

  await harness.open(page);
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();

  // Daily takings (today, the default): card and cash, one row each, and the total.
  const report = page.getByRole('region', { name: 'Daily takings' });
  await expect(report.getByRole('row').filter({ hasText: 'card' }).first()).toContainText(
    '$350.00',
  );
  await expect(report.getByRole('row').filter({ hasText: 'cash' }).first()).toContainText(
    '$100.00',
  );
  await expect(report.locator('tfoot')).toContainText('$450.00');
  await expect(report.getByRole('img', { name: /Net takings per day chart/ })).toHaveCount(0); // one day: no line to draw
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'reports-takings');

  // Credit liability at today: Ann's 100.00, with her name as written.
  await page.getByLabel('Report').selectOption('credit');
  const credit = page.getByRole('region', { name: 'Account credit liability' });
  await expect(credit.getByRole('row').filter({ hasText: 'Ann Lee, "Jr"' })).toContainText(
    '$100.00',
  );

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^credit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv).toContain('"Ann Lee, ""Jr""",');
  expect(csv).toContain('100.00');

  // The trend report draws a chart.
  await page.getByLabel('Report').selectOption('trend');
  await expect(page.getByRole('img', { name: 'Account credit chart' })).toBeVisible();
  await screenshots(page, 'reports-trend');

  // Export Xero manual journals for this month to a folder, twice: the same file.
  const folder = join(harness.dataDirectory, 'exports');
  await page.getByLabel('Format').selectOption('xero-journals');
  await page.getByLabel('Folder').fill(folder);
  await page.getByRole('button', { name: 'Export to folder' }).click();
  const outcome = page.locator('.reports__outcome');
  await expect(outcome).toContainText('Exported. 2 entries');
  const name = (await outcome.getByRole('listitem').first().textContent())?.split(' ')[0] ?? '';
  const first = readFileSync(join(folder, name), 'utf8');
  expect(first).toContain('*Narration,*Date,Description,*AccountCode,*TaxRate,*Amount');
  await page.getByRole('button', { name: 'Export to folder' }).click();
  await expect(outcome).toContainText('This range was exported before: the same files again.');
  expect(readFileSync(join(folder, name), 'utf8')).toBe(first);
  expect(existsSync(join(harness.dataDirectory, 'exports.json'))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'reports-export');
});
