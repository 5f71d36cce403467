// Cancellation and no-show policies (ledger scenario 7) through Today: the
// dialog says what the plan's policy will do before the desk confirms, and the
// row shows what happened — a session used, a fee owing, or nothing.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';
import { addPatient, book, localAt, rowOf, seedClinic, sellPaidPackage } from './support/seed.ts';

test('a late cancellation uses a session under one plan and not under another; a no-show uses a session or is charged a fee', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const strict = await addPatient(ops, 'Sam', 'Strict');
  const flexible = await addPatient(ops, 'Fran', 'Flexible');
  const early = await addPatient(ops, 'Eddie', 'Early');
  const strictPackage = await sellPaidPackage(ops, strict, clinic.strictPlanId);
  const flexiblePackage = await sellPaidPackage(ops, flexible, clinic.lenientPlanId);
  const serviceId = clinic.serviceId;
  await book(ops, { patientId: strict, serviceId, start: localAt(0, 9), packageId: strictPackage });
  await book(ops, {
    patientId: flexible,
    serviceId,
    start: localAt(0, 9, 30),
    packageId: flexiblePackage,
  });
  await book(ops, {
    patientId: strict,
    serviceId,
    start: localAt(0, 11),
    packageId: strictPackage,
  });
  await book(ops, {
    patientId: flexible,
    serviceId,
    start: localAt(0, 11, 30),
    packageId: flexiblePackage,
  });
  await book(ops, { patientId: early, serviceId, start: localAt(0, 12) });
  await harness.open(page);
  await page.getByRole('button', { name: 'Today', exact: true }).click();

  // Late cancellation under the strict plan: a session is used, no fee asked.
  await rowOf(page, 'Sam Strict', '09:00').getByRole('button', { name: 'Cancel' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel appointment' });
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel.getByText('Say whether the cancellation is early or late.')).toBeVisible();
  await cancel.getByLabel(/Late/).check();
  await expect(cancel.getByRole('status')).toHaveText(
    'The plan 5 physio (strict) says late cancellations use a session: session 1 of 5 will be used. No fee is charged.',
  );
  await expect(cancel.getByLabel('Fee (optional)')).toHaveCount(0);
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await page.screenshot({ path: 'e2e/artifacts/cancel-dialog-light.png' });
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel).toBeHidden();
  await expect(page.getByRole('status').first()).toContainText('A package session was used.');
  const samLate = rowOf(page, 'Sam Strict', '09:00');
  await expect(samLate).toContainText('Late cancellation');
  await expect(samLate.getByRole('img', { name: /^Session 1 of 5/ })).toHaveText('1/5');
  await expect(samLate).toContainText('Session used');

  // Late cancellation under the flexible plan: no session; the desk charges no fee.
  await rowOf(page, 'Fran Flexible', '09:30').getByRole('button', { name: 'Cancel' }).click();
  await cancel.getByLabel(/Late/).check();
  await expect(cancel.getByRole('status')).toContainText(
    'The plan 5 physio (flexible) does not use a session for late cancellations.',
  );
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel).toBeHidden();
  const franLate = rowOf(page, 'Fran Flexible', '09:30');
  await expect(franLate).toContainText('Late cancellation');
  await expect(franLate.getByRole('img')).toHaveCount(0);
  await expect(franLate).toContainText('No charge');

  // No-show under the strict plan: the next session (2 of 5) is used.
  await rowOf(page, 'Sam Strict', '11:00').getByRole('button', { name: 'No-show' }).click();
  const noShow = page.getByRole('dialog', { name: 'Mark no-show' });
  await expect(noShow.getByRole('status')).toContainText('session 2 of 5 will be used');
  await noShow.getByRole('button', { name: 'Mark no-show' }).click();
  await expect(noShow).toBeHidden();
  const samMissed = rowOf(page, 'Sam Strict', '11:00');
  await expect(samMissed).toContainText('No-show');
  await expect(samMissed.getByRole('img', { name: /^Session 2 of 5/ })).toHaveText('2/5');

  // No-show under the flexible plan: a fee is charged and owing; the package is untouched.
  await rowOf(page, 'Fran Flexible', '11:30').getByRole('button', { name: 'No-show' }).click();
  await expect(noShow.getByRole('status')).toContainText('does not use a session for no-shows');
  await noShow.getByLabel('Fee (optional)').fill('30.001');
  await expect(noShow.getByText(/3 decimal places/)).toBeVisible();
  await noShow.getByLabel('Fee (optional)').fill('30.00');
  await noShow.getByRole('button', { name: 'Mark no-show' }).click();
  await expect(noShow).toBeHidden();
  await expect(page.getByRole('status').first()).toContainText('A fee of $30.00 was invoiced.');
  const franMissed = rowOf(page, 'Fran Flexible', '11:30');
  await expect(franMissed).toContainText('No-show');
  await expect(franMissed).toContainText('Owing $30.00');
  await expect(franMissed.getByRole('img')).toHaveCount(0);

  // An early cancellation charges nothing.
  await rowOf(page, 'Eddie Early').getByRole('button', { name: 'Cancel' }).click();
  await cancel.getByLabel(/Early/).check();
  await expect(cancel.getByRole('status')).toHaveText(
    'An early cancellation charges nothing and uses no session.',
  );
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(rowOf(page, 'Eddie Early')).toContainText('Cancelled');
  await expect(rowOf(page, 'Eddie Early')).toContainText('No charge');

  // The day's summary counts what is owing and what is still booked.
  await expect(page.getByText('5 appointments')).toBeVisible();
  await expect(page.getByText('0 still booked')).toBeVisible();
  await expect(page.getByText('1 owing')).toBeVisible();
  ops.close();
});
