// RxDB orders documents in an index by comparing its index strings the way
// JavaScript does: UTF-16 code unit by code unit. SQLite compares TEXT as UTF-8
// bytes, which orders characters beyond U+FFFF (emoji, some CJK) after U+FFFF —
// and RxDB pads upper bounds with U+FFFF, so such documents would fall out of
// range queries. Storing the keys as BLOBs (compared with memcmp) encoded so
// that byte order equals code-unit order keeps SQLite's order identical to
// RxDB's.

const SURROGATE = /[\ud800-\udfff]/;

/**
 * Encodes an RxDB index string as bytes whose memcmp order equals the
 * JavaScript order of the strings. Each UTF-16 code unit is written with the
 * UTF-8 byte pattern of its value (CESU-8), which is order preserving. Strings
 * without surrogates encode exactly as UTF-8, so they take the native path.
 */
export function encodeIndexKey(indexString: string): Uint8Array {
  if (!SURROGATE.test(indexString)) {
    return Buffer.from(indexString, 'utf8');
  }
  const bytes: number[] = [];
  for (let i = 0; i < indexString.length; i++) {
    const unit = indexString.charCodeAt(i);
    if (unit < 0x80) {
      bytes.push(unit);
    } else if (unit < 0x800) {
      bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    } else {
      bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    }
  }
  return Uint8Array.from(bytes);
}
