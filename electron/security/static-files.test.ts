import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStaticFile, contentTypeOf } from './static-files.ts';

test('paths inside the bundle resolve; the root is index.html', () => {
  assert.equal(resolveStaticFile('/app/dist', '/'), '/app/dist/index.html');
  assert.equal(resolveStaticFile('/app/dist', '/assets/a.js'), '/app/dist/assets/a.js');
});

test('paths that escape the bundle are refused', () => {
  for (const attempt of [
    '/../secret',
    '/%2e%2e/secret',
    '/assets/../../etc/passwd',
    '/..%2fsecret',
    '/a%5c..%5c..%5cx',
    '/%00',
    '/%E0%A4%A',
  ]) {
    assert.equal(resolveStaticFile('/app/dist', attempt), null, attempt);
  }
});

test('content types come from the extension', () => {
  assert.equal(contentTypeOf('x/index.html'), 'text/html; charset=utf-8');
  assert.equal(contentTypeOf('x/a.JS'), 'text/javascript; charset=utf-8');
  assert.equal(contentTypeOf('x/a.bin'), 'application/octet-stream');
});
