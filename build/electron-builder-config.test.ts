// The installer configuration cannot be exercised here (electron-builder
// downloads Electron), so its promises are checked as data: targets, identity,
// files, and the security fuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON under test
const config: Record<string, any> = JSON.parse(
  readFileSync('build/electron-builder.config.json', 'utf8'),
);

test('builds an AppImage and a .deb for Linux and an NSIS installer for Windows', () => {
  assert.deepEqual(config['linux'].target, ['AppImage', 'deb']);
  assert.deepEqual(config['win'].target, ['nsis']);
  assert.equal(config['productName'], 'Punchcard');
  assert.match(config['appId'], /^[a-z]+(\.[a-z]+)+$/);
});

test('the icon exists and the packaged entry point is the built main process', () => {
  assert.ok(existsSync(config['linux'].icon));
  assert.ok(existsSync(config['win'].icon));
  assert.equal(config['extraMetadata'].main, 'dist/electron/main.cjs');
  assert.ok(config['files'].includes('dist/renderer/**/*'));
  // Every bundle beside it, the clinic fold worker (dist/electron/clinic-fold-worker.cjs,
  // started from a file inside the asar) among them.
  assert.ok(config['files'].includes('dist/electron/**/*.cjs'));
});

test('fuses: no run-as-node, no NODE_OPTIONS or inspect flags, asar integrity and asar-only loading', () => {
  assert.deepEqual(config['electronFuses'], {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
  assert.equal(config['asar'], true);
});

test('name, version and publisher come from one place each', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, string>;
  // electron-builder takes the version from package.json; the About dialog shows the same.
  assert.match(pkg['version'] ?? '', /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  assert.equal(pkg['productName'], config['productName']);
  assert.ok(pkg['author'], 'the publisher of the Linux packages');
  assert.ok(config['win'].publisherName, 'the publisher Windows shows for the installer');
  assert.match(config['linux'].maintainer, /<.+@.+>/);
});
