// A stream destination that keeps nothing: it checks that what is written to it
// is, byte for byte and in order, the content of an existing file, and fails at
// the first difference or if the lengths differ. Comparing with the file (read
// from the page cache) costs a fraction of hashing the same bytes.
import fsp from 'node:fs/promises';
import { Writable } from 'node:stream';

export function createSameBytesSink(file: string): Writable {
  let handle: fsp.FileHandle | null = null;
  let fileBytes = 0;
  let offset = 0;
  let scratch = Buffer.alloc(0);

  async function check(chunk: Buffer): Promise<void> {
    if (!handle) throw new Error('comparison file is not open');
    if (offset + chunk.length > fileBytes)
      throw new Error(`longer than ${file} (${fileBytes} bytes)`);
    if (scratch.length < chunk.length) scratch = Buffer.allocUnsafe(chunk.length);
    const expected = scratch.subarray(0, chunk.length);
    let done = 0;
    while (done < chunk.length) {
      const { bytesRead } = await handle.read(expected, done, chunk.length - done, offset + done);
      if (bytesRead === 0) throw new Error(`${file} changed while being compared`);
      done += bytesRead;
    }
    if (!expected.equals(chunk)) throw new Error(`differs from ${file} near byte ${offset}`);
    offset += chunk.length;
  }

  return new Writable({
    highWaterMark: 1 << 20,
    construct(callback) {
      const open = async () => {
        handle = await fsp.open(file, 'r');
        fileBytes = (await handle.stat()).size;
      };
      open().then(() => callback(), callback);
    },
    write(chunk: Buffer, _encoding, callback) {
      check(chunk).then(() => callback(), callback);
    },
    final(callback) {
      callback(offset === fileBytes ? null : new Error(`shorter than ${file}`));
    },
    destroy(error, callback) {
      const closing = handle?.close() ?? Promise.resolve();
      handle = null;
      closing.then(
        () => callback(error),
        () => callback(error),
      );
    },
  });
}
