import { defineConfig } from '@playwright/test';
import { chromiumExecutable, chromiumArgs } from './support/chromium.ts';

// End-to-end specs. The renderer runs in Debian's Chromium against the browser
// harness (each test with its own data directory); electron.spec.ts launches
// the real app where an Electron binary exists and is skipped, with the reason,
// where it does not.
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  // Separate output folders let several runs share one checkout.
  outputDir: process.env['PW_OUTPUT_DIR'] ?? '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
