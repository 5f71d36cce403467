// The Audit screen (managers): who recorded every journal entry, who last edited
// each document, and the desk's sign-ins and locks — when and on which desk.
// Filtered by person, kind and dates; exported as CSV for an auditor.
import { useEffect, useState } from 'preact/hooks';
import type { AuditRow, StaffListItem } from '../../../shared/contract/domains/auth.ts';
import { ACCESS_EVENT_KINDS } from '../../../shared/contract/domains/auth.ts';
import { ENTRY_KINDS } from '../../../shared/ledger/entry.ts';
import { useServices } from '../services.ts';
import { downloadText } from '../reports/download.ts';
import { auditCsv } from './audit-csv.ts';

/** A local date (YYYY-MM-DD) as the instant its day starts, `days` later. */
function startOfLocalDay(date: string, days = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + days).toISOString();
}

const CATEGORY_LABEL: Record<AuditRow['category'], string> = {
  entry: 'Money entry',
  edit: 'Edit',
  access: 'Sign-in',
};

export function AuditScreen() {
  const { operations } = useServices();
  const [staff, setStaff] = useState<StaffListItem[]>([]);
  const [staffId, setStaffId] = useState('');
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    void operations.listStaff({}).then((result) => result.ok && setStaff(result.value));
  }, []);

  useEffect(() => {
    void operations
      .auditTrail({
        ...(staffId ? { staffId } : {}),
        ...(kind ? { kind } : {}),
        ...(from ? { from: startOfLocalDay(from) } : {}),
        ...(to ? { to: startOfLocalDay(to, 1) } : {}),
      })
      .then((result) => {
        if (!result.ok) return setError(result.error.message);
        setError('');
        setRows(result.value.rows);
        setTruncated(result.value.truncated);
      });
  }, [staffId, kind, from, to]);

  return (
    <div class="screen">
      <header class="screen__header">
        <h1>Audit trail</h1>
        <button
          type="button"
          class="button"
          disabled={!rows || rows.length === 0}
          onClick={() =>
            downloadText(`audit-${new Date().toISOString().slice(0, 10)}.csv`, auditCsv(rows ?? []))
          }
        >
          Export CSV
        </button>
      </header>
      <div class="form__row" role="group" aria-label="Filters">
        <div class="field">
          <label for="audit-staff">Person</label>
          <select
            id="audit-staff"
            value={staffId}
            onChange={(e) => setStaffId(e.currentTarget.value)}
          >
            <option value="">Everyone</option>
            {staff.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-kind">Kind</label>
          <select id="audit-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">Everything</option>
            <option value="entry">Money entries</option>
            <option value="edit">Edits</option>
            <option value="access">Sign-ins and locks</option>
            <optgroup label="Money entries">
              {ENTRY_KINDS.map((entryKind) => (
                <option key={entryKind} value={entryKind}>
                  {entryKind}
                </option>
              ))}
            </optgroup>
            <optgroup label="Edits">
              {['patient', 'service', 'plan', 'funder', 'staff', 'settings'].map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </optgroup>
            <optgroup label="Sign-ins and locks">
              {ACCESS_EVENT_KINDS.map((event) => (
                <option key={event} value={event}>
                  {event}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        <div class="field">
          <label for="audit-from">From</label>
          <input
            id="audit-from"
            type="date"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="audit-to">To</label>
          <input
            id="audit-to"
            type="date"
            value={to}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </div>
      </div>
      {error ? (
        <p role="alert" class="form__error">
          {error}
        </p>
      ) : null}
      {rows ? (
        <p role="status">
          {rows.length} {rows.length === 1 ? 'record' : 'records'}
          {truncated ? ' (the newest; narrow the dates to see older ones)' : ''}
        </p>
      ) : null}
      <table class="table" aria-label="Audit trail">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Desk</th>
            <th>What</th>
            <th>Kind</th>
            <th>Subject</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {(rows ?? []).map((row) => (
            <tr key={`${row.category}-${row.id}-${row.at}-${row.kind}`}>
              <td>{new Date(row.at).toLocaleString()}</td>
              <td>{row.staffName || row.staffId}</td>
              <td>{row.deskId}</td>
              <td>{CATEGORY_LABEL[row.category]}</td>
              <td>{row.kind}</td>
              <td>{row.subject}</td>
              <td>{row.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
