// PINs and passwords are kept only as scrypt hashes (memory-hard, in
// node:crypto): OWASP's parameters N=2^17, r=8, p=1, a random 16-byte salt per
// staff member, a 32-byte key, compared in constant time. The stored string
// names its parameters, so stronger ones can be adopted without breaking old
// hashes: "scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>".
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParameters {
  log2N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17 (128 MiB), r=8, p=1. */
export const OWASP_SCRYPT: ScryptParameters = { log2N: 17, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(secret: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default.
    maxmem: 128 * N * params.r * params.p + 32 * 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashSecret(
  secret: string,
  params: ScryptParameters = OWASP_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, params);
  return [
    'scrypt',
    params.log2N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** True when `secret` is the one `stored` was made from. False for a malformed hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [log2N, r, p] = parts.slice(1, 4).map(Number);
  if (
    !Number.isInteger(log2N) ||
    !Number.isInteger(r) ||
    !Number.isInteger(p) ||
    log2N! < 10 ||
    log2N! > 22 ||
    r! < 1 ||
    r! > 32 ||
    p! < 1 ||
    p! > 4
  ) {
    return false;
  }
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (salt.length !== SALT_BYTES || expected.length !== KEY_BYTES) return false;
  const key = await derive(secret, salt, { log2N: log2N!, r: r!, p: p! });
  return timingSafeEqual(key, expected);
}
