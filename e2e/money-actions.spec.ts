// Money actions on the record, through the dialogs: a transfer between spouses
// (scenario 3); a card payment partly refunded, credit written off with a
// reason and a refund then refused with the main process's message, a
// reversal, a courtesy credit, credit taken off an invoice (scenario 6).
// Accessibility scan and screenshots of each dialog.
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

/** Scan and photograph an open dialog. */
async function checkDialog(page: Page, name: string) {
  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, `dialog-${name}`);
}

async function openRecord(page: Page, search: string, name: string) {
  await page.getByRole('button', { name: 'Patients', exact: true }).click();
  await page.getByRole('combobox', { name: /Search patients/ }).fill(search);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    name.split(', ').reverse().join(' '),
  );
}

const chip = (page: Page, label: string): Locator =>
  page.getByRole('list', { name: 'Balances' }).getByRole('listitem').filter({ hasText: label });
const history = (page: Page) => page.getByRole('table', { name: /Money history/ });

test('a transfer between spouses: both histories show it and both chips change', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const john = await ops.call('addPatient', { firstName: 'John', lastName: 'Smith' });
  await ops.call('addPatient', { firstName: 'Mary', lastName: 'Smith' });
  await ops.call('recordPayment', {
    payer: { type: 'patient', patientId: john.id },
    method: 'card',
    amount: '200.00',
  });
  await harness.open(page);
  await openRecord(page, 'john', 'Smith, John');
  await expect(chip(page, 'Account credit')).toContainText('$200.00');

  await page.getByRole('button', { name: 'Transfer credit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer credit from John Smith' });
  await expect(dialog.getByText('Credit available: $200.00')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'To patient' }).fill('mary');
  await dialog.getByRole('option', { name: /Mary Smith/ }).click();
  await dialog.getByLabel('Amount').fill('12.345');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByLabel('Amount').fill('300.00');
  await dialog.getByRole('button', { name: 'Transfer credit' }).click();
  // The main process refuses, and its words sit next to the amount.
  const amountField = dialog.locator('.field--money');
  await expect(amountField.getByRole('alert')).toHaveText(/Only 200\.00 of credit is available/);
  await dialog.getByLabel('Amount').fill('80.00');
  await expect(dialog).toContainText("Mary Smith's goes up by the same");
  await checkDialog(page, 'transfer-credit');
  await dialog.getByRole('button', { name: 'Transfer credit' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').first()).toHaveText(
    '$80.00 of credit transferred to Mary Smith.',
  );
  await expect(chip(page, 'Account credit')).toContainText('$120.00');
  const out = history(page).getByRole('row', { name: /Credit transfer to Mary Smith/ });
  await expect(out).toContainText('−$80.00');
  await expect(out).toContainText("$80.00 credit to Mary Smith's credit");

  await openRecord(page, 'mary', 'Smith, Mary');
  await expect(chip(page, 'Account credit')).toContainText('$80.00');
  const into = history(page).getByRole('row', { name: /Credit transfer from John Smith/ });
  await expect(into).toContainText('+$80.00');
  await expect(into).toContainText("$80.00 credit from John Smith's credit");
});

