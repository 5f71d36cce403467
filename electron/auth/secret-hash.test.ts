import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret, OWASP_SCRYPT, verifySecret } from './secret-hash.ts';
import { FAST_SCRYPT } from './testing/test-staff.ts';

test('the app hashes with OWASP scrypt parameters, a fresh salt each time, never the secret itself', async () => {
  const first = await hashSecret('4821');
  const second = await hashSecret('4821');
  assert.deepEqual(OWASP_SCRYPT, { log2N: 17, r: 8, p: 1 });
  assert.match(first, /^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  assert.notEqual(first, second, 'per-secret random salt');
  assert.ok(!first.includes('4821'));
  assert.equal(await verifySecret('4821', first), true);
  assert.equal(await verifySecret('4821', second), true);
});

test('a wrong secret, or a damaged or weakened hash, does not verify', async () => {
  const stored = await hashSecret('correct horse battery', FAST_SCRYPT);
  assert.equal(await verifySecret('correct horse battery', stored), true);
  assert.equal(await verifySecret('correct horse batterY', stored), false);
  assert.equal(await verifySecret('', stored), false);
  const parts = stored.split('$');
  for (const damaged of [
    '',
    'plain-text',
    stored.replace(/^scrypt/, 'bcrypt'),
    [...parts.slice(0, 5), 'AAAA'].join('$'),
    ['scrypt', '1', '8', '1', parts[4], parts[5]].join('$'), // N=2 would be trivial to brute-force
    ['scrypt', '30', '8', '1', parts[4], parts[5]].join('$'), // would exhaust memory
  ]) {
    assert.equal(await verifySecret('correct horse battery', damaged), false, damaged);
  }
});
