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
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/dev-web.ts', '--data', dataDirectory], {
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

export const test = base.extend<{ harness: HarnessFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  harness: async ({}, use) => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'punchcard-e2e-'));
    const { child, url } = await startHarnessProcess(dataDirectory);
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
