// Ids of the same layout as the desk's (electron/core/ids.ts: 48 bits of
// milliseconds then 80 bits in Crockford base32, incremented within one
// millisecond), but with the random part drawn from the seeded generator, so
// a seed reproduces the same ids.
import type { Random } from './random.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface SeededIds {
  /** a new id stamped with `time` (ms since the epoch) */
  at(time: number): string;
}

export function createSeededIds(random: Random): SeededIds {
  let lastTime = -1;
  let digits: number[] = [];
  return {
    at(time) {
      if (time === lastTime) {
        digits = increment(digits);
      } else {
        lastTime = time;
        digits = Array.from({ length: 16 }, () => Math.floor(random.next() * 32));
      }
      return encodeTime(time) + digits.map((d) => ALPHABET[d]).join('');
    },
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

function increment(digits: number[]): number[] {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    const digit = next[i] ?? 0;
    if (digit < 31) {
      next[i] = digit + 1;
      return next;
    }
    next[i] = 0;
  }
  throw new Error('80-bit id space exhausted within one millisecond');
}
