// Settings → catalog: clinic details, a service and a package plan set up
// through the screens, validated as you type; accessibility and screenshots.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/harness.ts';

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

test('setting up a service and a package plan in Settings, checked as you type', async ({
  page,
  harness,
}) => {
  await harness.open(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const clinic = page.getByRole('region', { name: 'Clinic' });
  await expect(clinic.getByLabel('Currency (ISO code)')).toHaveValue('AUD');
  await clinic.getByLabel('Clinic name').fill('Harbour Physio');
  await clinic.getByLabel('Time zone').fill('Mars/Olympus');
  await expect(clinic.getByText('Time zone must be one such as Australia/Sydney.')).toBeVisible();
  await expect(clinic.getByRole('button', { name: 'Save clinic details' })).toBeDisabled();
  await clinic.getByLabel('Time zone').fill('Australia/Sydney');
  await clinic.getByRole('button', { name: 'Save clinic details' }).click();
  await expect(clinic.getByRole('status')).toHaveText('Clinic details saved.');

  const services = page.getByRole('region', { name: 'Services and prices' });
  await services.getByRole('button', { name: 'Add service' }).click();
  await services.getByLabel('Service name').fill('Physiotherapy');
  await services.getByLabel('Price').fill('80.005');
  await expect(services.getByRole('alert')).toContainText('decimal');
  await services.getByLabel('Price').fill('80.00');
  await services.getByLabel('Duration (minutes)').fill('45');
  await services.getByRole('button', { name: 'Add service' }).last().click();
  await expect(services.getByRole('status')).toHaveText('Physiotherapy saved.');
  const serviceRow = services.getByRole('row', { name: /Physiotherapy/ });
  await expect(serviceRow).toContainText('$80.00');
  await expect(serviceRow).toContainText('45');

  const plans = page.getByRole('region', { name: 'Package plans' });
  await plans.getByRole('button', { name: 'Add plan' }).click();
  await plans.getByLabel('Plan name').fill('Physio five');
  await plans.getByLabel('Sessions').fill('0');
  await expect(plans.getByText('Number of sessions must be at least 1.')).toBeVisible();
  await plans.getByLabel('Sessions').fill('5');
  await plans.getByLabel('Price').fill('350.00');
  await plans.getByLabel('Valid for (days, 0 = no expiry)').fill('90');
  await plans.getByRole('checkbox', { name: 'Physiotherapy' }).check();
  await plans.getByRole('checkbox', { name: 'A late cancellation uses a session' }).uncheck();
  await plans.getByRole('radio', { name: "The payer's credit" }).check();
  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'settings-catalog-form');
  await plans.getByRole('button', { name: 'Add plan' }).last().click();
  await expect(plans.getByRole('status')).toHaveText('Physio five saved.');
  const planRow = plans.getByRole('row', { name: /Physio five/ });
  await expect(planRow).toContainText('$350.00');
  await expect(planRow).toContainText('90');
  await expect(planRow).toContainText('Physiotherapy');
  await expect(planRow).toContainText('no-show');
  await expect(planRow).not.toContainText('late cancel');
  await expect(planRow).toContainText('credit');

  // Editing keeps the plan's id: still one row, with the new price.
  await planRow.getByRole('button', { name: 'Edit Physio five' }).click();
  await plans.getByLabel('Price').fill('360.00');
  await plans.getByRole('button', { name: 'Save plan' }).click();
  await expect(plans.getByRole('row', { name: /Physio five/ })).toHaveCount(1);
  await expect(plans.getByRole('row', { name: /Physio five/ })).toContainText('$360.00');

  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'settings-catalog');
});
