// Today: the day's appointments, their package badges and payment state, and
// booking and using a package through the screens (ledger scenario 1).
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/harness.ts';
import { connectOps } from './support/ops-client.ts';
import {
  addPatient,
  book,
  localAt,
  localDate,
  openDay,
  pastVisit,
  rowOf,
  seedClinic,
  sellPaidPackage,
} from './support/seed.ts';

test('buying and using a package: visits read 1/5 then 2/5, and a sixth visit cannot use it', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const ada = await addPatient(ops, 'Ada', 'Lovelace');
  const packageId = await sellPaidPackage(ops, ada, clinic.strictPlanId);
  await harness.open(page);

  // Today: book the first visit through the dialog; the one package that fits is chosen.
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await expect(page.getByText('No appointments on this day.')).toBeVisible();
  await page.getByRole('button', { name: 'Book appointment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Book appointment' });
  await dialog.getByRole('combobox', { name: 'Patient' }).fill('lovel');
  await dialog.getByRole('option', { name: /Ada Lovelace/ }).click();
  await dialog.getByLabel('Time').fill('23:00');
  await dialog.getByLabel('Practitioner').fill('Dr Lee');
  await expect(dialog.getByText('Recorded as dr-lee')).toBeVisible();
  await expect(dialog.getByLabel('Package')).toHaveValue(packageId);
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();

  const first = rowOf(page, 'Ada Lovelace');
  await expect(first).toHaveCount(1);
  await expect(first.getByRole('img', { name: /Will use session 1 of 5/ })).toHaveText('1/5');
  await expect(first).toContainText('Not checked out');

  // Check in, then check out with the package session the quote suggests.
  await first.getByRole('button', { name: 'Check in' }).click();
  await expect(first).toContainText('Checked in');
  await first.getByRole('button', { name: 'Check out' }).click();
  const checkout = page.getByRole('dialog', { name: /Check out — Ada Lovelace/ });
  await expect(checkout.getByText('session 1 of 5').first()).toBeVisible();
  await expect(checkout.getByRole('checkbox', { name: /Use a package session/ })).toBeChecked();
  await checkout.getByRole('button', { name: 'Save check-out' }).click();
  const done = page.getByRole('dialog', { name: 'Checked out' });
  await expect(done.getByRole('status')).toContainText('nothing owing');
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(first.getByRole('img', { name: /^Session 1 of 5/ })).toHaveText('1/5');
  await expect(first).toContainText('Package');

  // A week later: the second visit reads 2/5.
  await book(ops, {
    patientId: ada,
    serviceId: clinic.serviceId,
    start: localAt(7, 10),
    packageId,
  });
  await openDay(page, localDate(7));
  const second = rowOf(page, 'Ada Lovelace');
  await expect(second.getByRole('img', { name: /Will use session 2 of 5/ })).toHaveText('2/5');
  await second.getByRole('button', { name: 'Check out' }).click();
  await expect(
    page
      .getByRole('dialog', { name: /Check out/ })
      .getByText('session 2 of 5')
      .first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save check-out' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(second.getByRole('img', { name: /^Session 2 of 5/ })).toHaveText('2/5');

  // Sessions 3 to 5 are used on later days; the sixth visit is booked without the package.
  for (const days of [14, 21, 28]) {
    await pastVisit(ops, {
      patientId: ada,
      serviceId: clinic.serviceId,
      start: localAt(days, 10),
      packageId,
    });
  }
  await book(ops, { patientId: ada, serviceId: clinic.serviceId, start: localAt(35, 10) });
  await openDay(page, localDate(28));
  await expect(
    rowOf(page, 'Ada Lovelace').getByRole('img', { name: /^Session 5 of 5/ }),
  ).toHaveText('5/5');
  await openDay(page, localDate(35));
  const sixth = rowOf(page, 'Ada Lovelace');
  await expect(sixth.getByRole('img')).toHaveCount(0);
  await sixth.getByRole('button', { name: 'Check out' }).click();
  const last = page.getByRole('dialog', { name: /Check out/ });
  await expect(last.getByRole('note')).toContainText(
    'All 5 sessions of 5 physio (strict) have been used.',
  );
  await expect(last.getByRole('checkbox', { name: /Use a package session/ })).toHaveCount(0);
  await expect(last.getByText('Left owing')).toBeVisible();
  await expect(last.locator('.checkout__figure--due')).toContainText('$80.00');
  ops.close();
});

