// An export is one or more files, each a header row and data rows. The column list of
// each format lives in one constant beside its builder, so a changed import template
// is a one-line change. Files are split where the accounting system's limits say.

export type ExportFormat = 'xero-invoices' | 'xero-journals' | 'qbo-journals';
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  'xero-invoices',
  'xero-journals',
  'qbo-journals',
];

export interface ExportFile {
  name: string;
  columns: readonly string[];
  rows: string[][];
}

/**
 * Split groups of rows (an invoice's lines, a day's journal) into files of at most
 * `limit` groups or `lineLimit` rows, never cutting a group in two.
 */
export function splitIntoFiles(
  groups: string[][][],
  limits: { groups?: number; rows?: number },
  columns: readonly string[],
  baseName: string,
): ExportFile[] {
  const files: ExportFile[] = [];
  let rows: string[][] = [];
  let groupCount = 0;
  const flush = () => {
    if (rows.length === 0) return;
    files.push({ name: '', columns, rows });
    rows = [];
    groupCount = 0;
  };
  for (const group of groups) {
    const tooManyGroups = limits.groups !== undefined && groupCount + 1 > limits.groups;
    const tooManyRows = limits.rows !== undefined && rows.length + group.length > limits.rows;
    if (tooManyGroups || tooManyRows) flush();
    rows.push(...group);
    groupCount += 1;
  }
  flush();
  if (files.length === 0) files.push({ name: '', columns, rows: [] });
  return files.map((file, index) => ({
    ...file,
    name: files.length === 1 ? `${baseName}.csv` : `${baseName}-part${index + 1}.csv`,
  }));
}
