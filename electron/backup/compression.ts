// The payload codecs. New backups are zstd (format 2): on the clinic data set
// (1.4 GB of SQLite pages) zstd level 1 compresses about twice as fast as
// brotli quality 3 to the same size, and decompresses several times faster,
// which verification and every restore pay for. Backups written before (format
// 1) are brotli and stay readable and restorable.
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';

export type Compression = 'brotli' | 'zstd';

/** What new backups are compressed with. */
export const WRITE_COMPRESSION = 'zstd' satisfies Compression;

// Measured on the clinic data set: level 1 and 3 give files within a few per
// cent of each other, level 3 takes noticeably longer; levels above cost far
// more than they save.
const ZSTD_LEVEL = 1;

// Output buffer per call into the codec (Node's default is 16 KiB). Each call is
// a round trip to the libuv pool, so a decompressor with 16 KiB buffers makes
// some 90,000 of them for a 1.4 GB database; 1 MiB makes it about 1,400.
const CHUNK_BYTES = 1 << 20;

function zstdAvailable(): boolean {
  return typeof zlib.createZstdCompress === 'function';
}

/** A streaming compressor for new backups; `inputBytes` must be the exact input size. */
export function createCompressor(inputBytes: number): Transform {
  if (!zstdAvailable())
    throw new Error('This Node.js has no zstd (Node 22.15 or newer is needed) to write a backup.');
  return zlib.createZstdCompress({
    chunkSize: CHUNK_BYTES,
    pledgedSrcSize: inputBytes,
    params: { [zlib.constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL },
  });
}

/** A streaming decompressor for a payload written with `compression`. */
export function createDecompressor(compression: Compression): Transform {
  if (compression === 'brotli') return zlib.createBrotliDecompress({ chunkSize: CHUNK_BYTES });
  if (!zstdAvailable())
    throw new Error(
      'This Node.js has no zstd (Node 22.15 or newer is needed) to read this backup.',
    );
  return zlib.createZstdDecompress({ chunkSize: CHUNK_BYTES });
}
