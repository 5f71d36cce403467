// A backup that is damaged in any way is refused by verify and by restore, with
// the right diagnosis, and the live data stays byte-identical every time.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { BackupFileError } from './errors.ts';
import type { BackupProblem } from './errors.ts';
import {
  FORMAT_VERSION,
  HASH_BYTES,
  PREFIX_BYTES,
  encodeHeaderBlock,
  headerSchema,
} from './format.ts';
import { verifyBackup } from './read-backup.ts';
import { restoreBackup } from './restore.ts';
import {
  FORMAT_1_ENCRYPTED,
  FORMAT_1_PASSPHRASE,
  FORMAT_1_PLAIN,
} from './testing/format-1-fixtures.ts';
import { createSampleDb } from './testing/sample-db.ts';
import { createBackup } from './write-backup.ts';

let dir: string;
let dataFile: string;
let plainBackup: Buffer;
let encryptedBackup: Buffer;
let formatOnePlain: Buffer;
let formatOneEncrypted: Buffer;
const PASSPHRASE = 'reception desk 7';

/** Name and content of every file in the data folder: what "untouched" means. */
function dataFolderFingerprint(): string {
  const dataDir = path.dirname(dataFile);
  return fs
    .readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return `${full}:${createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`;
    })
    .sort()
    .join('\n');
}

async function expectRefusal(
  bytes: Buffer,
  problems: readonly BackupProblem[],
  passphrase?: string,
): Promise<void> {
  const file = path.join(dir, 'candidate.pcbak');
  fs.writeFileSync(file, bytes);
  const before = dataFolderFingerprint();
  const isExpected = (error: unknown) => {
    assert.ok(error instanceof BackupFileError, `expected a BackupFileError, got ${String(error)}`);
    assert.ok(
      problems.includes(error.problem),
      `expected one of ${problems.join(', ')}, got ${error.problem}: ${error.message}`,
    );
    return true;
  };
  await assert.rejects(verifyBackup(file, { passphrase }), isExpected);
  let closed = false;
  await assert.rejects(
    restoreBackup({
      file,
      dataFile,
      passphrase,
      appVersion: 'test',
      beforeReplace: () => void (closed = true),
    }),
    isExpected,
  );
  assert.equal(closed, false, 'the store must not be closed for a refused restore');
  assert.equal(dataFolderFingerprint(), before, 'live data must be untouched');
}

/** Rewrites the header of a backup and recomputes both checksums (a deliberate forgery). */
function forgeHeader(
  bytes: Buffer,
  edit: (header: ReturnType<typeof headerSchema.parse>) => void,
): Buffer {
  const headerBytes = bytes.readUInt32BE(10);
  const header = headerSchema.parse(
    JSON.parse(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerBytes).toString('utf8')),
  );
  edit(header);
  const block = encodeHeaderBlock(header);
  const rest = bytes.subarray(PREFIX_BYTES + headerBytes + HASH_BYTES, bytes.length - HASH_BYTES);
  const body = Buffer.concat([block, rest]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

function withFreshTrailer(bytes: Buffer): Buffer {
  const body = bytes.subarray(0, bytes.length - HASH_BYTES);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-refusals-'));
  dataFile = path.join(dir, 'live', 'punchcard.sqlite');
  fs.mkdirSync(path.dirname(dataFile));
  createSampleDb(dataFile, 300);
  const source = path.join(dir, 'source.sqlite');
  createSampleDb(source, 120);
  const out = path.join(dir, 'out');
  plainBackup = fs.readFileSync(
    (await createBackup({ dataFile: source, outDir: out, deskId: 'd', appVersion: '1' })).file,
  );
  encryptedBackup = fs.readFileSync(
    (
      await createBackup({
        dataFile: source,
        outDir: out,
        deskId: 'd',
        appVersion: '1',
        passphrase: PASSPHRASE,
      })
    ).file,
  );
  formatOnePlain = fs.readFileSync(FORMAT_1_PLAIN);
  formatOneEncrypted = fs.readFileSync(FORMAT_1_ENCRYPTED);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('refusals', () => {
  for (const [label, getBytes, passphrase] of [
    ['plain', () => plainBackup, undefined],
    ['encrypted', () => encryptedBackup, PASSPHRASE],
    ['plain format 1 (brotli)', () => formatOnePlain, undefined],
    ['encrypted format 1 (brotli)', () => formatOneEncrypted, FORMAT_1_PASSPHRASE],
  ] as const) {
    test(`${label}: changing any single byte is refused (200 random trials)`, async () => {
      const original = getBytes();
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: original.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (position, mask) => {
            const bytes = Buffer.from(original);
            bytes[position] = (bytes[position] ?? 0) ^ mask;
            await expectRefusal(
              bytes,
              ['corrupt', 'not-a-backup', 'newer-format', 'truncated'],
              passphrase,
            );
          },
        ),
        { numRuns: 200 },
      );
    });

    test(`${label}: every truncation is refused as truncated`, async () => {
      const original = getBytes();
      const lengths = new Set([
        1,
        7,
        8,
        PREFIX_BYTES,
        100,
        original.length - HASH_BYTES,
        original.length - 1,
      ]);
      for (let i = 0; i < 40; i++)
        lengths.add(1 + Math.floor(Math.random() * (original.length - 1)));
      for (const length of lengths)
        await expectRefusal(original.subarray(0, length), ['truncated'], passphrase);
    });

    test(`${label}: a newer format is refused as such`, async () => {
      const bytes = Buffer.from(getBytes());
      bytes.writeUInt16BE(FORMAT_VERSION + 1, 8);
      await expectRefusal(bytes, ['newer-format'], passphrase);
    });
  }

  test('encrypted: wrong or missing passphrase is refused as such', async () => {
    await expectRefusal(encryptedBackup, ['wrong-passphrase'], 'reception desk 8');
    await expectRefusal(encryptedBackup, ['passphrase-required'], undefined);
  });

  test('encrypted: forged manifest or ciphertext with recomputed checksums is refused as tampered', async () => {
    await expectRefusal(
      forgeHeader(encryptedBackup, (header) => {
        header.manifest.appVersion = '9.9.9';
      }),
      ['tampered'],
      PASSPHRASE,
    );
    const flipped = Buffer.from(encryptedBackup);
    const payloadAt = PREFIX_BYTES + flipped.readUInt32BE(10) + HASH_BYTES + 5;
    flipped[payloadAt] = (flipped[payloadAt] ?? 0) ^ 0x40;
    await expectRefusal(withFreshTrailer(flipped), ['tampered'], PASSPHRASE);
  });

  test('plain: forged counts with recomputed checksums are refused', async () => {
    await expectRefusal(
      forgeHeader(plainBackup, (header) => {
        header.manifest.counts['docs'] = 121;
      }),
      ['corrupt'],
    );
  });

  test('files that are not backups are refused as such', async () => {
    await expectRefusal(Buffer.from('hello, I am a text file\n'), ['not-a-backup']);
    await expectRefusal(fs.readFileSync(dataFile), ['not-a-backup']);
    await expectRefusal(Buffer.alloc(0), ['not-a-backup']);
  });
});
