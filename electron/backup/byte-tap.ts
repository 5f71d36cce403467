// A pass-through stream that counts (and by default hashes) the bytes flowing
// through it, so checksums and progress come for free while data streams on.
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

export function createByteTap(
  onBytes?: (total: number) => void,
  options: { readonly hash?: boolean } = {},
): ByteTap {
  const hash: Hash | null = options.hash === false ? null : createHash('sha256');
  let total = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash?.update(chunk);
      total += chunk.length;
      onBytes?.(total);
      callback(null, chunk);
    },
  });
  const sha256 = () => {
    if (!hash) throw new Error('This byte tap was made without hashing.');
    return hash.digest('hex');
  };
  return { stream, bytes: () => total, sha256 };
}
