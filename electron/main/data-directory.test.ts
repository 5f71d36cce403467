import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataDirectoryFrom } from './data-directory.ts';

test('the flag wins over the environment, which wins over the user data path', () => {
  assert.equal(
    dataDirectoryFrom(
      ['electron', '.', '--data-dir=/tmp/a'],
      { PUNCHCARD_DATA_DIR: '/tmp/b' },
      '/home/u/.config/Punchcard',
    ),
    '/tmp/a',
  );
  assert.equal(
    dataDirectoryFrom(
      ['electron', '.'],
      { PUNCHCARD_DATA_DIR: '/tmp/b' },
      '/home/u/.config/Punchcard',
    ),
    '/tmp/b',
  );
  assert.equal(
    dataDirectoryFrom(['electron', '.'], {}, '/home/u/.config/Punchcard'),
    '/home/u/.config/Punchcard/data',
  );
});
