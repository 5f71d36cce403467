// Real backups in format 1 (brotli payload), written by the createBackup of that
// time from `createSampleDb(file, 40)`: one plain, one encrypted. They prove that
// backups made before zstd stay readable and restorable.
import path from 'node:path';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

export const FORMAT_1_ROWS = 40;
export const FORMAT_1_PLAIN = path.join(FIXTURES, 'format-1-brotli-plain.pcbak');
export const FORMAT_1_ENCRYPTED = path.join(FIXTURES, 'format-1-brotli-encrypted.pcbak');
export const FORMAT_1_PASSPHRASE = 'brotli fixture passphrase';
