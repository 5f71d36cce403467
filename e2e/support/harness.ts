// A fixture that starts the browser harness (the desk's services under plain
// Node) with a fresh temporary data directory for each test.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface HarnessFixture {
  url: string;
  dataDirectory: string;
  /** Opens the app in a new page and waits until it is ready. */
  open(page: Page): Promise<void>;
}

async function startHarnessProcess(
  dataDirectory: string,
  signedIn: boolean,
): Promise<{ child: ChildProcess; url: string }> {
  const args = ['scripts/dev-web.ts', '--data', dataDirectory];
  // Specs start signed in as a development manager unless they are about signing in.
  if (signedIn) args.push('--dev-staff');
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}:\n${stderr}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { url?: string };
        if (parsed.url) {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      } catch {
        // other output
      }
    });
  });
  return { child, url };
}

export const test = base.extend<{ harness: HarnessFixture; signedIn: boolean }>({
  /** `test.use({ signedIn: false })`: start with nobody signed in (the sign-in specs). */
  signedIn: [true, { option: true }],
  harness: async ({ signedIn }, use) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'punchcard-e2e-'));
    const { child, url } = await startHarnessProcess(dataDirectory, signedIn);
    await use({
      url,
      dataDirectory,
      async open(page) {
        await page.goto(url);
        await expect(page.locator('body[data-ready="true"]')).toBeAttached();
      },
    });
    child.kill('SIGTERM');
    rmSync(dataDirectory, { recursive: true, force: true });
  },
});

export { expect };
