// The patient list shows its first rows from a query with a limit and then
// loads the whole index for searching (renderer/app/patients/patient-index.ts):
// with more patients than the first page holds, the list still searches all of
// them once it is no longer busy, and stays live.
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';

test('more patients than the first page: 50 rows first, then every patient is found', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const surnames = Array.from({ length: 60 }, (_, i) => `Aaron${String(i).padStart(2, '0')}`);
  await Promise.all(
    surnames.map((lastName) => ops.call('addPatient', { firstName: 'Pat', lastName })),
  );
  // Sorted last: beyond the first 50 rows.
  await ops.call('addPatient', { firstName: 'Zed', lastName: 'Zywiec' });

  await harness.open(page);
  const list = page.getByRole('listbox', { name: 'Matching patients' });
  const results = list.getByRole('option');
  await expect(results).toHaveCount(50);
  await expect(results.first()).toContainText('Aaron00, Pat');
  await expect(list).toHaveAttribute('aria-busy', 'false');

  const search = page.getByRole('combobox', { name: /Search patients/ });
  await search.fill('zywiec');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Zywiec, Zed');

  // Still live after the whole index has loaded.
  await ops.call('addPatient', { firstName: 'Zoe', lastName: 'Zywiec' });
  await expect(results).toHaveCount(2);
  ops.close();
});
