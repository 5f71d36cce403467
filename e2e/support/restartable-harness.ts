// A harness process (the desk's services under plain Node) on a data folder:
// the per-test fixture (harness.ts) uses it, and so do specs that restart the
// desk where the app would restart itself (after a restore): stop it, start it
// again on the same folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, type Page } from '@playwright/test';

export interface RunningHarness {
  child: ChildProcess;
  url: string;
}

export async function startHarnessOn(
  dataDirectory: string,
  extra: string[] = [],
): Promise<RunningHarness> {
  const child = spawn(process.execPath, ['scripts/dev-web.ts', '--data', dataDirectory, ...extra], {
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

/**
 * Stop the process and wait until it has exited: it still closes its database (and
 * may write files) after the signal, so its folder can be removed only then.
 */
export async function stopHarness(running: RunningHarness): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(stuck);
}

export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}
