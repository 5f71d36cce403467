// The time part of our ids (48-bit milliseconds in Crockford base32, the ULID
// layout made by electron/core/ids.ts): ids made at or after a time sort at or
// after this prefix, so a time range is an index range on the primary key.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function idTimePrefix(milliseconds: number): string {
  let remaining = Math.max(0, Math.floor(milliseconds));
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[remaining % 32] + out;
    remaining = Math.floor(remaining / 32);
  }
  return out;
}
