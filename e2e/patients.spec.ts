// The first vertical slice, as reception would use it: add a patient, find
// them as you type, and see a patient added at another window appear live.
import { test, expect } from './support/harness.ts';
import type { Page } from '@playwright/test';

async function addPatient(page: Page, first: string, last: string, phone = '') {
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  if (phone) await page.getByLabel('Phone', { exact: true }).fill(phone);
  await page.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByRole('status')).toHaveText(`${first} ${last} was added.`);
}

test('a new patient is validated, saved and found by name, accent-insensitively, and by phone', async ({
  page,
  harness,
}) => {
  await harness.open(page);
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByText('First name is required.')).toBeVisible();
  await expect(page.getByText('Last name is required.')).toBeVisible();
  await expect(page.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('First name').fill('Zoë');
  await page.getByLabel('Last name').fill('Nguyen');
  await page.getByLabel('Email').fill('zoe@');
  await expect(page.getByText('Email must look like name@example.com.')).toBeVisible();
  await page.getByLabel('Email').fill('zoe@example.com');
  await page.getByLabel('Phone', { exact: true }).fill('0412 345 678');
  await page.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByRole('status')).toHaveText('Zoë Nguyen was added.');

  await addPatient(page, 'Ada', 'Lovelace');
  const search = page.getByRole('combobox', { name: /Search patients/ });
  const results = page.getByRole('listbox', { name: 'Matching patients' }).getByRole('option');
  await expect(results).toHaveCount(2);

  await search.fill('zoe ngu');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Nguyen, Zoë');

  await search.fill('0412-345');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Nguyen, Zoë');

  await search.fill('LOVE');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Lovelace, Ada');

  await search.fill('nobody');
  await expect(results).toHaveCount(0);
  await expect(page.getByText('No patient matches “nobody”.')).toBeVisible();
});

test('the main process refuses what the form would have caught, with the message next to the field', async ({
  page,
  harness,
}) => {
  await harness.open(page);
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('First name').fill('Future');
  await page.getByLabel('Last name').fill('Child');
  await page.getByLabel('Date of birth', { exact: true }).fill('2099-01-01');
  await page.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByText('Date of birth cannot be in the future.')).toBeVisible();
  await expect(
    page.getByRole('listbox', { name: 'Matching patients' }).getByRole('option'),
  ).toHaveCount(0);
});

test('a patient added in a second window appears in the first without reload', async ({
  page,
  context,
  harness,
}) => {
  await harness.open(page);
  const second = await context.newPage();
  await harness.open(second);
  await addPatient(second, 'Grace', 'Hopper', '0400 000 001');
  await expect(page.getByRole('option', { name: /Hopper, Grace/ })).toBeVisible();
});

test('keyboard: Ctrl+K focuses search from another screen, arrows and Enter open a patient', async ({
  page,
  harness,
}) => {
  await harness.open(page);
  await addPatient(page, 'Alan', 'Turing');
  await addPatient(page, 'Alice', 'Ball');
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: /Search patients/ });
  await expect(search).toBeFocused();
  await search.fill('al');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alan Turing');
});
