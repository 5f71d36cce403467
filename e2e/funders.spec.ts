// Funders through the screens: a charity's prepayment for one patient
// (scenario 2) — the funder page shows received, held, spent and remaining,
// the patient's record shows the money held, the statement renders; and an
// employer's lump sum split across several patients (scenario 5).
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function screenshots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/artifacts/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openRecord(page: Page, search: string, name: string) {
  await page.getByRole('button', { name: 'Patients', exact: true }).click();
  await page.getByRole('combobox', { name: /Search patients/ }).fill(search);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

const chip = (scope: Page | Locator, list: string, label: string): Locator =>
  scope.getByRole('list', { name: list }).getByRole('listitem').filter({ hasText: label });

test("a charity's prepayment for one patient: received, held, spent and remaining, the patient's held chip, and the statement", async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const service = await ops.call('saveService', {
    name: 'Counselling',
    price: '80.00',
    durationMinutes: 50,
  });
  const sam = await ops.call('addPatient', { firstName: 'Sam', lastName: 'Rivera' });
  await harness.open(page);

  // Add the charity through the funders screen, checked as you type.
  await page.getByRole('button', { name: 'Funders', exact: true }).click();
  await expect(page.getByText('No funders yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add funder' }).click();
  const form = page.getByRole('dialog', { name: 'Add a funder' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Hope Foundation');
  await form.getByLabel('Kind').selectOption('charity');
  await form.getByLabel('Contact name').fill('Pat Kim');
  await form.getByLabel('Email').fill('pat@');
  await expect(form.getByText('Email must look like name@example.com.')).toBeVisible();
  await form.getByLabel('Email').fill('pat@hope.org');
  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'dialog-funder');
  await form.getByRole('button', { name: 'Add funder' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('status').first()).toHaveText('Hope Foundation saved.');
  await expect(page.getByRole('heading', { name: 'Hope Foundation' })).toBeVisible();

  // The charity pays in advance for Sam: recorded on Sam's record, paid by the funder.
  await openRecord(page, 'rivera', 'Rivera, Sam');
  await page.getByRole('button', { name: 'Record payment' }).click();
  const pay = page.getByRole('dialog', { name: /Record a payment/ });
  await pay.getByLabel('Paid by').selectOption({ label: 'Hope Foundation (funder)' });
  await pay.getByLabel('Method').selectOption('eft');
  await pay.getByLabel('Amount').fill('400.00');
  await expect(pay).toContainText('$400.00 is held by Hope Foundation for Sam Rivera.');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay).toBeHidden();
  await expect(chip(page, 'Balances', 'Held by Hope Foundation')).toContainText('$400.00');
  await expect(chip(page, 'Balances', 'Account credit')).toContainText('$0.00');

  // A session delivered and paid from the funder's money.
  const booked = await ops.call('bookAppointment', {
    patientId: sam.id,
    serviceId: service.id,
    practitionerId: 'dr-lee',
    start: new Date(Date.now() - 3_600_000).toISOString(),
  });
  const funders = await ops.call('patientAccount', { patientId: sam.id });
  const funderId = funders.balances.funderHeld[0]?.funderId ?? '';
  await ops.call('checkOutAppointment', {
    appointmentId: booked.appointment.id,
    funderHeld: [{ funderId, amount: '80.00' }],
  });
  await expect(chip(page, 'Balances', 'Held by Hope Foundation')).toContainText('$320.00');
  const history = page.getByRole('table', { name: /Money history/ });
  await expect(history.getByRole('row', { name: /Visit checked out/ })).toContainText('−$80.00');

  // The funder's page: received, held, spent, remaining, and Sam's row.
  await page.getByRole('button', { name: 'Funders', exact: true }).click();
  await expect(chip(page, 'Totals', 'Received')).toContainText('$400.00');
  await expect(chip(page, 'Totals', 'Held for patients')).toContainText('$320.00');
  await expect(chip(page, 'Totals', 'Spent on sessions')).toContainText('$80.00');
  await expect(chip(page, 'Totals', 'Remaining')).toContainText('$320.00');
  const row = page.getByRole('table', { name: 'Money per patient' }).getByRole('row', {
    name: /Sam Rivera/,
  });
  await expect(row).toContainText('$400.00');
  await expect(row).toContainText('$80.00');
  await expect(row).toContainText('$320.00');
  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'funders');

  // The statement renders, and prints as a page of its own.
  await page.getByRole('button', { name: 'Statement' }).click();
  const statement = page.getByRole('dialog', { name: 'Funder statement — Hope Foundation' });
  const sheet = statement.getByRole('article');
  await expect(sheet).toContainText('Statement for Hope Foundation');
  await expect(sheet).toContainText('Attention: Pat Kim');
  await expect(sheet.getByRole('row', { name: /Sam Rivera/ })).toContainText('$320.00');
  await expect(sheet).toContainText('Spent on sessions delivered$80.00');
  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'funder-statement');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app')).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/funder-statement-print.png' });
  await page.emulateMedia({ media: 'screen' });
});

