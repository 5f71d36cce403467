// Check-out of an appointment (the per-appointment credit application):
// ledger scenario 4 through the screens, price changes, payments by method,
// refusals from the main process next to their field, and the receipt.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/harness.ts';
import { connectOps, type OpsClient } from './support/ops-client.ts';
import { addPatient, book, localAt, rowOf, seedClinic } from './support/seed.ts';

async function seriousViolations(page: Page) {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('check-out with credit applied automatically; opting out leaves the invoice owing and the credit intact', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const grace = await addPatient(ops, 'Grace', 'Hopper');
  await ops.call('recordPayment', {
    payer: { type: 'patient', patientId: grace },
    method: 'cash',
    amount: '100.00',
  });
  const visit = { patientId: grace, serviceId: clinic.serviceId };
  await book(ops, { ...visit, start: localAt(0, 9) });
  await book(ops, { ...visit, start: localAt(0, 10) });
  await book(ops, { ...visit, start: localAt(0, 11) });
  await harness.open(page);
  await page.getByRole('button', { name: 'Today', exact: true }).click();

  // First visit: 80.00 of the 100.00 credit is applied without asking.
  await rowOf(page, 'Grace Hopper', '09:00').getByRole('button', { name: 'Check out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check out — Grace Hopper' });
  const credit = dialog.getByLabel('Account credit');
  await expect(credit).toHaveValue('80.00');
  await expect(dialog.getByText('Available $100.00')).toBeVisible();
  await expect(dialog.locator('.checkout__figure', { hasText: 'Left owing' })).toContainText(
    '$0.00',
  );

  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  await page.screenshot({ path: 'e2e/artifacts/checkout-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'e2e/artifacts/checkout-dark.png' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  await dialog.getByRole('button', { name: 'Save check-out' }).click();
  const done = page.getByRole('dialog', { name: 'Checked out' });
  const receipt = done.getByRole('article', { name: 'Receipt' });
  await expect(receipt).toContainText('Grace Hopper');
  await expect(receipt).toContainText('Account credit');
  await expect(receipt).toContainText('$80.00');
  await expect(receipt).toContainText(/INV-\d{6}/);
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(rowOf(page, 'Grace Hopper', '09:00')).toContainText('Paid');

  // Second visit: the 20.00 left is offered; the desk opts out, and the invoice stays owing.
  await rowOf(page, 'Grace Hopper', '10:00').getByRole('button', { name: 'Check out' }).click();
  await expect(credit).toHaveValue('20.00');
  await expect(dialog.getByText('Available $20.00')).toBeVisible();
  await expect(dialog.locator('.checkout__figure', { hasText: 'Left owing' })).toContainText(
    '$60.00',
  );
  await dialog.getByRole('button', { name: "Don't use credit" }).click();
  await expect(credit).toHaveValue('');
  await expect(dialog.locator('.checkout__figure', { hasText: 'Left owing' })).toContainText(
    '$80.00',
  );
  await dialog.getByRole('button', { name: 'Save check-out' }).click();
  await expect(page.getByRole('dialog', { name: 'Checked out' }).getByRole('status')).toContainText(
    '$80.00 left owing',
  );
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(rowOf(page, 'Grace Hopper', '10:00')).toContainText('Owing $80.00');
  await expect(page.getByText('1 owing')).toBeVisible();

  // The credit is intact: the next visit's check-out still has 20.00 available.
  await rowOf(page, 'Grace Hopper', '11:00').getByRole('button', { name: 'Check out' }).click();
  await expect(dialog.getByText('Available $20.00')).toBeVisible();
  await expect(credit).toHaveValue('20.00');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  ops.close();
});

test('a changed price needs a reason, payments are taken by method, and the receipt prints alone', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const alan = await addPatient(ops, 'Alan', 'Turing');
  await book(ops, { patientId: alan, serviceId: clinic.serviceId, start: localAt(0, 9, 30) });
  await harness.open(page);
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await rowOf(page, 'Alan Turing').getByRole('button', { name: 'Check out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check out — Alan Turing' });

  // No credit: nothing pre-filled, all 80.00 left owing until paid.
  await expect(dialog.locator('.checkout__figure', { hasText: 'Left owing' })).toContainText(
    '$80.00',
  );
  const price = dialog.getByLabel('Price of Physio consult');
  await price.fill('65.5');
  await expect(dialog.getByText('Was $80.00')).toBeVisible();
  await price.fill('65.555');
  await expect(dialog.getByText(/has 3 decimal places/)).toBeVisible();
  await price.fill('65.50');
  await dialog.getByRole('button', { name: 'Add payment' }).click();
  await expect(dialog.getByLabel('Card amount')).toHaveValue('65.50');
  await dialog.getByLabel('Method').selectOption('cash');
  await dialog.getByLabel('Cash amount').fill('70.00');
  await expect(dialog.locator('.checkout__figure', { hasText: 'kept as credit' })).toContainText(
    '$4.50',
  );
  await dialog.getByRole('button', { name: 'Save check-out' }).click();
  await expect(dialog.getByText('Say why the price was changed.')).toBeVisible();
  await dialog.getByLabel('Reason for the price change').fill('Concession rate');
  await dialog.getByRole('button', { name: 'Save check-out' }).click();

  const done = page.getByRole('dialog', { name: 'Checked out' });
  const receipt = done.getByRole('article', { name: 'Receipt' });
  await expect(receipt).toContainText('Cash');
  await expect(receipt).toContainText('$70.00');
  await expect(receipt).toContainText('kept as account credit');
  await expect(receipt).toContainText('$4.50');
  await expect(receipt).toContainText(/RCT-\d{6}/);
  await page.screenshot({ path: 'e2e/artifacts/checkout-receipt-light.png' });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'e2e/artifacts/receipt-print.png' });
  await expect(page.getByRole('button', { name: 'Print receipt' })).toBeHidden();
  const printed = page.locator('.receipt-print .receipt');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText('Alan Turing');
  await expect(printed).toContainText('$65.50');
  await page.emulateMedia({ media: 'screen' });
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(rowOf(page, 'Alan Turing')).toContainText('Paid');
  ops.close();
});

