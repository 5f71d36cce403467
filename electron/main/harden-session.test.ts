// The session and every web contents refuse what a reception desk never needs,
// proved with fakes (no Electron binary): permission requests and checks,
// navigation and redirects away from the app, webviews, and new windows —
// which open in the system browser only for vetted https links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Session, WebContents } from 'electron';
import { hardenContents, hardenSession } from './harden-session.ts';

test('every permission request and check is denied', () => {
  let onRequest: ((...args: unknown[]) => void) | undefined;
  let onCheck: ((...args: unknown[]) => boolean) | undefined;
  hardenSession({
    setPermissionRequestHandler: (handler: never) => (onRequest = handler),
    setPermissionCheckHandler: (handler: never) => (onCheck = handler),
  } as unknown as Session);
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'usb']) {
    const answers: boolean[] = [];
    onRequest!({}, permission, (granted: boolean) => answers.push(granted), {});
    assert.deepEqual(answers, [false], permission);
    assert.equal(onCheck!({}, permission, 'app://punchcard', {}), false, permission);
  }
});

function harden() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  const opened: string[] = [];
  hardenContents(
    {
      on: (event: string, handler: never) => handlers.set(event, handler),
      setWindowOpenHandler: (handler: never) => (windowOpen = handler),
    } as unknown as WebContents,
    (url) => {
      opened.push(url);
      return Promise.resolve();
    },
  );
  const prevented = (event: string, url?: string) => {
    let stopped = false;
    handlers.get(event)!({ preventDefault: () => (stopped = true) }, url);
    return stopped;
  };
  return { prevented, windowOpen: windowOpen!, opened };
}

test('navigation and redirects away from app://punchcard are stopped; webviews are refused', () => {
  const { prevented } = harden();
  for (const event of ['will-navigate', 'will-redirect']) {
    assert.equal(prevented(event, 'app://punchcard/index.html#today'), false, event);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://other/index.html',
    ]) {
      assert.equal(prevented(event, url), true, `${event} ${url}`);
    }
  }
  assert.equal(prevented('will-attach-webview'), true);
});

test('window.open is always denied; only vetted https links go to the system browser', () => {
  const { windowOpen, opened } = harden();
  for (const url of [
    'https://docs.couchdb.org/en/stable/',
    'https://evil.example/',
    'http://docs.couchdb.org/',
    'javascript:alert(1)',
    'app://punchcard/index.html',
  ]) {
    assert.deepEqual(windowOpen({ url }), { action: 'deny' }, url);
  }
  assert.deepEqual(opened, ['https://docs.couchdb.org/en/stable/']);
});