test("an employer's lump sum split across several patients, the rest split later", async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  await ops.call('saveFunder', { name: 'Acme Mining', kind: 'employer', contactName: 'HR' });
  for (const [first, last] of [
    ['Ava', 'Stone'],
    ['Ben', 'Stone'],
    ['Cy', 'Quarry'],
  ] as const) {
    await ops.call('addPatient', { firstName: first, lastName: last });
  }
  await harness.open(page);
  await page.getByRole('button', { name: 'Funders', exact: true }).click();
  await page.getByRole('button', { name: 'Record lump sum' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a lump sum — Acme Mining' });
  await dialog.getByLabel('Amount received').fill('900.00');
  await dialog.getByLabel('Reference (optional)').fill('ACME-2026-11');
  const pick = async (index: number, search: string, name: string, amount: string) => {
    await dialog.getByRole('combobox', { name: `Patient ${index}` }).fill(search);
    await dialog.getByRole('option', { name: new RegExp(name) }).click();
    await dialog.getByLabel(`Amount for patient ${index}`).fill(amount);
  };
  await pick(1, 'ava', 'Ava Stone', '300.00');
  await dialog.getByRole('button', { name: 'Add a patient' }).click();
  await pick(2, 'ben', 'Ben Stone', '300.00');
  await dialog.getByRole('button', { name: 'Add a patient' }).click();
  await pick(3, 'quarry', 'Cy Quarry', '400.00');
  await expect(dialog.getByText('$100.00 more than received')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Record lump sum' })).toBeDisabled();
  await dialog.getByLabel('Amount for patient 3').fill('200.00');
  await expect(dialog.getByText('Left to split: $100.00')).toBeVisible();
  await expect(dialog).toContainText(
    '$800.00 is held for 3 patients; $100.00 stays with Acme Mining',
  );
  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'dialog-lump-sum');
  await dialog.getByRole('button', { name: 'Record lump sum' }).click();
  await expect(dialog).toBeHidden();
  await expect(chip(page, 'Totals', 'Received')).toContainText('$900.00');
  await expect(chip(page, 'Totals', 'Held for patients')).toContainText('$800.00');
  await expect(chip(page, 'Totals', 'Not yet split')).toContainText('$100.00');
  const table = page.getByRole('table', { name: 'Money per patient' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('table', { name: 'Lump sums received' })).toContainText(
    'ACME-2026-11',
  );

  // The rest, split later.
  await page.getByRole('button', { name: 'Split money not yet split' }).click();
  const split = page.getByRole('dialog', { name: 'Split money held — Acme Mining' });
  await expect(split).toContainText('Not yet split: $100.00');
  await split.getByRole('combobox', { name: 'Patient 1' }).fill('cy');
  await split.getByRole('option', { name: /Cy Quarry/ }).click();
  await split.getByLabel('Amount for patient 1').fill('100.00');
  await split.getByRole('button', { name: 'Split money' }).click();
  await expect(split).toBeHidden();
  await expect(chip(page, 'Totals', 'Not yet split')).toContainText('$0.00');
  await expect(table.getByRole('row', { name: /Cy Quarry/ })).toContainText('$300.00');

  // Each patient's record shows the money the employer holds for them.
  await table.getByRole('button', { name: 'Cy Quarry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cy Quarry');
  await expect(chip(page, 'Balances', 'Held by Acme Mining')).toContainText('$300.00');
});
