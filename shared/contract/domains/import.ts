// Moving in from another practice system: CSV files of patients, opening
// account credit and open packages. An import is a job in the main process:
// started with the file's bytes, it reads and checks every row in the
// background (progress, cancel), then waits for the person to confirm before
// anything is written. Managers only (shared/auth/operation-access.ts).
import { z } from 'zod';
import { IMPORT_KINDS, type ImportKind, type ImportSource } from '../../import/index.ts';
import type { ProblemReason } from '../../import/index.ts';

/** 15 MB of file (base64 is 4 characters for every 3 bytes). */
export const MAX_IMPORT_BASE64 = 20_000_000;

const jobId = z
  .string({ error: 'Which import?' })
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'That is not an import.');

export const importOperationArgs = {
  startImport: z
    .object({
      kind: z.enum(IMPORT_KINDS, { error: 'Choose patients, credit or packages.' }),
      fileName: z.string().trim().min(1, 'Choose a file.').max(260, 'That file name is too long.'),
      /** the file's bytes, base64 */
      content: z
        .string({ error: 'Choose a file.' })
        .max(MAX_IMPORT_BASE64, 'That file is too large to import at once (15 MB at most).')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive whole. Choose it again.'),
    })
    .strict(),
  importStatus: z.object({ jobId }).strict(),
  cancelImport: z.object({ jobId }).strict(),
  commitImport: z.object({ jobId }).strict(),
} as const;

export type ImportPhase = 'checking' | 'ready' | 'writing' | 'done' | 'cancelled' | 'failed';

export interface ImportProblemView {
  line: number;
  reason: ProblemReason;
  message: string;
}

/** One thing a confirmed import will create, in words. */
export interface ImportPreviewLine {
  line: number;
  what: string;
}

export interface ImportJobView {
  jobId: string;
  kind: ImportKind;
  fileName: string;
  /** how the bytes were read: 'utf-8', 'utf-8 with BOM', 'utf-16le', 'windows-1252' ('' before) */
  encoding: string;
  source: ImportSource | '';
  phase: ImportPhase;
  /** rows checked so far, of `total` */
  done: number;
  total: number;
  /** what will be created (counts) */
  toCreate: number;
  /** rows already imported before: skipped */
  alreadyImported: number;
  /** the first rows of what will be created */
  preview: ImportPreviewLine[];
  /** every bad row (the first 1,000), by line */
  problems: ImportProblemView[];
  problemCount: number;
  /** why it failed, or what it did */
  message: string;
  /** after writing: what was created */
  created: { patients: number; credits: number; packages: number } | null;
}

export interface ImportOperationResults {
  startImport: ImportJobView;
  importStatus: ImportJobView;
  cancelImport: ImportJobView;
  commitImport: ImportJobView;
}
