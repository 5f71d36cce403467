// Files appear under their final name only when complete: write to a temporary
// name in the same folder, flush to disk, then rename (atomic on one filesystem).
import fs from 'node:fs/promises';
import path from 'node:path';

export async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory entry (the rename itself). Not possible on Windows: best effort. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some network filesystems cannot fsync a directory.
  } finally {
    await handle?.close();
  }
}

export async function renameIntoPlace(temporary: string, final: string): Promise<void> {
  await syncFile(temporary);
  await fs.rename(temporary, final);
  await syncDirectory(path.dirname(final));
}

export async function removeQuietly(file: string): Promise<void> {
  await fs.rm(file, { force: true, recursive: true });
}
