import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createSameBytesSink } from './same-bytes-sink.ts';

let dir: string;
let file: string;
const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-same-bytes-'));
  file = path.join(dir, 'reference.bin');
  fs.writeFileSync(file, content);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Streams `bytes` in uneven chunks, like a decompressor does. */
function chunked(bytes: Buffer): Readable {
  const sizes = [1, 4096, 65_536, 777, 100_000];
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

describe('createSameBytesSink', () => {
  test('accepts exactly the same bytes', async () => {
    await pipeline(chunked(content), createSameBytesSink(file));
  });

  test('refuses one changed byte, anywhere', async () => {
    for (const position of [0, 1, 65_536, content.length - 1]) {
      const changed = Buffer.from(content);
      changed[position] = (changed[position] ?? 0) ^ 1;
      await assert.rejects(pipeline(chunked(changed), createSameBytesSink(file)), /differs/);
    }
  });

  test('refuses fewer or more bytes', async () => {
    await assert.rejects(
      pipeline(chunked(content.subarray(0, content.length - 1)), createSameBytesSink(file)),
      /shorter/,
    );
    await assert.rejects(
      pipeline(chunked(Buffer.concat([content, Buffer.from([0])])), createSameBytesSink(file)),
      /longer/,
    );
  });

  test('fails when the reference file is missing', async () => {
    await assert.rejects(
      pipeline(chunked(content), createSameBytesSink(path.join(dir, 'missing'))),
      /ENOENT/,
    );
  });
});
