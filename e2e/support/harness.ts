// A fixture that starts the browser harness (the desk's services under plain
// Node) with a fresh temporary data directory for each test.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, startHarnessOn, stopHarness } from './restartable-harness.ts';

export interface HarnessFixture {
  url: string;
  dataDirectory: string;
  /** Opens the app in a new page and waits until it is ready. */
  open(page: Page): Promise<void>;
}

export const test = base.extend<{ harness: HarnessFixture; signedIn: boolean }>({
  /** `test.use({ signedIn: false })`: start with nobody signed in (the sign-in specs). */
  signedIn: [true, { option: true }],
  harness: async ({ signedIn }, use) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'punchcard-e2e-'));
    // Specs start signed in as a development manager unless they are about signing in.
    const running = await startHarnessOn(dataDirectory, signedIn ? ['--dev-staff'] : []);
    await use({
      url: running.url,
      dataDirectory,
      open: (page) => openApp(page, running.url),
    });
    await stopHarness(running);
    rmSync(dataDirectory, { recursive: true, force: true });
  },
});

export { expect };
