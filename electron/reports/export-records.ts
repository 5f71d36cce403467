// What has been exported, and the account mapping exports use, kept in one JSON file
// in the desk's data directory (exports.json) — not a collection: RxDB's open-source
// edition allows few collections per process, and this record is the desk's own.
// Each export remembers exactly which entries it contained and the mapping it used,
// so exporting the same range again writes the same file, and entries recorded later
// for an exported period are found (and reported as late) by their absence.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { accountMappingSchema } from '../../shared/contract/domains/reports.ts';
import type { AccountMapping, ExportFormat } from '../../shared/reports/index.ts';
import { DEFAULT_ACCOUNT_MAPPING, EXPORT_FORMATS } from '../../shared/reports/index.ts';

export const EXPORT_RECORD_FILE = 'exports.json';

const exportRecordSchema = z.object({
  exportId: z.string(),
  format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]]),
  from: z.string(),
  to: z.string(),
  exportedAt: z.string(),
  mapping: accountMappingSchema,
  /** the ids of the entries exported, sorted */
  entryIds: z.array(z.string()),
  files: z.array(z.string()),
});

const recordFileSchema = z.object({
  version: z.literal(1),
  mapping: accountMappingSchema,
  exports: z.array(exportRecordSchema),
});

export type ExportRecord = z.output<typeof exportRecordSchema>;
export type ExportRecordFile = z.output<typeof recordFileSchema>;

export function readExportRecords(dataDirectory: string): ExportRecordFile {
  const file = join(dataDirectory, EXPORT_RECORD_FILE);
  if (!existsSync(file)) return { version: 1, mapping: DEFAULT_ACCOUNT_MAPPING, exports: [] };
  const parsed = recordFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `The export record ${file} is damaged: ${parsed.error.issues[0]?.message ?? 'unreadable'}`,
    );
  }
  return parsed.data;
}

/** Write the whole file atomically (a crash leaves the old file or the new one). */
export function writeExportRecords(dataDirectory: string, records: ExportRecordFile): void {
  const file = join(dataDirectory, EXPORT_RECORD_FILE);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(records), { mode: 0o600 });
  renameSync(temporary, file);
}

export function setMapping(dataDirectory: string, mapping: AccountMapping): AccountMapping {
  const records = readExportRecords(dataDirectory);
  writeExportRecords(dataDirectory, { ...records, mapping });
  return mapping;
}
