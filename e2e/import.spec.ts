// Moving in from another system through the screen: a Cliniko patient export,
// then opening credit and open packages from the templates. The dry run lists
// what will be created and each bad row with its line and reason; nothing is
// written until "Import"; the same file again imports nothing new; Cancel
// leaves nothing; the balances then show on the patient's record.
import { join } from 'node:path';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';
import type { Page } from '@playwright/test';

const fixtures = join(import.meta.dirname, '..', 'electron', 'import', 'fixtures');

async function chooseFile(page: Page, kind: string, file: string) {
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('CSV file').setInputFiles(join(fixtures, file));
}

test('import patients, opening credit and packages: dry run, confirm, idempotent, cancel', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const plan = {
    eligibleServiceIds: [],
    lateCancelUsesSession: true,
    noShowUsesSession: true,
    expiryRule: 'breakage' as const,
  };
  await ops.call('savePackagePlan', {
    name: '5 x Physio',
    sessions: 5,
    price: '400.00',
    validityDays: 180,
    ...plan,
  });
  await ops.call('savePackagePlan', {
    name: '10 Pilates classes',
    sessions: 10,
    price: '250.00',
    validityDays: 0,
    ...plan,
  });
  ops.close();

  await harness.open(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Import' })
    .click();
  await expect(page.getByRole('heading', { name: 'Import from another system' })).toBeVisible();

  // Cliniko's export: the dry run, with each bad row's line and reason.
  await chooseFile(page, 'Patients', 'cliniko-patients.csv');
  await expect(page.getByRole('status')).toHaveText(
    '4 patients to create; 3 rows with problems (not imported).',
  );
  await expect(page.getByText('Read as utf-8, Cliniko’s patient export')).toBeVisible();
  const problems = page.getByRole('table', { name: /Rows that will not be imported/ });
  await expect(problems.getByRole('row')).toHaveCount(4);
  await expect(problems).toContainText('6Last name is missing.');
  await expect(problems).toContainText(/7Date of birth: "31\/02\/1990" is not a date/);
  await expect(problems).toContainText('8Same patient as line 2.');
  await expect(page.getByText('Line 4 Patient Zoë Smith, Jr, born 1985-03-17')).toBeVisible();

  // Nothing is on file until confirmed.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Patients' })
    .click();
  await expect(page.getByText('Nguyen, Olivia')).toHaveCount(0);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Import' })
    .click();

  await chooseFile(page, 'Patients', 'generic-patients.csv');
  await expect(page.getByRole('status')).toHaveText(
    '3 patients to create; 4 rows with problems (not imported).',
  );
  await page.getByRole('button', { name: 'Import 3' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported 3 patients.');

  // The same file again creates nothing.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseFile(page, 'Patients', 'generic-patients.csv');
  await expect(page.getByRole('status')).toHaveText(
    '0 patients to create; 3 rows already imported (skipped); 4 rows with problems (not imported).',
  );
  await expect(page.getByRole('button', { name: 'Import 0' })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status')).toHaveText('Import cancelled: nothing was written.');

  // Opening credit, then open packages.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseFile(page, 'Opening account credit', 'generic-credit.csv');
  await expect(page.getByRole('status')).toHaveText(
    '3 opening credits to create; 5 rows with problems (not imported).',
  );
  await expect(problems).toContainText(/5No patient #P-9 Gus Hill has been imported/);
  await page.getByRole('button', { name: 'Import 3' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported 3 opening credits.');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseFile(page, 'Open packages', 'generic-packages.csv');
  await expect(problems).toContainText(/4No package plan is called "Massage 3-pack"/);
  await page.getByRole('button', { name: 'Import 3' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported 3 packages.');

  // The balances on the patient's record.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Patients' })
    .click();
  await page.getByRole('combobox', { name: /Search patients/ }).fill('Silva');
  await page.getByRole('option', { name: /Silva, Ana/ }).click();
  await expect(page.getByText('5 x Physio').first()).toBeVisible();
  await expect(page.getByRole('main')).toContainText('120.00');
  await expect(page.getByRole('main')).toContainText('Opening balance');
});
