// Passphrase -> key, with scrypt at OWASP's minimum or above (N=2^17, r=8, p=1:
// 128 MiB of memory per guess). One derivation yields the AES key and a key-check
// value stored in the header, so "wrong passphrase" is a precise diagnosis.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptParams } from './format.ts';

export const DEFAULT_SCRYPT: Omit<ScryptParams, 'salt'> = {
  name: 'scrypt',
  N: 2 ** 17,
  r: 8,
  p: 1,
};
const SALT_BYTES = 16;
const KEY_CHECK_CONTEXT = 'punchcard-backup key check v1';

export interface DerivedKeys {
  readonly key: Buffer;
  readonly keyCheck: Buffer;
}

export function newScryptParams(base: Omit<ScryptParams, 'salt'> = DEFAULT_SCRYPT): ScryptParams {
  return { ...base, salt: randomBytes(SALT_BYTES).toString('base64') };
}

export async function deriveKeys(passphrase: string, params: ScryptParams): Promise<DerivedKeys> {
  const material = await new Promise<Buffer>((resolve, reject) => {
    // Async scrypt runs on the libuv pool: the event loop stays free meanwhile.
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      64,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (error, derived) => (error ? reject(error) : resolve(derived)),
    );
  });
  const key = material.subarray(0, 32);
  const keyCheck = createHash('sha256')
    .update(KEY_CHECK_CONTEXT)
    .update(material.subarray(32))
    .digest();
  return { key, keyCheck };
}

export function keyCheckMatches(derived: DerivedKeys, stored: string): boolean {
  const expected = Buffer.from(stored, 'base64');
  return expected.length === derived.keyCheck.length && timingSafeEqual(expected, derived.keyCheck);
}
