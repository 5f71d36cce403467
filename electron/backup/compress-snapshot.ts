// Compresses the snapshot into the payload file, and on the way proves the
// payload decompresses to exactly the snapshot (round-trip-check.ts). Returns the
// size and SHA-256 of both sides: the manifest's. The payload's hash is what ties
// the proof to the file on disk: after writing, the file's payload is read back
// and must have this hash (confirm-written-backup.ts).
import fs from 'node:fs';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createByteTap } from './byte-tap.ts';
import { WRITE_COMPRESSION, createCompressor, createDecompressor } from './compression.ts';
import { createRecyclingFileReader } from './recycling-file-reader.ts';
import { createRoundTripCheck } from './round-trip-check.ts';

export interface CompressedSnapshot {
  readonly snapshot: { readonly bytes: number; readonly sha256: string };
  readonly payload: { readonly bytes: number; readonly sha256: string };
  /** The most snapshot bytes held in memory while waiting for the round trip. */
  readonly mostBytesHeld: number;
}

export interface CompressSnapshotOptions {
  readonly onSnapshotBytes?: ((seen: number) => void) | undefined;
  /** Tests substitute a faulty compressor; the decompressor is always the one a restore uses. */
  readonly createCompressor?: ((inputBytes: number) => Transform) | undefined;
}

const READ_CHUNK_BYTES = 1 << 20;
// More than the codecs hold at a time (a few MiB), so reads rarely allocate.
const KEEP_READ_BUFFERS = 16;

export async function compressSnapshot(
  snapshotFile: string,
  payloadFile: string,
  options: CompressSnapshotOptions = {},
): Promise<CompressedSnapshot> {
  const snapshotBytes = (await fs.promises.stat(snapshotFile)).size;
  const snapshotTap = createByteTap(options.onSnapshotBytes);
  const payloadTap = createByteTap();
  // A chunk is compressed before its round trip can be compared, so once
  // compared, nothing reads it again and its buffer can take the next read.
  const reader = createRecyclingFileReader(snapshotFile, {
    chunkBytes: READ_CHUNK_BYTES,
    keepBuffers: KEEP_READ_BUFFERS,
  });
  const roundTrip = createRoundTripCheck(() => createDecompressor(WRITE_COMPRESSION), {
    onCompared: (chunk) => reader.release(chunk),
  });
  await pipeline(
    reader.stream,
    snapshotTap.stream,
    roundTrip.original,
    (options.createCompressor ?? createCompressor)(snapshotBytes),
    payloadTap.stream,
    roundTrip.compressed,
    fs.createWriteStream(payloadFile),
  );
  // The pipeline resolves only when every byte made the round trip; this is a
  // second guard against a snapshot that changed size under us.
  if (snapshotTap.bytes() !== snapshotBytes || roundTrip.comparedBytes() !== snapshotBytes) {
    throw new Error(
      `the snapshot changed while being compressed (${snapshotBytes} bytes expected, ${snapshotTap.bytes()} read, ${roundTrip.comparedBytes()} compared)`,
    );
  }
  return {
    snapshot: { bytes: snapshotBytes, sha256: snapshotTap.sha256() },
    payload: { bytes: payloadTap.bytes(), sha256: payloadTap.sha256() },
    mostBytesHeld: roundTrip.mostBytesHeld(),
  };
}
