// Turning an import file's bytes into text. Spreadsheets save CSV as UTF-8
// (Excel adds a byte-order mark), as "Unicode text" (UTF-16 with a mark), or in
// the PC's legacy code page — Windows-1252 on English-language Windows. Bytes
// that are not valid UTF-8 are read as Windows-1252, which gives every byte a
// character, so "Zoë" saved by an old Excel comes through as "Zoë".

export type TextEncodingName = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeImportBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 with BOM' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
