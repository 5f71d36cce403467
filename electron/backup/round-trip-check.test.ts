// The proof made while compressing: compressed bytes that do not decompress to
// exactly the original are refused, whatever the difference; the real codec
// passes, holding only a few MiB of the original meanwhile.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { compressSnapshot } from './compress-snapshot.ts';
import { createCompressor, createDecompressor } from './compression.ts';
import { RoundTripMismatchError, createRoundTripCheck } from './round-trip-check.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-round-trip-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Compressible but not trivial bytes, like database pages. */
function sampleBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = i % 7 === 0 ? state & 0xff : (i >> 10) & 0xff;
  }
  return bytes;
}

/** Streams `bytes` in uneven chunks, like a file read or a codec does. */
function chunked(bytes: Buffer): Readable {
  const sizes = [1, 4096, 65_536, 777, 1 << 20];
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

/** A faulty compressor: compresses `change(original)` instead of the original. */
function compressorOf(change: (original: Buffer) => Buffer): () => Transform {
  return () => {
    const chunks: Buffer[] = [];
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      flush(callback) {
        callback(null, zlib.zstdCompressSync(change(Buffer.concat(chunks))));
      },
    });
  };
}

/** Runs `original` through `compressor` with the round-trip check around it. */
async function roundTrip(original: Buffer, compressor: Transform) {
  const check = createRoundTripCheck(() => createDecompressor('zstd'));
  const received: Buffer[] = [];
  await pipeline(
    chunked(original),
    check.original,
    compressor,
    check.compressed,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk);
        callback();
      },
    }),
  );
  return { check, compressed: Buffer.concat(received) };
}

const isMismatch = (pattern: RegExp) => (error: unknown) =>
  error instanceof RoundTripMismatchError && pattern.test(error.message);

describe('createRoundTripCheck', () => {
  test('passes the real codec, forwarding the compressed bytes unchanged', async () => {
    const original = sampleBytes(24 << 20);
    const { check, compressed } = await roundTrip(original, createCompressor(original.length));
    assert.equal(check.comparedBytes(), original.length);
    assert.ok(zlib.zstdDecompressSync(compressed).equals(original));
    assert.ok(
      check.mostBytesHeld() < 16 << 20,
      `held ${check.mostBytesHeld()} bytes of ${original.length}`,
    );
  });

  test('refuses compressed bytes that decompress to one changed byte, anywhere', async () => {
    const original = sampleBytes(3 << 20);
    for (const position of [0, 1, 65_536, 1 << 20, original.length - 1]) {
      const compressor = compressorOf((bytes) => {
        const changed = Buffer.from(bytes);
        changed[position] = (changed[position] ?? 0) ^ 1;
        return changed;
      })();
      await assert.rejects(
        roundTrip(original, compressor),
        isMismatch(new RegExp(`differs from the original at byte ${position}`)),
      );
    }
  });

  test('refuses fewer or more bytes', async () => {
    const original = sampleBytes(1 << 20);
    await assert.rejects(
      roundTrip(original, compressorOf((bytes) => bytes.subarray(0, bytes.length - 1))()),
      isMismatch(/shorter/),
    );
    await assert.rejects(
      roundTrip(original, compressorOf((bytes) => Buffer.concat([bytes, Buffer.from([0])]))()),
      isMismatch(/longer/),
    );
  });

  test('refuses compressed bytes that are cut short or are not zstd at all', async () => {
    const original = sampleBytes(1 << 20);
    const whole = zlib.zstdCompressSync(original);
    const cutShort = new Transform({
      transform: (_chunk, _encoding, callback) => callback(),
      flush: (callback) => callback(null, whole.subarray(0, whole.length - 10)),
    });
    await assert.rejects(roundTrip(original, cutShort), RoundTripMismatchError);
    const notZstd = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => callback(null, zlib.gzipSync(chunk)),
    });
    await assert.rejects(roundTrip(original, notZstd), RoundTripMismatchError);
  });
});

describe('compressSnapshot', () => {
  test('returns the sizes and hashes of both sides; the payload decompresses to the snapshot', async () => {
    const snapshot = path.join(dir, 'snapshot');
    const payloadFile = path.join(dir, 'payload');
    const original = sampleBytes(5 << 20);
    fs.writeFileSync(snapshot, original);
    const result = await compressSnapshot(snapshot, payloadFile);
    const payload = fs.readFileSync(payloadFile);
    const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
    assert.deepEqual(result.snapshot, { bytes: original.length, sha256: sha256(original) });
    assert.deepEqual(result.payload, { bytes: payload.length, sha256: sha256(payload) });
    assert.ok(zlib.zstdDecompressSync(payload).equals(original));
  });

  test('refuses a compressor whose output does not restore the snapshot', async () => {
    const snapshot = path.join(dir, 'snapshot');
    fs.writeFileSync(snapshot, sampleBytes(2 << 20));
    const flipped = compressorOf((bytes) => {
      const changed = Buffer.from(bytes);
      changed[1000] = (changed[1000] ?? 0) ^ 0x80;
      return changed;
    });
    await assert.rejects(
      compressSnapshot(snapshot, path.join(dir, 'payload'), { createCompressor: flipped }),
      isMismatch(/at byte 1000/),
    );
  });
});
