// A pass-through stream that hashes and counts the bytes flowing through it,
// so checksums and progress come for free while data streams to disk.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { Transform } from 'node:stream';

export interface ByteTap {
  readonly stream: Transform;
  /** Bytes seen so far. */
  bytes(): number;
  /** Hex SHA-256 of everything seen (call once, after the stream has finished). */
  sha256(): string;
}

export function createByteTap(onBytes?: (total: number) => void): ByteTap {
  const hash: Hash = createHash('sha256');
  let total = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      total += chunk.length;
      onBytes?.(total);
      callback(null, chunk);
    },
  });
  return { stream, bytes: () => total, sha256: () => hash.digest('hex') };
}
