// The audit trail as CSV, through Papa Parse. Cells that a spreadsheet would run
// as a formula (=, +, -, @ …) are escaped: memos and names are typed by people.
import Papa from 'papaparse';
import type { AuditRow } from '../../../shared/contract/domains/auth.ts';

export const AUDIT_CSV_COLUMNS: [keyof AuditRow, string][] = [
  ['at', 'Recorded at'],
  ['category', 'Category'],
  ['kind', 'Kind'],
  ['staffName', 'Staff'],
  ['staffId', 'Staff id'],
  ['deskId', 'Desk'],
  ['subject', 'Subject'],
  ['id', 'Id'],
  ['patientId', 'Patient id'],
  ['detail', 'Detail'],
];

export function auditCsv(rows: readonly AuditRow[]): string {
  return Papa.unparse(
    {
      fields: AUDIT_CSV_COLUMNS.map(([, title]) => title),
      data: rows.map((row) => AUDIT_CSV_COLUMNS.map(([key]) => row[key])),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}
