// Reports, accounting exports and the account mapping they use (Reports screen,
// Settings → Accounting). Dates are the clinic's local dates, YYYY-MM-DD.
import { z } from 'zod';
import type { AccountMapping, ExportFormat, ReportTable } from '../../reports/index.ts';
import { EXPORT_FORMATS, isIsoDate, LEDGER_CATEGORIES, REPORT_NAMES } from '../../reports/index.ts';

const date = (label: string) =>
  z
    .string({ error: `${label} must be a date such as 2026-03-31.` })
    .refine(isIsoDate, `${label} must be a date such as 2026-03-31.`);

const mappedAccount = z
  .object({
    code: z.string().trim().min(1, 'Give the account code.').max(30, 'That code is too long.'),
    name: z.string().trim().min(1, 'Give the account name.').max(150, 'That name is too long.'),
    taxType: z
      .string()
      .trim()
      .min(1, 'Give the tax type, e.g. BAS Excluded.')
      .max(60, 'That tax type is too long.'),
  })
  .strict();

export const accountMappingSchema = z
  .object(
    Object.fromEntries(LEDGER_CATEGORIES.map((category) => [category, mappedAccount])) as Record<
      (typeof LEDGER_CATEGORIES)[number],
      typeof mappedAccount
    >,
  )
  .strict();

const range = {
  from: date('From'),
  to: date('To'),
};

export const reportOperationArgs = {
  runReport: z
    .object({
      report: z.enum(REPORT_NAMES, { error: `Report is one of ${REPORT_NAMES.join(', ')}.` }),
      at: date('Date').optional(),
      from: date('From').optional(),
      to: date('To').optional(),
      withinDays: z.number().int().min(0).max(3650).optional(),
    })
    .strict(),
  runExport: z
    .object({
      format: z.enum(EXPORT_FORMATS as [ExportFormat, ...ExportFormat[]], {
        error: `Format is one of ${EXPORT_FORMATS.join(', ')}.`,
      }),
      ...range,
      /** folder to write the files to; absent: return them only (download from the screen) */
      outDir: z.string().trim().max(1000).optional(),
    })
    .strict()
    .refine((value) => value.from <= value.to, {
      message: 'From must not be after To.',
      path: ['to'],
    }),
  listExports: z.object({}).strict(),
  accountMapping: z.object({}).strict(),
  setAccountMapping: z.object({ mapping: accountMappingSchema }).strict(),
} as const;

export interface LateEntry {
  entryId: string;
  kind: string;
  occurredAt: string;
  recordedAt: string;
  /** the export whose period it falls in */
  exportId: string;
}

export interface ExportOutcome {
  exportId: string;
  /** true when this range and format had been exported before and the same files were written again */
  repeated: boolean;
  files: { name: string; csv: string; rows: number }[];
  /** where the files were written, '' when not written */
  writtenTo: string;
  entryCount: number;
  /** entries dated in an exported period but recorded after it was exported */
  late: LateEntry[];
}

export interface ExportSummary {
  exportId: string;
  format: ExportFormat;
  from: string;
  to: string;
  exportedAt: string;
  entryCount: number;
  files: string[];
}

export interface ReportOperationResults {
  runReport: ReportTable & { csv: string };
  runExport: ExportOutcome;
  listExports: ExportSummary[];
  accountMapping: AccountMapping;
  setAccountMapping: AccountMapping;
}
