// The real desktop app through Playwright's Electron driver: the same slice
// as patients.spec.ts plus the window's security, where an Electron binary
// exists. Where it does not (as on machines that cannot download it), every
// test here is reported as skipped with the reason.
import {
  _electron as electron,
  test,
  expect,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../scripts/electron-binary.ts';

const binary = findElectronBinary();
const skipReason = binary.found
  ? ''
  : `No Electron binary: ${binary.reason}. Run \`npx install-electron\` on a connected machine to run these.`;
if (!binary.found) console.log(`electron.spec.ts skipped — ${skipReason}`);

test.describe('desktop app (Electron)', () => {
  test.skip(!binary.found, skipReason);

  let app: ElectronApplication;
  let page: Page;
  let dataDirectory: string;

  test.beforeAll(() => {
    const built = spawnSync('npm', ['run', 'build:electron'], { stdio: 'inherit' });
    expect(built.status).toBe(0);
  });

  test.beforeEach(async () => {
    if (!binary.found) return;
    dataDirectory = mkdtempSync(join(tmpdir(), 'punchcard-electron-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: ['dist/electron/main.cjs', `--data-dir=${dataDirectory}`, '--no-sandbox'],
    });
    page = await app.firstWindow();
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    // A fresh desk: its first person creates the first manager (see e2e/auth.spec.ts).
    await page.getByLabel('Your name').fill('Mia');
    await page.getByLabel(/^PIN \(4 to 8 digits\)/).fill('2468');
    await page.getByLabel('The same again').fill('2468');
    await page.getByRole('button', { name: 'Create manager and sign in' }).click();
    await expect(page.getByText('Signed in: Mia (manager)')).toBeVisible();
  });

  test.afterEach(async () => {
    await app?.close();
    if (dataDirectory) rmSync(dataDirectory, { recursive: true, force: true });
  });

  test('adds a patient and finds them as you type', async () => {
    await page.getByRole('button', { name: 'New patient' }).click();
    await page.getByLabel('First name').fill('Zoë');
    await page.getByLabel('Last name').fill('Nguyen');
    await page.getByRole('button', { name: 'Add patient' }).click();
    await expect(page.getByRole('status')).toHaveText('Zoë Nguyen was added.');
    await page.getByRole('combobox', { name: /Search patients/ }).fill('zoe');
    await expect(page.getByRole('option', { name: /Nguyen, Zoë/ })).toBeVisible();
  });

  test('the window is isolated, sandboxed, loaded from the app protocol, and cannot navigate away', async () => {
    expect(page.url()).toBe('app://punchcard/index.html');
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridgeKeys: Object.keys(
        (window as unknown as { punchcard: Record<string, unknown> }).punchcard,
      ).sort(),
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridgeKeys: ['kind', 'operations', 'storage'],
    });
    // Permission requests (camera, notifications, …) are denied by the main process.
    const permission = await page.evaluate(() => Notification.requestPermission());
    expect(permission).toBe('denied');
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://punchcard/index.html');
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