test('refunds and write-offs: part of a card payment refunded, credit written off, a refund then refused; a reversal, a courtesy credit, credit taken off an invoice', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const service = await ops.call('saveService', {
    name: 'Massage',
    price: '60.00',
    durationMinutes: 30,
  });
  const ann = await ops.call('addPatient', { firstName: 'Ann', lastName: 'Lee' });
  await harness.open(page);
  await openRecord(page, 'ann', 'Lee, Ann');

  // A card payment, recorded through the dialog.
  await page.getByRole('button', { name: 'Record payment' }).click();
  let dialog = page.getByRole('dialog', { name: 'Record a payment — Ann Lee' });
  await dialog.getByLabel('Method').selectOption('card');
  await dialog.getByLabel('Amount').fill('150.00');
  await dialog.getByLabel('Reference (optional)').fill('EFTPOS 4411');
  await expect(dialog).toContainText('$150.00 becomes account credit.');
  await checkDialog(page, 'record-payment');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(chip(page, 'Account credit')).toContainText('$150.00');
  await expect(history(page).getByRole('row', { name: /Payment/ })).toContainText('+$150.00');

  // Refund part of it: confirmed first, then the chip drops.
  await page.getByRole('button', { name: 'Refund' }).click();
  dialog = page.getByRole('dialog', { name: 'Refund credit — Ann Lee' });
  await expect(dialog.getByLabel('Payment to refund to')).toContainText('$150.00 not yet refunded');
  await dialog.getByLabel('Amount').fill('50.00');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(dialog.getByText('This cannot be undone.')).toBeVisible();
  await checkDialog(page, 'refund-confirm');
  await dialog.getByRole('button', { name: 'Yes, refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(chip(page, 'Account credit')).toContainText('$100.00');
  await expect(history(page).getByRole('row', { name: /Refund/ })).toContainText('−$50.00');

  // Write off the rest with a reason (required), confirmed.
  await page.getByRole('button', { name: 'Write off' }).click();
  dialog = page.getByRole('dialog', { name: 'Write off credit — Ann Lee' });
  await expect(dialog.getByText('Credit available: $100.00')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Write off' })).toBeDisabled();
  await dialog.getByLabel('Reason').selectOption('stale-credit');
  await checkDialog(page, 'write-off');
  await dialog.getByRole('button', { name: 'Write off' }).click();
  await expect(dialog.getByText(/can no longer be used or refunded/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Yes, write off' }).click();
  await expect(dialog).toBeHidden();
  await expect(chip(page, 'Account credit')).toContainText('$0.00');
  const writeOff = history(page).getByRole('row', { name: /Credit written off/ });
  await expect(writeOff).toContainText('Unclaimed old credit');
  await expect(writeOff).toContainText('−$100.00');

  // A refund of written-off credit is refused, with the reason in words.
  await page.getByRole('button', { name: 'Refund' }).click();
  dialog = page.getByRole('dialog', { name: 'Refund credit — Ann Lee' });
  await dialog.getByLabel('Amount').fill('20.00');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await dialog.getByRole('button', { name: 'Yes, refund' }).click();
  await expect(dialog.locator('.field--money').getByRole('alert')).toHaveText(
    /Only 0\.00 of credit is available/,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(chip(page, 'Account credit')).toContainText('$0.00');

  // Reverse the write-off: the credit is back, the original is marked reversed.
  await page.getByRole('button', { name: 'Reverse' }).click();
  dialog = page.getByRole('dialog', { name: 'Reverse an entry — Ann Lee' });
  await dialog.getByLabel('Entry to reverse').selectOption({
    label: (await dialog.getByRole('option', { name: /Credit written off/ }).textContent()) ?? '',
  });
  await dialog.getByLabel('Reason').selectOption('billing-error');
  await checkDialog(page, 'reverse');
  await dialog.getByRole('button', { name: 'Reverse' }).click();
  await dialog.getByRole('button', { name: 'Yes, reverse' }).click();
  await expect(dialog).toBeHidden();
  await expect(chip(page, 'Account credit')).toContainText('$100.00');
  await expect(
    history(page).getByRole('row', { name: /Reversal of credit written off/ }),
  ).toContainText('+$100.00');
  await expect(history(page).getByRole('row', { name: /Credit written off/ })).toContainText(
    'reversed',
  );

  // A courtesy credit with a reason code.
  await page.getByRole('button', { name: 'Courtesy / waive' }).click();
  dialog = page.getByRole('dialog', { name: /Courtesy credit or fee waiver/ });
  await dialog.getByLabel('Amount').fill('25.00');
  await dialog.getByLabel('Reason').selectOption('goodwill');
  await checkDialog(page, 'courtesy');
  await dialog.getByRole('button', { name: 'Grant credit' }).click();
  await expect(dialog).toBeHidden();
  await expect(chip(page, 'Account credit')).toContainText('$125.00');

  // A visit checked out with credit applied; then the credit is taken off the invoice.
  const booked = await ops.call('bookAppointment', {
    patientId: ann.id,
    serviceId: service.id,
    practitionerId: 'dr-lee',
    start: new Date(Date.now() - 3_600_000).toISOString(),
  });
  await ops.call('checkOutAppointment', { appointmentId: booked.appointment.id, credit: 'auto' });
  await expect(chip(page, 'Account credit')).toContainText('$65.00');
  await page.getByRole('button', { name: 'Credit off invoice' }).click();
  dialog = page.getByRole('dialog', { name: /Take credit off an invoice/ });
  await expect(dialog.getByText('Credit applied to this invoice: $60.00')).toBeVisible();
  await checkDialog(page, 'take-credit-off-invoice');
  await dialog.getByRole('button', { name: 'Take credit off' }).click();
  await expect(dialog).toBeHidden();
  await expect(chip(page, 'Account credit')).toContainText('$125.00');
  await expect(chip(page, 'Owing')).toContainText('$60.00');
  await expect(
    page.getByRole('region', { name: 'Appointments' }).getByRole('row', { name: /Massage/ }),
  ).toContainText('checked out');

  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'record-after-money-actions');

  // The patient statement for this month lists the events.
  await page.getByRole('button', { name: 'Statement' }).click();
  dialog = page.getByRole('dialog', { name: 'Statement — Ann Lee' });
  const sheet = dialog.getByRole('article');
  await expect(sheet).toContainText('Credit at the end');
  await expect(sheet).toContainText('$125.00');
  await expect(sheet.getByRole('row', { name: /Refund/ })).toContainText('−$50.00');
  await checkDialog(page, 'patient-statement');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app')).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/patient-statement-print.png' });
  await page.emulateMedia({ media: 'screen' });
});
