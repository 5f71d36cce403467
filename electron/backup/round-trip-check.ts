// Proves, while a backup is being compressed, that the compressed bytes
// decompress to exactly the original: every compressed chunk is also fed to a
// decompressor (the one a restore uses), and what comes out is compared, byte
// for byte and in order, with the original bytes that went into the compressor.
//
// The original chunks are kept in memory only until their decompressed copy has
// been compared: the gap is what sits inside the two codecs (a few MiB), since
// the compressed side passes a chunk on only once the decompressor accepted it.
// So the proof costs one decompression on another libuv thread, alongside the
// compression, instead of a second pass over the file afterwards.
//
// Put `original` just before the compressor and `compressed` just after it; the
// pipeline fails at the first difference, or if the lengths differ.
import { Transform } from 'node:stream';

/** The compressed bytes do not decompress to the original. */
export class RoundTripMismatchError extends Error {
  constructor(detail: string) {
    super(`The compressed data does not decompress to the original: ${detail}`);
    this.name = 'RoundTripMismatchError';
  }
}

export interface RoundTripCheck {
  /** Pass-through for the bytes going into the compressor: remembers them until compared. */
  readonly original: Transform;
  /** Pass-through for the compressor's output: decompresses a copy and compares it. */
  readonly compressed: Transform;
  /** Original bytes compared so far (all of them once the pipeline has finished). */
  comparedBytes(): number;
  /** The most original bytes held in memory at once, waiting for their copy. */
  mostBytesHeld(): number;
}

export interface RoundTripOptions {
  /** Called once per original chunk when it has been compared: nothing here reads it again. */
  readonly onCompared?: ((chunk: Buffer) => void) | undefined;
}

export function createRoundTripCheck(
  createDecompressor: () => Transform,
  options: RoundTripOptions = {},
): RoundTripCheck {
  // Original bytes not yet compared: `pending[0]` from `pendingOffset` on.
  const pending: Buffer[] = [];
  let pendingOffset = 0;
  let held = 0;
  let mostHeld = 0;
  let compared = 0;
  let originalEnded = false;
  let failure: Error | null = null;

  /** Compares a decompressed chunk with the oldest pending original bytes. */
  function compare(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const head = pending[0];
      if (!head) {
        throw new RoundTripMismatchError(`it is longer than the original (${compared} bytes)`);
      }
      const length = Math.min(head.length - pendingOffset, chunk.length - at);
      const expected = head.subarray(pendingOffset, pendingOffset + length);
      const actual = chunk.subarray(at, at + length);
      if (!expected.equals(actual)) {
        let first = 0;
        while (expected[first] === actual[first]) first++;
        throw new RoundTripMismatchError(
          `it differs from the original at byte ${compared + first}`,
        );
      }
      at += length;
      compared += length;
      held -= length;
      pendingOffset += length;
      if (pendingOffset === head.length) {
        pending.shift();
        pendingOffset = 0;
        options.onCompared?.(head);
      }
    }
  }

  const decompressor = createDecompressor();
  const decompressed = new Promise<void>((resolve, reject) => {
    decompressor.on('data', (chunk: Buffer) => {
      if (failure) return;
      try {
        compare(chunk);
      } catch (error) {
        failure = error as Error;
        decompressor.destroy(failure);
      }
    });
    decompressor.once('end', () => resolve());
    decompressor.once('error', (error: Error) =>
      reject(failure ?? new RoundTripMismatchError(error.message)),
    );
    // Destroyed without an error (the pipeline was torn down): never "passed".
    decompressor.once('close', () => reject(failure ?? new Error('the decompression stopped')));
  });
  decompressed.catch(() => undefined); // observed in `compressed`'s write and flush

  const original = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      held += chunk.length;
      if (held > mostHeld) mostHeld = held;
      callback(null, chunk);
    },
    flush(callback) {
      originalEnded = true;
      callback();
    },
  });

  const compressed = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (failure) {
        callback(failure);
        return;
      }
      // Pass the chunk on only once the decompressor has room: this is what
      // keeps the pending original bytes few.
      if (decompressor.write(chunk)) callback(null, chunk);
      else {
        const onDrain = () => {
          decompressor.off('error', onError);
          callback(null, chunk);
        };
        const onError = (error: Error) => {
          decompressor.off('drain', onDrain);
          callback(failure ?? new RoundTripMismatchError(error.message));
        };
        decompressor.once('drain', onDrain);
        decompressor.once('error', onError);
      }
    },
    flush(callback) {
      decompressor.end();
      decompressed.then(
        () => {
          if (!originalEnded)
            callback(new RoundTripMismatchError('the compressed data ended before the original'));
          else if (held !== 0 || pending.length > 0)
            callback(
              new RoundTripMismatchError(`it is shorter than the original (${compared} bytes)`),
            );
          else callback();
        },
        (error: unknown) => callback(error as Error),
      );
    },
    destroy(error, callback) {
      if (!decompressor.destroyed) decompressor.destroy();
      callback(error);
    },
  });

  return { original, compressed, comparedBytes: () => compared, mostBytesHeld: () => mostHeld };
}
