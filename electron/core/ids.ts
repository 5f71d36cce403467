// Ids that sort by the time they were made and are unique across desks that
// are offline at the same time: 48 bits of milliseconds, then 80 random bits,
// in Crockford base32 (the ULID layout). Within one millisecond the random part
// is incremented, so ids made by one desk never go backwards.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type IdSource = () => string;

export function createIdSource(now: () => number = Date.now): IdSource {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    const time = now();
    if (time === lastTime) {
      lastRandom = incrementBase32(lastRandom);
    } else {
      lastTime = time;
      lastRandom = randomBase32Digits(16);
    }
    return encodeTime(time) + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}

function encodeTime(time: number): string {
  let remaining = time;
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[remaining % 32] + out;
    remaining = Math.floor(remaining / 32);
  }
  return out;
}

function randomBase32Digits(count: number): number[] {
  return Array.from(randomBytes(count), (byte) => byte % 32);
}

function incrementBase32(digits: number[]): number[] {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    const digit = next[i] ?? 0;
    if (digit < 31) {
      next[i] = digit + 1;
      return next;
    }
    next[i] = 0;
  }
  // 80 bits overflowed inside one millisecond: practically impossible; start over randomly.
  return randomBase32Digits(next.length);
}
