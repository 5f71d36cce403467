// The page holds no Node or Electron powers, the CSP stops injected script,
// navigation away is refused, and the harness's sockets refuse strangers.
import { WebSocket as NodeWebSocket } from 'ws';
import { test, expect } from './support/harness.ts';

test('the page has no require, process, or raw IPC', async ({ page, harness }) => {
  await harness.open(page);
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
  }));
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('the Content-Security-Policy blocks injected inline, data: and remote scripts', async ({
  page,
  harness,
}) => {
  const response = await page.goto(harness.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();

  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.blockedURI || 'inline'),
    );
    const inline = document.createElement('script');
    inline.textContent = 'window.__inline = true;';
    document.body.appendChild(inline);
    const fromData = document.createElement('script');
    fromData.src = 'data:text/javascript,window.__data = true;';
    document.body.appendChild(fromData);
    const remote = document.createElement('script');
    remote.src = 'https://cdn.example.com/x.js';
    document.body.appendChild(remote);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const w = window as unknown as { __inline?: boolean; __data?: boolean };
    return { inline: w.__inline === true, data: w.__data === true, violations };
  });
  expect(outcome.inline).toBe(false);
  expect(outcome.data).toBe(false);
  expect(outcome.violations).toEqual(
    expect.arrayContaining(['inline', 'data', 'https://cdn.example.com/x.js']),
  );
});

test('a link to another site does not navigate away from the app', async ({ page, harness }) => {
  await harness.open(page);
  // The app shell (and its <main>) appears once the setup and sign-in gates have
  // answered, a moment after the page reports ready.
  const patientsHeading = page.getByRole('heading', { name: 'Patients', level: 1 });
  await expect(patientsHeading).toBeVisible();
  const before = page.url();
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.com/phish';
    link.textContent = 'outside link';
    document.querySelector('main')!.appendChild(link);
  });
  await page.getByText('outside link').click();
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
  await expect(patientsHeading).toBeVisible();
});

test('the harness refuses socket connections without the secret or from another origin', async ({
  page,
  harness,
}) => {
  await harness.open(page);
  const origin = new URL(harness.url).origin;
  const results = await page.evaluate(
    async (wsBase) => {
      const attempt = (url: string) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => {
            resolve('open');
            socket.close();
          };
          socket.onerror = () => resolve('refused');
        });
      return {
        noToken: await attempt(`${wsBase}/ops`),
        wrongToken: await attempt(`${wsBase}/ops?token=${'0'.repeat(64)}`),
        storageWrongToken: await attempt(`${wsBase}/storage?token=nope`),
      };
    },
    origin.replace('http', 'ws'),
  );
  expect(results).toEqual({
    noToken: 'refused',
    wrongToken: 'refused',
    storageWrongToken: 'refused',
  });

  // Another origin with the right secret (e.g. a web page the PC visits) is refused;
  // the same secret from the app's own origin is accepted.
  const token = new URL(harness.url).hash.replace('#token=', '');
  const wsUrl = `${origin.replace('http', 'ws')}/ops?token=${token}`;
  expect(await nodeSocketAttempt(wsUrl, 'https://evil.example')).toBe('refused 401');
  expect(await nodeSocketAttempt(wsUrl, origin)).toBe('open');
});

function nodeSocketAttempt(url: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new NodeWebSocket(url, { origin });
    socket.on('open', () => {
      resolve('open');
      socket.close();
    });
    socket.on('unexpected-response', (_request, response) =>
      resolve(`refused ${response.statusCode}`),
    );
    socket.on('error', (error) => resolve(`error ${error.message}`));
  });
}