test('a busy day: 40 appointments render in time order, pass an accessibility scan, in light and dark', async ({
  page,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  const clinic = await seedClinic(ops);
  const names = [
    'Ada',
    'Grace',
    'Alan',
    'Edsger',
    'Barbara',
    'Donald',
    'Frances',
    'Ken',
    'Radia',
    'Tim',
  ];
  const surnames = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra'];
  const ids: string[] = [];
  for (const surname of surnames) {
    for (const name of names) ids.push(await addPatient(ops, name, surname));
  }
  const packages = new Map<string, string>();
  for (const patientId of ids.slice(0, 12)) {
    packages.set(patientId, await sellPaidPackage(ops, patientId, clinic.strictPlanId));
  }
  // 40 visits from 08:00, one every 15 minutes; some already checked out, one cancelled.
  for (const [index, patientId] of ids.entries()) {
    const start = localAt(0, 8, index * 15);
    const packageId = packages.get(patientId);
    const args = {
      patientId,
      serviceId: clinic.serviceId,
      start,
      ...(packageId ? { packageId } : {}),
    };
    if (index % 4 === 0) await pastVisit(ops, args);
    else {
      const appointmentId = await book(ops, args);
      if (index === 6) await ops.call('cancelAppointment', { appointmentId, late: false });
      if (index === 7) await ops.call('attendAppointment', { appointmentId });
    }
  }
  await harness.open(page);

  // Rough timing: from choosing Today to 40 rows drawn, and to every badge and payment state read.
  const rows = page.locator('tbody tr');
  const timings: { rows: number; settled: number }[] = [];
  for (let run = 0; run < 5; run++) {
    await page.getByRole('button', { name: 'Patients', exact: true }).click();
    await expect(rows).toHaveCount(0);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await expect(rows).toHaveCount(40);
    const t1 = Date.now();
    // 12 packages; the visit cancelled early (index 6) uses no session and shows no badge.
    await expect(page.locator('.today__badge')).toHaveCount(11);
    await expect(page.getByText('…', { exact: true })).toHaveCount(0);
    timings.push({ rows: t1 - t0, settled: Date.now() - t0 });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `Today with 40 appointments: rows drawn median ${median(timings.map((t) => t.rows))} ms, ` +
      `badges and payment state median ${median(timings.map((t) => t.settled))} ms ` +
      `(runs: ${JSON.stringify(timings)})`,
  );

  // Time order, and what the rows say.
  const times = await page
    .locator('.today__time')
    .evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''));
  expect(times).toEqual([...times].sort());
  await expect(page.getByText('40 appointments')).toBeVisible();
  await expect(rowOf(page, 'Ada Lovelace').getByRole('img')).toHaveText('1/5');
  await expect(rowOf(page, 'Frances Lovelace')).toContainText('Cancelled');
  await expect(rowOf(page, 'Frances Lovelace').getByRole('button')).toHaveCount(1); // the name only

  // Keyboard: the first row's actions are reachable with Tab.
  await rowOf(page, 'Grace Lovelace').getByRole('button', { name: 'Grace Lovelace' }).focus();
  await page.keyboard.press('Tab');
  await expect(
    rowOf(page, 'Grace Lovelace').getByRole('button', { name: 'Check in' }),
  ).toBeFocused();

  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);

  await page.screenshot({ path: 'e2e/artifacts/today-light.png', fullPage: false });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'e2e/artifacts/today-dark.png', fullPage: false });
  const darkScan = await new AxeBuilder({ page }).analyze();
  expect(
    darkScan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([]);
  ops.close();
});

test('booking is checked before saving, reschedule moves a visit, and another window sees it live', async ({
  page,
  context,
  harness,
}) => {
  const ops = await connectOps(harness.url);
  await seedClinic(ops);
  await addPatient(ops, 'Tim', 'Berners-Lee');
  await harness.open(page);
  const other = await context.newPage();
  await harness.open(other);
  await other.getByRole('button', { name: 'Today', exact: true }).click();
  await page.getByRole('button', { name: 'Today', exact: true }).click();

  // Keyboard only: open the dialog, try to book with nothing chosen.
  await page.getByRole('button', { name: 'Book appointment' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Book appointment' });
  await expect(dialog.getByRole('combobox', { name: 'Patient' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog.getByText('Choose a patient.')).toBeVisible();
  await expect(dialog.getByText('Enter the practitioner.')).toBeVisible();
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await page.screenshot({ path: 'e2e/artifacts/book-dialog-light.png' });
  await dialog.getByRole('combobox', { name: 'Patient' }).fill('berners');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Patient' })).toHaveValue('Tim Berners-Lee');
  await expect(dialog.getByLabel('Package')).toHaveValue('');
  await dialog.getByLabel('Time').fill('21:15');
  await dialog.getByLabel('Practitioner').fill('Dr Who');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').first()).toContainText(
    'Tim Berners-Lee is booked at 21:15',
  );

  // The second window shows the booking without a reload.
  await expect(rowOf(other, 'Tim Berners-Lee')).toContainText('21:15');
  await expect(rowOf(other, 'Tim Berners-Lee')).toContainText('dr-who');

  // Reschedule to a later time the same day, then to tomorrow.
  await rowOf(page, 'Tim Berners-Lee').getByRole('button', { name: 'Reschedule' }).click();
  const move = page.getByRole('dialog', { name: 'Reschedule' });
  await move.getByLabel('New time').fill('25:00');
  await expect(move.getByText('Enter a real date and time.')).toBeVisible();
  await move.getByLabel('New time').fill('22:30');
  await move.getByRole('button', { name: 'Reschedule' }).click();
  await expect(move).toBeHidden();
  await expect(rowOf(page, 'Tim Berners-Lee')).toContainText('22:30');
  await expect(rowOf(other, 'Tim Berners-Lee')).toContainText('22:30');

  await rowOf(page, 'Tim Berners-Lee').getByRole('button', { name: 'Reschedule' }).click();
  await move.getByLabel('New date').fill(localDate(1));
  await move.getByRole('button', { name: 'Reschedule' }).click();
  await expect(rowOf(page, 'Tim Berners-Lee')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(rowOf(page, 'Tim Berners-Lee')).toContainText('22:30');
  await page.getByRole('button', { name: 'Back to today' }).click();
  await expect(page.getByText('No appointments on this day.')).toBeVisible();
  ops.close();
});