test('a refusal from the main process is shown in words next to its field', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const ken = await addPatient(ops, 'Ken', 'Thompson');
  const dennis = await addPatient(ops, 'Dennis', 'Ritchie');
  await ops.call('recordPayment', {
    payer: { type: 'patient', patientId: ken },
    method: 'card',
    amount: '100.00',
  });
  await book(ops, { patientId: ken, serviceId: clinic.serviceId, start: localAt(0, 14) });
  await harness.open(page);
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await rowOf(page, 'Ken Thompson').getByRole('button', { name: 'Check out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check out — Ken Thompson' });
  await expect(dialog.getByLabel('Account credit')).toHaveValue('80.00');

  // Meanwhile another window gives most of the credit away.
  await ops.call('transferCredit', { fromPatientId: ken, toPatientId: dennis, amount: '50.00' });
  await dialog.getByRole('button', { name: 'Save check-out' }).click();
  const creditField = dialog.locator('.field', { has: page.getByLabel('Account credit') });
  await expect(creditField.getByRole('alert')).toHaveText(/Only 50\.00 of credit is available/);
  await dialog.getByLabel('Account credit').fill('50.00');
  await dialog.getByRole('button', { name: 'Save check-out' }).click();
  await expect(page.getByRole('dialog', { name: 'Checked out' }).getByRole('status')).toContainText(
    '$30.00 left owing',
  );
  ops.close();
});

test('funder money held for the patient is used first, then credit; a package session can be turned off', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const radia = await addPatient(ops, 'Radia', 'Perlman');
  const charity = await ops.call('saveFunder', { name: 'Kind Hearts', kind: 'charity' });
  await ops.call('recordFunderLumpSum', {
    funderId: charity.id,
    method: 'eft',
    amount: '50.00',
    splits: [{ patientId: radia, amount: '50.00' }],
  });
  await ops.call('recordPayment', {
    payer: { type: 'patient', patientId: radia },
    method: 'cash',
    amount: '100.00',
  });
  const packageId = await sellPaidPackageByCredit(ops, radia, clinic.lenientPlanId);
  await book(ops, {
    patientId: radia,
    serviceId: clinic.serviceId,
    start: localAt(0, 15),
    packageId,
  });
  await harness.open(page);
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await rowOf(page, 'Radia Perlman').getByRole('button', { name: 'Check out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check out — Radia Perlman' });

  // The package covers the visit: nothing charged, no other source used.
  const usePackage = dialog.getByRole('checkbox', { name: /Use a package session/ });
  await expect(usePackage).toBeChecked();
  await expect(dialog.getByText('session 1 of 5').first()).toBeVisible();
  await expect(dialog.getByLabel('Kind Hearts money')).toHaveValue('');
  await expect(dialog.getByLabel('Account credit')).toHaveValue('');

  // Without the package: funder money first (50.00 held), then credit for the rest.
  await usePackage.uncheck();
  await expect(dialog.getByLabel('Kind Hearts money')).toHaveValue('50.00');
  await expect(dialog.getByText('Available $50.00')).toBeVisible();
  await expect(dialog.getByLabel('Account credit')).toHaveValue('30.00');
  await expect(dialog.locator('.checkout__figure', { hasText: 'Left owing' })).toContainText(
    '$0.00',
  );
  await dialog.getByLabel('Kind Hearts money').fill('60.00');
  await expect(
    dialog.getByText("Only 50.00 of Kind Hearts's money is held for this patient."),
  ).toBeVisible();
  await dialog.getByLabel('Kind Hearts money').fill('50.00');
  await dialog.getByRole('button', { name: 'Save check-out' }).click();
  const receipt = page
    .getByRole('dialog', { name: 'Checked out' })
    .getByRole('article', { name: 'Receipt' });
  await expect(receipt).toContainText('Funder money');
  await expect(receipt).toContainText('$50.00');
  await expect(receipt).toContainText('Account credit');
  await expect(receipt).toContainText('$30.00');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(rowOf(page, 'Radia Perlman')).toContainText('Paid');
  await expect(rowOf(page, 'Radia Perlman').getByRole('img')).toHaveCount(0);
  ops.close();
});

/** A package paid from a patient's own credit (70.00 of it), leaving some credit for visits. */
async function sellPaidPackageByCredit(ops: OpsClient, patientId: string, planId: string) {
  const sold = await ops.call('sellPackage', {
    patientId,
    planId,
    settlement: { credit: '70.00', payments: [{ method: 'card', amount: '280.00' }] },
  });
  return sold.packageId;
}
