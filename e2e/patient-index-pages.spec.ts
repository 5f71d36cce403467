// The patient index loads a page at a time (renderer/app/patients/
// load-patient-index.ts): with more patients than the first rows and a full
// page together, every patient is found once the list is no longer busy, and
// patients added or renamed while the pages load and afterwards show once,
// under their new names only.
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';

const BULK = 2_200; // more than the 50 first rows and two pages of 1,000

test('more patients than a page: all found, and writes during and after the load land once', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000);
  const ops = await connectOps(harness.url);
  const ids: string[] = [];
  for (let start = 0; start < BULK; start += 200) {
    const made = await Promise.all(
      Array.from({ length: Math.min(200, BULK - start) }, (_, i) =>
        ops.call('addPatient', {
          firstName: 'Pat',
          lastName: `Bulk${String(start + i).padStart(4, '0')}`,
        }),
      ),
    );
    ids.push(...made.map((result) => result.id));
  }

  await harness.open(page);
  const list = page.getByRole('listbox', { name: 'Matching patients' });
  const results = list.getByRole('option');
  const search = page.getByRole('combobox', { name: /Search patients/ });

  // Sent as the pages begin to load (each may land before, between or after pages):
  // a rename near the end of the list, one near the start, a new patient.
  await Promise.all([
    ops.call('updatePatient', { id: ids[2_150]!, firstName: 'Pat', lastName: 'Aardvark' }),
    ops.call('updatePatient', { id: ids[3]!, firstName: 'Pat', lastName: 'Zyzzyva' }),
    ops.call('addPatient', { firstName: 'Mid', lastName: 'Bulk1500b' }),
  ]);
  await expect(list).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });

  await search.fill('bulk2199');
  await expect(results).toHaveCount(1);
  await search.fill('bulk2150');
  await expect(page.getByText('No patient matches “bulk2150”.')).toBeVisible();
  await search.fill('aardvark');
  await expect(results).toHaveCount(1);
  await search.fill('bulk0003');
  await expect(page.getByText('No patient matches “bulk0003”.')).toBeVisible();
  await search.fill('zyzzyva');
  await expect(results).toHaveCount(1);
  await search.fill('bulk1500');
  await expect(results).toHaveCount(2);

  // After the load: a rename and a new patient arrive live, once.
  await ops.call('updatePatient', { id: ids[1_000]!, firstName: 'Pat', lastName: 'Quokka' });
  await ops.call('addPatient', { firstName: 'New', lastName: 'Quokka' });
  await search.fill('quokka');
  await expect(results).toHaveCount(2);
  await search.fill('bulk1000');
  await expect(page.getByText('No patient matches “bulk1000”.')).toBeVisible();
  ops.close();
});
