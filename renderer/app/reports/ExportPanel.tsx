// Accounting exports: a format, a date range, and a folder to write the files to (or
// download them). Says when the range was exported before (same files again) and
// lists entries recorded after their period was exported.
import { useState } from 'preact/hooks';
import { FileDown, FolderOutput } from 'lucide-preact';
import type { ExportOutcome } from '../../../shared/contract/domains/reports.ts';
import type { ExportFormat } from '../../../shared/reports/index.ts';
import { useServices } from '../services.ts';
import { downloadText } from './download.ts';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'xero-invoices', label: 'Xero sales invoices' },
  { format: 'xero-journals', label: 'Xero manual journals' },
  { format: 'qbo-journals', label: 'QuickBooks Online journal entries' },
];

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

export function ExportPanel(props: { today: string }) {
  const { operations } = useServices();
  const [format, setFormat] = useState<ExportFormat>('xero-journals');
  const [from, setFrom] = useState(firstOfMonth(props.today));
  const [to, setTo] = useState(props.today);
  const [folder, setFolder] = useState('');
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (toFolder: boolean) => {
    setBusy(true);
    setError('');
    const result = await operations.runExport({
      format,
      from,
      to,
      ...(toFolder ? { outDir: folder } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setOutcome(null);
      setError(result.error.message);
      return;
    }
    setOutcome(result.value);
    if (!toFolder) for (const file of result.value.files) downloadText(file.name, file.csv);
  };

  return (
    <section class="panel reports__export no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">Accounting export</h2>
      <div class="reports__controls">
        <div class="field">
          <label for="export-format">Format</label>
          <select
            id="export-format"
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f.format} value={f.format}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="export-from">From</label>
          <input
            id="export-from"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="export-to">To</label>
          <input
            id="export-to"
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </div>
        <div class="field reports__folder">
          <label for="export-folder">Folder</label>
          <input
            id="export-folder"
            type="text"
            placeholder="/home/reception/exports or D:\Exports"
            value={folder}
            onInput={(e) => setFolder(e.currentTarget.value)}
          />
        </div>
        <div class="reports__buttons">
          <button
            type="button"
            class="button button--primary button--icon"
            disabled={busy || folder.trim() === ''}
            onClick={() => void run(true)}
          >
            <FolderOutput size={16} aria-hidden="true" />
            Export to folder
          </button>
          <button
            type="button"
            class="button button--icon"
            disabled={busy}
            onClick={() => void run(false)}
          >
            <FileDown size={16} aria-hidden="true" />
            Download
          </button>
        </div>
      </div>
      <p class="form__error" role="alert">
        {error}
      </p>
      {outcome ? (
        <div class="reports__outcome" role="status">
          <p>
            {outcome.repeated
              ? 'This range was exported before: the same files again. '
              : 'Exported. '}
            {outcome.entryCount} entries
            {outcome.writtenTo ? ` written to ${outcome.writtenTo}` : ''}.
          </p>
          <ul>
            {outcome.files.map((file) => (
              <li key={file.name}>
                {file.name} ({file.rows} rows)
              </li>
            ))}
          </ul>
          {outcome.late.length > 0 ? (
            <p class="reports__late">
              {outcome.late.length} {outcome.late.length === 1 ? 'entry was' : 'entries were'}{' '}
              recorded after {outcome.late.length === 1 ? 'its' : 'their'} period was exported (
              {outcome.late
                .map((late) => `${late.kind} of ${late.occurredAt.slice(0, 10)}`)
                .join(', ')}
              ). Tell the bookkeeper.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
