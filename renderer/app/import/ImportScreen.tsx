// Import from another practice system: choose what the file holds, choose the
// file, and see the dry run — what will be created and every bad row with its
// line and reason — before confirming. Progress shows while the file is
// checked, and Cancel stops it; nothing is written until "Import".
import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import type { ImportJobView } from '../../../shared/contract/domains/import.ts';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/import/index.ts';
import { IMPORT_TEMPLATES, KIND_HELP, KIND_LABELS, toBase64 } from './import-templates.ts';
import './import.css';

const POLL_MS = 250;

export function ImportScreen(props: { onClose: () => void }) {
  const { operations } = useServices();
  const [kind, setKind] = useState<ImportKind>('patients');
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [error, setError] = useState('');
  const [writing, setWriting] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLHeadingElement>(null);

  // Follow the dry run while it is checking.
  useEffect(() => {
    if (!job || job.phase !== 'checking') return;
    const timer = setTimeout(() => {
      void operations.importStatus({ jobId: job.jobId }).then((result) => {
        if (result.ok) setJob(result.value);
        else setError(result.error.message);
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, operations]);

  useEffect(() => {
    if (job && job.phase !== 'checking') statusRef.current?.focus();
  }, [job?.phase]);

  const choose = async (file: File) => {
    setError('');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await operations.startImport({
      kind,
      fileName: file.name,
      content: toBase64(bytes),
    });
    if (result.ok) setJob(result.value);
    else setError(result.error.message);
  };

  const cancel = async () => {
    if (!job) return;
    const result = await operations.cancelImport({ jobId: job.jobId });
    if (result.ok) setJob(result.value);
    else setError(result.error.message);
  };

  const commit = async () => {
    if (!job) return;
    setWriting(true);
    setJob({ ...job, phase: 'writing', message: `Writing ${job.toCreate.toLocaleString()}…` });
    const result = await operations.commitImport({ jobId: job.jobId });
    setWriting(false);
    if (result.ok) setJob(result.value);
    else {
      setError(result.error.message);
      setJob({ ...job, phase: 'failed', message: result.error.message });
    }
  };

  const again = () => {
    setJob(null);
    setError('');
    if (fileRef.current) fileRef.current.value = '';
  };

  const downloadTemplate = () => {
    const template = IMPORT_TEMPLATES[kind];
    const url = URL.createObjectURL(
      new Blob([`${template.lines.join('\r\n')}\r\n`], { type: 'text/csv' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = template.file;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section class="import" aria-labelledby="import-title">
      <header class="import__header">
        <h1 id="import-title">Import from another system</h1>
        <button type="button" class="button" onClick={props.onClose}>
          Close
        </button>
      </header>
      <p>
        Bring patients first, then their opening credit and open packages. Each file is checked
        first; nothing is saved until you confirm, and importing the same file again adds nothing
        new.
      </p>
      {!job ? (
        <div class="import__choose">
          <fieldset class="import__kinds">
            <legend>What is in the file?</legend>
            {IMPORT_KINDS.map((option) => (
              <label key={option} class="import__kind">
                <input
                  type="radio"
                  name="import-kind"
                  value={option}
                  checked={kind === option}
                  onChange={() => setKind(option)}
                />
                <span>{KIND_LABELS[option]}</span>
              </label>
            ))}
          </fieldset>
          <p class="import__help">{KIND_HELP[kind]}</p>
          <div class="field">
            <label for="import-file">CSV file</label>
            <input
              id="import-file"
              ref={fileRef}
              type="file"
              accept=".csv,.txt,text/csv"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void choose(file);
              }}
            />
          </div>
          <button type="button" class="button button--quiet" onClick={downloadTemplate}>
            Download the {KIND_LABELS[kind].toLowerCase()} template
          </button>
        </div>
      ) : (
        <JobView
          job={job}
          writing={writing}
          statusRef={statusRef}
          onCancel={() => void cancel()}
          onCommit={() => void commit()}
          onAgain={again}
        />
      )}
      {error ? (
        <p class="import__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function JobView(props: {
  job: ImportJobView;
  writing: boolean;
  statusRef: { current: HTMLHeadingElement | null };
  onCancel: () => void;
  onCommit: () => void;
  onAgain: () => void;
}) {
  const { job } = props;
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div class="import__job">
      <h2 ref={props.statusRef} tabIndex={-1}>
        {KIND_LABELS[job.kind]} from {job.fileName}
      </h2>
      {job.encoding ? (
        <p class="import__meta">
          Read as {job.encoding}
          {job.source === 'cliniko'
            ? ', Cliniko’s patient export'
            : job.source === 'generic'
              ? ', template columns'
              : ''}
        </p>
      ) : null}
      {job.phase === 'checking' ? (
        <>
          <label for="import-progress">
            Checking rows: {job.done.toLocaleString()} of {job.total.toLocaleString()}
          </label>
          <progress id="import-progress" max={100} value={percent}>
            {percent}%
          </progress>
          <div class="form__actions">
            <button type="button" class="button" onClick={props.onCancel}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <p role="status" class="import__message">
          {job.message}
        </p>
      )}
      {job.phase === 'writing' ? <progress aria-label="Writing" /> : null}
      {job.phase === 'ready' ? (
        <>
          {job.preview.length > 0 ? (
            <details open>
              <summary>What will be created ({job.toCreate.toLocaleString()})</summary>
              <ul class="import__preview">
                {job.preview.map((line) => (
                  <li key={line.line}>
                    <span class="import__line">Line {line.line}</span> {line.what}
                  </li>
                ))}
                {job.toCreate > job.preview.length ? (
                  <li>…and {(job.toCreate - job.preview.length).toLocaleString()} more</li>
                ) : null}
              </ul>
            </details>
          ) : null}
          {job.problemCount > 0 ? (
            <table class="import__problems">
              <caption>
                Rows that will not be imported ({job.problemCount.toLocaleString()})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {job.problems.map((problem, index) => (
                  <tr key={`${problem.line}-${index}`} data-reason={problem.reason}>
                    <td>{problem.line}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div class="form__actions">
            <button type="button" class="button" onClick={props.onCancel}>
              Cancel
            </button>
            <button
              type="button"
              class="button button--primary"
              disabled={job.toCreate === 0 || props.writing}
              onClick={props.onCommit}
            >
              Import {job.toCreate.toLocaleString()}
            </button>
          </div>
        </>
      ) : null}
      {job.phase === 'done' || job.phase === 'cancelled' || job.phase === 'failed' ? (
        <div class="form__actions">
          <button type="button" class="button button--primary" onClick={props.onAgain}>
            Import another file
          </button>
        </div>
      ) : null}
    </div>
  );
}
