// The patient record: buying a package through the sell-package dialog and
// seeing "0 of 5 used, 5 left, expires …"; accessibility and screenshots; and
// the record's render time with 2,000 money-history entries.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/harness.ts';
import { connectOps, type OpsClient } from './support/ops-client.ts';

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

async function seedCatalog(ops: OpsClient) {
  const service = await ops.call('saveService', {
    name: 'Physiotherapy',
    price: '80.00',
    durationMinutes: 45,
  });
  const plan = await ops.call('savePackagePlan', {
    name: 'Physio five',
    sessions: 5,
    price: '350.00',
    validityDays: 90,
    eligibleServiceIds: [service.id],
    lateCancelUsesSession: true,
    noShowUsesSession: true,
    expiryRule: 'breakage',
  });
  return { serviceId: service.id, planId: plan.id };
}

async function openRecord(page: Page, search: string, name: string) {
  await page.getByRole('button', { name: 'Patients', exact: true }).click();
  await page.getByRole('combobox', { name: /Search patients/ }).fill(search);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

test('buying a package paid in full: the result is shown before saving, then "0 of 5 used, 5 left, expires …" on the record', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  await seedCatalog(ops);
  await ops.call('addPatient', { firstName: 'Ada', lastName: 'Lovelace', phone: '0412 345 678' });
  await harness.open(page);
  await openRecord(page, 'lovel', 'Lovelace, Ada');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Lovelace');
  const chips = page.getByRole('list', { name: 'Balances' });
  await expect(chips).toContainText('Account credit$0.00');
  await expect(page.getByText('No active package.')).toBeVisible();
  await expect(await seriousViolations(page)).toEqual([]);

  // Alt+S opens the sell-package dialog from the keyboard.
  await page.keyboard.press('Alt+s');
  const dialog = page.getByRole('dialog', { name: 'Sell a package — Ada Lovelace' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Package')).toHaveValue(/.+/);
  await expect(dialog).toContainText('Physio five: 5 sessions for $350.00');
  await expect(dialog).toContainText('a session is worth $70.00');
  await expect(dialog).toContainText('(90 days)');
  await expect(dialog).toContainText('Paid now$350.00 by card');
  await expect(dialog).toContainText('Left owing$0.00');
  // Part payment: validated as you type, the preview follows.
  await dialog.getByRole('radio', { name: 'Pay part now' }).check();
  await dialog.getByLabel('Amount paid now').fill('400.00');
  await expect(
    dialog.getByText('Part payment must be less than the price ($350.00).'),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Sell package' })).toBeDisabled();
  await dialog.getByLabel('Amount paid now').fill('100.00');
  await expect(dialog).toContainText('Left owing$250.00');
  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'dialog-sell-package');
  await dialog.getByRole('radio', { name: 'Pay now in full' }).check();
  await dialog.getByRole('button', { name: 'Sell package' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').first()).toHaveText('Physio five sold to Ada Lovelace.');

  const packages = page.getByRole('region', { name: 'Packages' });
  await expect(packages).toContainText(/0 of 5 used, 5 left, expires \d{1,2} \w{3} \d{4}/);
  await expect(packages.getByRole('progressbar', { name: /0 of 5 sessions used/ })).toBeVisible();
  await expect(chips).toContainText('Owing$0.00');
  const history = page.getByRole('table', { name: /Money history/ });
  await expect(history.getByRole('row', { name: /Package sold/ })).toContainText('Physio five');
  await expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'record');
});

test('appointments show their session numbers ("1 of 5"), and a visit is checked out from the record', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const { serviceId, planId } = await seedCatalog(ops);
  const ada = await ops.call('addPatient', { firstName: 'Ada', lastName: 'Lovelace' });
  const sold = await ops.call('sellPackage', {
    patientId: ada.id,
    planId,
    settlement: { payments: [{ method: 'card', amount: '350.00' }] },
  });
  for (const hoursAgo of [50, 2]) {
    await ops.call('bookAppointment', {
      patientId: ada.id,
      serviceId,
      practitionerId: 'dr-lee',
      start: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
      packageId: sold.packageId,
    });
  }
  await harness.open(page);
  await openRecord(page, 'lovel', 'Lovelace, Ada');
  const appointments = page.getByRole('region', { name: 'Appointments' });
  const rows = appointments.getByRole('row').filter({ hasText: 'Physiotherapy' });
  await expect(rows).toHaveCount(2);
  // Newest first: check out the older visit first so the sessions number in order.
  await rows
    .nth(1)
    .getByRole('button', { name: /Check out/ })
    .click();
  const checkout = page.getByRole('dialog', { name: /Check out — Ada Lovelace/ });
  await checkout.getByRole('button', { name: 'Save check-out' }).click();
  await page
    .getByRole('dialog', { name: 'Checked out' })
    .getByRole('button', { name: 'Done' })
    .click();
  await expect(rows.nth(1)).toContainText('1 of 5');
  await rows
    .nth(0)
    .getByRole('button', { name: /Check out/ })
    .click();
  await checkout.getByRole('button', { name: 'Save check-out' }).click();
  await page
    .getByRole('dialog', { name: 'Checked out' })
    .getByRole('button', { name: 'Done' })
    .click();
  await expect(rows.nth(0)).toContainText('2 of 5');
  await expect(rows.nth(0)).toContainText('checked out');
  await expect(page.getByRole('region', { name: 'Packages' })).toContainText(
    /2 of 5 used, 3 left, expires/,
  );
  await expect(
    page
      .getByRole('table', { name: /Money history/ })
      .getByRole('row', { name: /Visit checked out/ }),
  ).toHaveCount(2);
});

test('a one-off package paid later leaves the price owing', async ({ page, harness }) => {
  const ops = await connectOps(harness.url);
  await ops.call('addPatient', { firstName: 'Grace', lastName: 'Hopper' });
  await harness.open(page);
  await openRecord(page, 'hopper', 'Hopper, Grace');
  await page.getByRole('button', { name: 'Sell package' }).click();
  const dialog = page.getByRole('dialog', { name: /Sell a package/ });
  await expect(dialog.getByLabel('Package')).toHaveValue('one-off');
  await dialog.getByLabel('Name').fill('Rehab block');
  await dialog.getByLabel('Sessions').fill('3');
  await dialog.getByLabel('Price').fill('200.00');
  await dialog.getByLabel('Valid for (days, 0 = no expiry)').fill('0');
  await dialog.getByRole('radio', { name: 'Pay later (all owing)' }).check();
  await expect(dialog).toContainText('Rehab block: 3 sessions for $200.00');
  await expect(dialog).toContainText('a session is worth $66.67');
  await expect(dialog).toContainText('ExpiresNever');
  await expect(dialog).toContainText('Left owing$200.00');
  await dialog.getByRole('button', { name: 'Sell package' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Packages' })).toContainText(
    '0 of 3 used, 3 left, no expiry',
  );
  await expect(page.getByRole('list', { name: 'Balances' })).toContainText('Owing$200.00');
  // Sold as a one-off: no plan was created for it, on sale or hidden.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const plans = page.getByRole('region', { name: 'Package plans' });
  await expect(plans).toBeVisible();
  await expect(plans.getByRole('row', { name: /Rehab block/ })).toHaveCount(0);
});

test('the record renders fast with 2,000 money-history entries', async ({ page, harness }) => {
  test.setTimeout(300_000);
  const ops = await connectOps(harness.url);
  const { id } = await ops.call('addPatient', { firstName: 'Busy', lastName: 'Payer' });
  await ops.call('addPatient', { firstName: 'Other', lastName: 'Person' });
  const ENTRIES = 2000;
  const started = Date.now();
  for (let i = 0; i < ENTRIES; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, ENTRIES - i) }, (_, k) =>
        ops.call('recordPayment', {
          payer: { type: 'patient', patientId: id },
          method: (i + k) % 2 ? 'card' : 'cash',
          amount: '10.00',
          reference: `seed ${i + k}`,
        }),
      ),
    );
  }
  const seedSeconds = (Date.now() - started) / 1000;
  await harness.open(page);

  // Measured in the page: from the click that opens the record to the first
  // history row in the DOM; long tasks observed meanwhile.
  await page.evaluate(() => {
    const w = window as unknown as { perf: { runs: number[]; longTasks: number[]; start: number } };
    w.perf = { runs: [], longTasks: [], start: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.perf.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    document.addEventListener('click', () => (w.perf.start = performance.now()), true);
    new MutationObserver(() => {
      if (w.perf.start && document.querySelector('.history__body [aria-rowindex="2"]')) {
        w.perf.runs.push(performance.now() - w.perf.start);
        w.perf.start = 0;
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const RUNS = 7;
  for (let run = 0; run < RUNS; run += 1) {
    await openRecord(page, 'busy', 'Payer, Busy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Busy Payer');
    await expect(page.locator('.history__body [aria-rowindex="2"]')).toBeVisible();
    await expect(page.getByText(`Showing the newest 100 of ${ENTRIES} entries`)).toBeVisible();
    await page.waitForTimeout(300); // let any late work show up as a long task
  }
  const perf = await page.evaluate(
    () => (window as unknown as { perf: { runs: number[]; longTasks: number[] } }).perf,
  );

  // Scrolling to the end fetches the rest; only the rows in view are in the page.
  await expect(page.getByRole('list', { name: 'Balances' })).toContainText('$20,000.00');
  const body = page.locator('.history__body');
  for (let step = 0; step < 40; step += 1) {
    await body.evaluate((el) => el.scrollBy(0, 100_000));
    if ((await page.getByText(/Showing the newest/).count()) === 0) break;
    await page.waitForTimeout(150);
  }
  await expect(page.getByText(/Showing the newest/)).toHaveCount(0);
  // The rest may arrive between a scroll and the check above, leaving the view where
  // the list used to end: scroll to the new end until the last row is drawn there.
  const lastRow = page.locator(`.history__body [aria-rowindex="${ENTRIES + 1}"]`);
  await expect(async () => {
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(lastRow).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  expect(await page.locator('.history__body [role="row"]').count()).toBeLessThan(40);
  const scrolling = await page.evaluate(
    () => (window as unknown as { perf: { longTasks: number[] } }).perf.longTasks,
  );

  const sorted = [...perf.runs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const report = {
    entries: ENTRIES,
    seedSeconds,
    renderMs: perf.runs.map((ms) => Math.round(ms)),
    medianRenderMs: Math.round(median),
    longTasksWhileOpeningMs: perf.longTasks.map((ms) => Math.round(ms)),
    longTasksWhileScrollingToTheEndMs: scrolling
      .slice(perf.longTasks.length)
      .map((ms) => Math.round(ms)),
  };
  console.log(`record render: ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'record-render', description: JSON.stringify(report) });
  expect(perf.runs).toHaveLength(RUNS);
  // The target is 150 ms; a loose bound here keeps a busy CI machine from flaking.
  expect(median).toBeLessThan(1000);
});

test('reception edits a patient’s details from the record, with the checks as they type', async ({
  page,
  harness,
}) => {
  await harness.open(page);
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('First name').fill('Jo');
  await page.getByLabel('Last name').fill('March');
  await page.getByRole('button', { name: 'Add patient' }).click();
  await page.getByRole('option', { name: /March, Jo/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jo March');

  await page.getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit details of Jo March' });
  await dialog.getByLabel('First name').fill('');
  await expect(dialog.getByText('First name is required.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save details' })).toBeDisabled();
  await dialog.getByLabel('First name').fill('Josephine');
  await dialog.getByLabel('Phone', { exact: true }).fill('0400 111 222');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Josephine March');
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('0400 111 222');
});
