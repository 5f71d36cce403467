import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createRecyclingFileReader } from './recycling-file-reader.ts';

let dir: string;
let file: string;
const content = Buffer.from(Array.from({ length: 1_000_003 }, (_, i) => (i * 31) % 251));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-recycling-'));
  file = path.join(dir, 'data.bin');
  fs.writeFileSync(file, content);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('createRecyclingFileReader', () => {
  test('reads the whole file, reusing the buffers of released chunks', async () => {
    const reader = createRecyclingFileReader(file, { chunkBytes: 65_536, keepBuffers: 2 });
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for await (const chunk of reader.stream as AsyncIterable<Buffer>) {
      copies.push(Buffer.from(chunk));
      buffers.add(chunk.buffer);
      reader.release(chunk);
      reader.release(chunk); // a second release changes nothing
    }
    assert.ok(Buffer.concat(copies).equals(content));
    assert.ok(buffers.size <= 3, `${buffers.size} buffers for ${copies.length} chunks`);
  });

  test('never reuses a chunk that was not released', async () => {
    const reader = createRecyclingFileReader(file, { chunkBytes: 65_536, keepBuffers: 2 });
    const kept: Buffer[] = [];
    for await (const chunk of reader.stream as AsyncIterable<Buffer>) kept.push(chunk);
    assert.equal(new Set(kept.map((chunk) => chunk.buffer)).size, kept.length);
    assert.ok(Buffer.concat(kept).equals(content));
  });

  test('fails for a missing file', async () => {
    const reader = createRecyclingFileReader(path.join(dir, 'missing'), {
      chunkBytes: 1024,
      keepBuffers: 1,
    });
    await assert.rejects(async () => {
      for await (const _ of reader.stream) void _;
    }, /ENOENT/);
  });
});
