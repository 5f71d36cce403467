// "Save as PDF" beside "Print" on the receipt, the patient statement and the
// funder statement. The browser harness has no desktop host to print to a
// file: the button says so in words and opens the browser's print instead,
// which (print media emulated) shows the receipt or statement alone.
import type { Page } from '@playwright/test';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';
import { addPatient, book, localAt, rowOf, seedClinic } from './support/seed.ts';

const FALLBACK =
  "Saving as PDF is available in the desktop app; use your browser's Print → Save as PDF here.";

/** Counts calls of window.print (the real one would open the browser's print dialog). */
async function watchPrint(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counted = window as unknown as { printCalls: number };
    counted.printCalls = 0;
    window.print = () => {
      counted.printCalls += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
}

test('the receipt: Save as PDF says it is the desktop app’s, then the browser prints the receipt alone', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const alan = await addPatient(ops, 'Alan', 'Turing');
  await book(ops, { patientId: alan, serviceId: clinic.serviceId, start: localAt(0, 9, 30) });
  ops.close();
  await harness.open(page);
  const printed = await watchPrint(page);
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await rowOf(page, 'Alan Turing').getByRole('button', { name: 'Check out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check out — Alan Turing' });
  await dialog.getByRole('button', { name: 'Add payment' }).click();
  await dialog.getByRole('button', { name: 'Save check-out' }).click();
  const done = page.getByRole('dialog', { name: 'Checked out' });
  await expect(done.getByRole('button', { name: 'Print receipt' })).toBeVisible();

  await done.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(done.getByText(FALLBACK)).toBeVisible();
  await expect.poll(printed).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(done.getByRole('button', { name: 'Save as PDF' })).toBeHidden();
  await expect(page.getByText(FALLBACK)).toBeHidden();
  const receipt = page.locator('.receipt-print .receipt');
  await expect(receipt).toBeVisible();
  await expect(receipt).toContainText('Alan Turing');
  await expect(receipt).toContainText('$80.00');
  await page.emulateMedia({ media: 'screen' });
});

test('the patient statement: Save as PDF falls back to the browser’s print of the statement', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const ann = await addPatient(ops, 'Ann', 'Lee');
  await ops.call('recordPayment', {
    payer: { type: 'patient', patientId: ann },
    method: 'cash',
    amount: '120.00',
  });
  ops.close();
  await harness.open(page);
  const printed = await watchPrint(page);
  await page.getByRole('button', { name: 'Patients', exact: true }).click();
  await page.getByRole('combobox', { name: /Search patients/ }).fill('lee');
  await page.getByRole('option', { name: /Lee, Ann/ }).click();
  await page.getByRole('button', { name: 'Statement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Statement — Ann Lee' });
  await expect(dialog.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(dialog.getByRole('status')).toHaveText(FALLBACK);
  await expect.poll(printed).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app')).toBeHidden();
  await expect(dialog.getByRole('article')).toContainText('$120.00');
  await expect(dialog.getByRole('button', { name: 'Save as PDF' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('the funder statement: Save as PDF falls back to the browser’s print of the statement', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const funder = await ops.call('saveFunder', { name: 'Hope Foundation', kind: 'charity' });
  await ops.call('recordFunderLumpSum', { funderId: funder.id, method: 'eft', amount: '500.00' });
  ops.close();
  await harness.open(page);
  const printed = await watchPrint(page);
  await page.getByRole('button', { name: 'Funders', exact: true }).click();
  await page.getByRole('button', { name: 'Statement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Funder statement — Hope Foundation' });
  await expect(dialog.getByRole('article')).toContainText('$500.00');
  await dialog.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(dialog.getByRole('status')).toHaveText(FALLBACK);
  await expect.poll(printed).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app')).toBeHidden();
  await expect(dialog.getByRole('article')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save as PDF' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});
