// The Audit screen (manager): every money entry and edit with who recorded it,
// filtered by kind, exported as CSV.
import { readFile } from 'node:fs/promises';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';

test('a manager sees who recorded what, filters by kind, and exports the trail as CSV', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  try {
    const { id: patientId } = await ops.call('addPatient', { firstName: 'Ann', lastName: 'Lee' });
    const paid = await ops.call('recordPayment', {
      payer: { type: 'patient', patientId },
      method: 'cash',
      amount: '50.00',
    });
    await ops.call('refundCredit', {
      patientId,
      paymentId: paid.paymentId,
      amount: '10.00',
      reasonCode: 'moved away',
    });
  } finally {
    ops.close();
  }
  await harness.open(page);
  await page
    .getByRole('contentinfo', { name: 'Status' })
    .getByRole('button', { name: 'Audit' })
    .click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit trail' });
  await expect(table).toContainText('creditRefunded');
  await expect(table).toContainText('paymentReceived');
  await expect(table).toContainText('Ann Lee');
  await expect(table.getByRole('row').filter({ hasText: 'creditRefunded' })).toContainText(
    'Dev Manager',
  );

  await page.getByLabel('Kind').selectOption('creditRefunded');
  await expect(page.getByRole('status').filter({ hasText: 'record' })).toHaveText('1 record');
  await expect(table).not.toContainText('paymentReceived');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    'Recorded at,Category,Kind,Staff,Staff id,Desk,Subject,Id,Patient id,Detail',
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('creditRefunded,Dev Manager,dev-manager');
  expect(lines[1]).toContain('moved away');
});
