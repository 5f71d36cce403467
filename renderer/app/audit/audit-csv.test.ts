import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { auditCsv } from './audit-csv.ts';
import type { AuditRow } from '../../../shared/contract/domains/auth.ts';

const row = (overrides: Partial<AuditRow>): AuditRow => ({
  at: '2026-06-01T09:00:00.000Z',
  category: 'entry',
  kind: 'creditRefunded',
  staffId: 'mia',
  staffName: 'Mia',
  deskId: 'desk-1',
  subject: 'D1-RCT-000001',
  id: '01ABC',
  patientId: 'p1',
  detail: '',
  ...overrides,
});

test('the audit CSV has a header, one line per row, quotes commas and escapes formulas', () => {
  const csv = auditCsv([
    row({ detail: 'goodwill, after a complaint' }),
    row({ detail: '=HYPERLINK("http://evil")', staffName: '@Rex' }),
  ]);
  const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
  assert.equal(parsed.length, 3);
  assert.deepEqual(parsed[0]!.slice(0, 4), ['Recorded at', 'Category', 'Kind', 'Staff']);
  assert.equal(parsed[1]![9], 'goodwill, after a complaint');
  assert.equal(parsed[2]![9], `'=HYPERLINK("http://evil")`);
  assert.equal(parsed[2]![3], "'@Rex");
});
