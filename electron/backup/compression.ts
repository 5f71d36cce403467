// The payload codecs. New backups are zstd (format 2): on the clinic data set
// (a 1.49 GB snapshot) zstd level 1 takes about 2.3 CPU seconds where brotli
// quality 3 took 7.6, for the same 122 MB, and decompresses in 1.0 s against
// 1.4 s. Backups written before (format 1) are brotli and stay readable and
// restorable.
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';

export type Compression = 'brotli' | 'zstd';

/** What new backups are compressed with. */
export const WRITE_COMPRESSION = 'zstd' satisfies Compression;

// Measured on the clinic data set (1.49 GB snapshot), CPU seconds to compress:
// level 1 -> 122 MB in 2.2-2.5 s; level 2 -> 120 MB in 2.6 s; level 3 -> 118 MB
// in 3.7 s; level -2 -> 153 MB in 1.9 s (a quarter bigger, on every backup
// kept). Level 1 is the balance.
const ZSTD_LEVEL = 1;

// Output buffer per call into the codec (Node's default is 16 KiB). Each call is
// a round trip to the libuv pool, so a decompressor with 16 KiB buffers makes
// some 90,000 of them for a 1.49 GB snapshot; 1 MiB makes it about 1,400.
// Measured: brotli decompression went from 4.2 to 1.4 CPU seconds.
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
