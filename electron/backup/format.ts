// The backup file layout. Everything is in one file so a backup can be copied,
// mailed or kept on a USB stick as a single thing.
//
// Format versions: 1 = brotli payload (still read and restored); 2 = zstd
// payload (written now). The layout is the same; the version changed so that an
// app that only knows brotli says "written by a newer version" rather than
// "damaged" when it meets a zstd backup.
//
//   offset 0   8 bytes   magic: 0x89 "PCBAK" "\r\n" (the 0x89 and CR LF catch
//                        text-mode copies, as PNG does)
//          8   uint16 BE format version
//         10   uint32 BE header length H
//         14   H bytes   header: UTF-8 JSON (manifest + encryption parameters)
//     14 + H   32 bytes  SHA-256 of everything before (catches a damaged header
//                        before we trust any length in it)
//     46 + H   payload   the SQLite snapshot, compressed (the manifest names the
//                        codec: "brotli" or "zstd"), then encrypted if a
//                        passphrase was given (AES-256-GCM; the header block is
//                        its additional authenticated data)
//              16 bytes  GCM tag (encrypted files only)
//              32 bytes  SHA-256 of everything before: damage anywhere is found
//                        without the passphrase and told apart from a wrong one
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const MAGIC = Buffer.from([0x89, 0x50, 0x43, 0x42, 0x41, 0x4b, 0x0d, 0x0a]);
/** The version new backups are written in; every version up to it is read. */
export const FORMAT_VERSION = 2;
export const PREFIX_BYTES = MAGIC.length + 2 + 4;
export const HASH_BYTES = 32;
export const GCM_TAG_BYTES = 16;
export const GCM_NONCE_BYTES = 12;
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const count = z.number().int().nonnegative();

export const manifestSchema = z.object({
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  createdAt: z.iso.datetime(),
  deskId: z.string(),
  /** Rows per table of the snapshot (the app's collections live in tables). */
  counts: z.record(z.string(), count),
  /** Whatever the app's `describe` hook returned (journal totals, ...). */
  summary: z.json().optional(),
  snapshot: z.object({ bytes: count, sha256: sha256Hex }),
  payload: z.object({
    compression: z.enum(['brotli', 'zstd']),
    bytes: count,
    sha256: sha256Hex,
  }),
});

export const scryptParamsSchema = z.object({
  name: z.literal('scrypt'),
  // Bounded above so a doctored header cannot make us allocate gigabytes.
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64,
});

export const encryptionSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  kdf: scryptParamsSchema,
  nonce: base64,
  /** Derived from the passphrase, so a wrong passphrase is told apart from a damaged file. */
  keyCheck: base64,
});

export const headerSchema = z.object({
  manifest: manifestSchema,
  encryption: encryptionSchema.nullable(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type EncryptionHeader = z.infer<typeof encryptionSchema>;
export type ScryptParams = z.infer<typeof scryptParamsSchema>;
export type BackupHeader = z.infer<typeof headerSchema>;

/** Magic, the manifest's format version, length, header JSON and the header's own checksum. */
export function encodeHeaderBlock(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length > MAX_HEADER_BYTES)
    throw new Error('Backup header too large (the describe() summary is too big).');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(header.manifest.formatVersion, MAGIC.length);
  prefix.writeUInt32BE(json.length, MAGIC.length + 2);
  const body = Buffer.concat([prefix, json]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** Total file size implied by a header block (lets us call a short file "truncated"). */
export function expectedFileSize(headerBlockBytes: number, header: BackupHeader): number {
  const tag = header.encryption ? GCM_TAG_BYTES : 0;
  return headerBlockBytes + header.manifest.payload.bytes + tag + HASH_BYTES;
}
