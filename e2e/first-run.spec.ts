// The first run of a desk, as a clinic adopting the app would go through it:
// the wizard (defaults, checks as you type, Enter to move on) ends signed in
// as the first manager on a set-up desk; a restored backup and the demo clinic
// each open after the restart the app asks for. Each test starts its own
// harness with --fresh (a new desk is not set up) and restarts it on the same
// data folder where the app would restart.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectOps } from './support/ops-client.ts';
import { openApp, startHarnessOn, stopHarness } from './support/restartable-harness.ts';

const folders: string[] = [];
function newFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-first-run-'));
  folders.push(dir);
  return dir;
}
test.afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

test('the wizard: defaults, checks as you type, keyboard only, and the desk starts set up and signed in', async ({
  page,
}) => {
  const data = join(newFolder(), 'data');
  const backups = join(newFolder(), 'backups');
  let harness = await startHarnessOn(data, ['--fresh']);
  try {
    await openApp(page, harness.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Punchcard' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Set up a new clinic' })).toBeFocused();
    await page.keyboard.press('Enter');

    // Step 1: every field has a default; a bad currency is named as it is typed.
    await expect(page.getByRole('heading', { name: 'Your clinic' })).toBeVisible();
    await expect(page.getByLabel('Clinic name')).toBeFocused();
    await expect(page.getByLabel('Clinic name')).toHaveValue('My clinic');
    await expect(page.getByLabel('Currency')).not.toHaveValue('');
    await expect(page.getByLabel('Time zone')).not.toHaveValue('');
    await page.getByLabel('Clinic name').fill('Harbour Physio');
    await page.getByLabel('Currency').fill('XYZ');
    await expect(page.getByText('Currency must be an ISO 4217 code such as AUD.')).toBeVisible();
    await page.getByLabel('Currency').fill('NZD');
    await expect(page.getByText(/ISO 4217/)).toHaveCount(0);
    await page.getByLabel('Time zone').fill('Pacific/Auckland');
    await page.getByLabel('Locale').fill('en-NZ');
    await page.keyboard.press('Enter');

    // Step 2: this desk.
    await expect(page.getByRole('heading', { name: 'This desk' })).toBeVisible();
    await expect(page.getByLabel('Desk name')).toHaveValue('Front desk');
    await page.getByLabel('Number prefix').fill('front desk');
    await expect(page.getByText('The prefix is 1 to 12 letters or digits, e.g. FD.')).toBeVisible();
    await page.getByLabel('Number prefix').fill('fd');
    await page.keyboard.press('Enter');

    // Step 3: the first manager; Enter with nothing typed points at what is missing.
    await expect(page.getByRole('heading', { name: 'The first manager' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Your name is required.')).toBeVisible();
    await expect(page.getByLabel('Your name')).toBeFocused();
    await page.keyboard.type('Kim Lee');
    await page.getByLabel('PIN or password').fill('2468');
    await page.getByLabel('The same again').fill('2469');
    await expect(page.getByText('The two entries are not the same.')).toBeVisible();
    await page.getByLabel('The same again').fill('2468');
    await page.keyboard.press('Enter');

    // Step 4: a backup folder that cannot be used is refused by the main process at the end.
    await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
    await page.getByLabel('Backup folder (optional)').fill('backups');
    await expect(page.getByText(/Give the full path of the folder/)).toBeVisible();
    await page.getByLabel('Backup folder (optional)').fill(backups);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Ready to start' })).toBeVisible();
    await expect(page.getByText('Harbour Physio')).toBeVisible();
    await expect(page.getByText('Front desk (numbers start FD-)')).toBeVisible();
    await page.getByRole('button', { name: 'Finish setup' }).click();

    // Set up and signed in as the manager.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
      'Signed in: Kim Lee (manager)',
    );
    const desk = JSON.parse(readFileSync(join(data, 'desk.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(desk['setUp']).toBe(true);
    expect(desk['deskName']).toBe('Front desk');
    expect(desk['numberPrefix']).toBe('FD');
    expect((desk['backup'] as { folder: string }).folder).toBe(backups);
    const ops = await connectOps(harness.url);
    const settings = await ops.call('setupStatus', {});
    expect(settings.setUp).toBe(true);
    const again = await ops.ask('completeSetup', {
      clinic: { clinicName: 'X', currency: 'AUD', timeZone: 'UTC', locale: 'en' },
      desk: { deskName: 'X', numberPrefix: 'X' },
      manager: { name: 'Intruder', secret: '1111' },
      backupFolder: '',
    });
    expect(again.ok ? '' : again.error.message).toBe('This desk is already set up.');
    ops.close();

    // About shows the version.
    await page.getByRole('button', { name: 'About' }).click();
    await expect(page.getByRole('dialog', { name: 'About Punchcard' })).toContainText(
      /Version\s*\d+\.\d+\.\d+/,
    );
    await page.keyboard.press('Escape');

    // Started again, the desk is set up: the sign-in screen, not the wizard.
    await stopHarness(harness);
    harness = await startHarnessOn(data, ['--fresh']);
    await openApp(page, harness.url);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Welcome to Punchcard' })).toHaveCount(0);
  } finally {
    await stopHarness(harness);
  }
});

test('restore from a backup: a wrong file is refused, the right one opens after the restart', async ({
  page,
}) => {
  // A clinic that has been running: one patient, one backup.
  const old = join(newFolder(), 'data');
  const backups = join(newFolder(), 'backups');
  const running = await startHarnessOn(old, ['--dev-staff']);
  const ops = await connectOps(running.url);
  await ops.call('addPatient', { firstName: 'Restored', lastName: 'Patient' });
  await ops.call('setBackupSettings', { folder: backups, dailyAt: '21:00' });
  const backup = await ops.call('backUpNow', {});
  ops.close();
  await stopHarness(running);
  const file = join(
    backups,
    readdirSync(backups).find((name) => name === backup.name)!,
  );

  const data = join(newFolder(), 'data');
  let harness = await startHarnessOn(data, ['--fresh']);
  try {
    await openApp(page, harness.url);
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await page.getByLabel('Backup file (full path)').fill(join(backups, 'missing.pcbak'));
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText('There is no file at that path.')).toBeVisible();
    await page.getByLabel('Backup file (full path)').fill(join(old, 'desk.json'));
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText('This is not a Punchcard backup file.')).toBeVisible();
    await page.getByLabel('Backup file (full path)').fill(file);
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('heading', { name: 'Start Punchcard again' })).toBeVisible({
      timeout: 30_000,
    });

    await stopHarness(harness);
    harness = await startHarnessOn(data, ['--fresh']);
    await openApp(page, harness.url);
    // The restored clinic's staff have no PIN at this PC yet: the first manager is created here.
    await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible();
    await page.getByLabel('Your name').fill('Kim');
    await page.getByLabel(/^PIN \(4 to 8 digits\)/).fill('2468');
    await page.getByLabel('The same again').fill('2468');
    await page.getByRole('button', { name: 'Create manager and sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Patients' })
      .click();
    await expect(
      page.getByText('Patient, Restored').or(page.getByText('Restored Patient')).first(),
    ).toBeVisible();
  } finally {
    await stopHarness(harness);
  }
});

test('open the demo clinic: generated, then open after the restart', async ({ page }) => {
  test.setTimeout(120_000);
  const data = join(newFolder(), 'data');
  let harness = await startHarnessOn(data, ['--fresh']);
  try {
    await openApp(page, harness.url);
    await page.getByRole('button', { name: 'Open the demo clinic' }).click();
    await expect(page.getByRole('heading', { name: 'Start Punchcard again' })).toBeVisible({
      timeout: 90_000,
    });
    await stopHarness(harness);
    harness = await startHarnessOn(data, ['--fresh']);
    const ops = await connectOps(harness.url);
    expect((await ops.call('setupStatus', {})).setUp).toBe(true);
    ops.close();
    await openApp(page, harness.url);
    await expect(page.getByRole('heading', { name: 'Set up this desk' })).toBeVisible();
    await page.getByLabel('Your name').fill('Demo Manager');
    await page.getByLabel(/^PIN \(4 to 8 digits\)/).fill('2468');
    await page.getByLabel('The same again').fill('2468');
    await page.getByRole('button', { name: 'Create manager and sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Patients' })
      .click();
    await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    const rows = page.getByRole('listbox', { name: 'Matching patients' }).getByRole('option');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(10);
  } finally {
    await stopHarness(harness);
  }
});
