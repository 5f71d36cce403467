// The window's security settings, asserted without an Electron binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowOptions, isTrustedSenderUrl, isVettedExternalLink } from './window-options.ts';
import { contentSecurityPolicy } from '../security/content-security-policy.ts';

test('the window is isolated, sandboxed and without Node', () => {
  const prefs = windowOptions('/x/preload.cjs').webPreferences!;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.preload, '/x/preload.cjs');
});

test('only the app origin is a trusted IPC sender', () => {
  assert.equal(isTrustedSenderUrl('app://punchcard/index.html'), true);
  for (const url of [
    'https://punchcard/index.html',
    'app://evil/index.html',
    'file:///x/index.html',
    'http://127.0.0.1:5173/',
    '',
    undefined,
    'not a url',
  ]) {
    assert.equal(isTrustedSenderUrl(url), false, String(url));
  }
});

test('only https links to vetted hosts open externally', () => {
  assert.equal(isVettedExternalLink('https://docs.couchdb.org/en/stable/'), true);
  for (const url of [
    'http://docs.couchdb.org/',
    'https://evil.example/',
    'file:///etc/passwd',
    'https://user:pw@docs.couchdb.org/',
    'javascript:alert(1)',
  ]) {
    assert.equal(isVettedExternalLink(url), false, url);
  }
});

test('the CSP allows no inline script, no eval, no remote origins', () => {
  const csp = contentSecurityPolicy();
  const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
  assert.deepEqual(directives.get('script-src'), ["'self'"]);
  assert.deepEqual(directives.get('default-src'), ["'self'"]);
  assert.deepEqual(directives.get('object-src'), ["'none'"]);
  assert.ok(!csp.includes('unsafe-inline'));
  assert.ok(!csp.includes('unsafe-eval'));
  assert.ok(!/https?:/.test(csp));
});
