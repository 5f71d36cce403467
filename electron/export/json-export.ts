// "Export all data as JSON": every document of every application collection in
// one file, for portability (another system, a spreadsheet, an auditor). The
// layout is RxDB's JSON dump (`rxdb/plugins/json-dump`: name, collections with
// name, schemaHash and docs), so `db.importJSON` reads it back, plus what the
// dump lacks: the format, the app version, the time and the desk.
//
// The dump plugin reads each collection whole into memory; this writes the same
// layout page by page (by primary key), so a desk of many years stays cheap.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { RxCollection, RxDatabase, RxDocument } from 'rxdb';

export const JSON_EXPORT_FORMAT = 'punchcard-json-export';
export const JSON_EXPORT_VERSION = 1;
const PAGE_SIZE = 2000;

export interface JsonExportOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app database
  db: RxDatabase<any>;
  /** Existing folder the file goes to. */
  folder: string;
  appVersion: string;
  deskId: string;
  now: () => Date;
  /** Documents read at a time (tests use small pages). */
  pageSize?: number;
}

export interface JsonExportResult {
  file: string;
  name: string;
  bytes: number;
  /** Documents written per collection. */
  counts: Record<string, number>;
  documents: number;
}

/** `punchcard-export-<desk>-<UTC time>.json`: sorts by time and says what it is. */
export function jsonExportFileName(deskId: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `punchcard-export-${deskId.replace(/[^A-Za-z0-9_-]/g, '-')}-${stamp}.json`;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function writeCollection(
  out: Writable,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app collection
  collection: RxCollection<any>,
  pageSize: number,
): Promise<number> {
  const primary = collection.schema.primaryPath as string;
  await write(
    out,
    `{"name":${JSON.stringify(collection.name)},"schemaHash":${JSON.stringify(await collection.schema.hash)},"docs":[`,
  );
  let written = 0;
  let after: string | null = null;
  for (;;) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app document
    const page: RxDocument<any>[] = await collection
      .find({
        selector: after === null ? {} : { [primary]: { $gt: after } },
        sort: [{ [primary]: 'asc' }],
        limit: pageSize,
      })
      .exec();
    if (page.length === 0) break;
    const lines = page.map((doc) => JSON.stringify(doc.toJSON()));
    await write(out, `${written === 0 ? '\n' : ',\n'}${lines.join(',\n')}`);
    written += page.length;
    after = page[page.length - 1]!.primary;
    if (page.length < pageSize) break;
  }
  await write(out, ']}');
  return written;
}

/** Writes the export under a temporary name and renames it into place when complete. */
export async function exportAllAsJson(options: JsonExportOptions): Promise<JsonExportResult> {
  const at = options.now();
  await mkdir(options.folder, { recursive: true });
  const name = jsonExportFileName(options.deskId, at);
  const file = join(options.folder, name);
  const partial = join(options.folder, `.${name}.partial`);
  const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  const counts: Record<string, number> = {};
  try {
    const head = {
      format: JSON_EXPORT_FORMAT,
      formatVersion: JSON_EXPORT_VERSION,
      appVersion: options.appVersion,
      exportedAt: at.toISOString(),
      deskId: options.deskId,
      name: options.db.name,
    };
    await write(out, `${JSON.stringify(head).slice(0, -1)},"collections":[`);
    // Application collections only (RxDB's own start with '_'), in a stable order.
    const names = Object.keys(options.db.collections)
      .filter((collectionName) => !collectionName.startsWith('_'))
      .sort();
    for (const [index, collectionName] of names.entries()) {
      if (index > 0) await write(out, ',\n');
      counts[collectionName] = await writeCollection(
        out,
        options.db.collections[collectionName],
        options.pageSize ?? PAGE_SIZE,
      );
    }
    await write(out, ']}\n');
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  const documents = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { file, name, bytes: (await stat(file)).size, counts, documents };
}
