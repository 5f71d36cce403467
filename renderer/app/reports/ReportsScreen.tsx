// Reports: choose a report and its date (or range), see it as a table with charts,
// download it as CSV, print it (or save it as PDF); and the accounting exports.
import { useEffect, useState } from 'preact/hooks';
import { Download, Printer, RefreshCw } from 'lucide-preact';
import type { ReportName, ReportTable } from '../../../shared/reports/index.ts';
import { addDays } from '../../../shared/reports/local-days.ts';
import { useServices } from '../services.ts';
import { useCatalog } from '../data/use-catalog.ts';
import { ReportView } from './ReportView.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { downloadText, todayIn } from './download.ts';
import './reports.css';

const REPORTS: { name: ReportName; label: string; range: boolean }[] = [
  { name: 'takings', label: 'Daily takings', range: true },
  { name: 'credit', label: 'Account credit liability', range: false },
  { name: 'deferred', label: 'Deferred revenue', range: false },
  { name: 'funders', label: 'Funder positions', range: false },
  { name: 'packages', label: 'Packages expiring or nearly used', range: false },
  { name: 'attention', label: 'Needs attention', range: false },
  { name: 'trend', label: 'Liabilities over time (chart)', range: true },
];

export function ReportsScreen() {
  const { operations } = useServices();
  const settings = useCatalog('settings').find((doc) => doc.type === 'settings');
  const timeZone = settings?.type === 'settings' ? settings.timeZone : 'Australia/Sydney';
  const locale = settings?.type === 'settings' ? settings.locale : 'en-AU';
  const today = todayIn(timeZone);
  const [report, setReport] = useState<ReportName>('takings');
  const [at, setAt] = useState(today);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [withinDays, setWithinDays] = useState('30');
  const [table, setTable] = useState<(ReportTable & { csv: string }) | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = REPORTS.find((r) => r.name === report) ?? REPORTS[0];

  const run = async () => {
    setBusy(true);
    setError('');
    const within = Number.parseInt(withinDays, 10);
    const result = await operations.runReport(
      chosen?.range
        ? { report, from, to }
        : { report, at, ...(report === 'packages' && within >= 0 ? { withinDays: within } : {}) },
    );
    setBusy(false);
    if (result.ok) setTable(result.value);
    else {
      setTable(null);
      setError(result.error.message);
    }
  };

  useEffect(() => {
    void run();
    // Run again whenever the question changes.
  }, [report, at, from, to, withinDays]);

  const chooseReport = (name: ReportName) => {
    setReport(name);
    if (name === 'trend' && from === to) setFrom(addDays(to, -29));
  };

  return (
    <div class="screen reports">
      <header class="screen__header no-print">
        <h1>Reports</h1>
      </header>
      <form
        class="panel reports__controls no-print"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <div class="field">
          <label for="report-name">Report</label>
          <select
            id="report-name"
            value={report}
            onChange={(e) => chooseReport(e.currentTarget.value as ReportName)}
          >
            {REPORTS.map((r) => (
              <option key={r.name} value={r.name}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        {chosen?.range ? (
          <>
            <div class="field">
              <label for="report-from">From</label>
              <input
                id="report-from"
                type="date"
                value={from}
                max={to}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="report-to">To</label>
              <input
                id="report-to"
                type="date"
                value={to}
                min={from}
                onChange={(e) => setTo(e.currentTarget.value)}
              />
            </div>
          </>
        ) : (
          <div class="field">
            <label for="report-at">At the end of</label>
            <input
              id="report-at"
              type="date"
              value={at}
              onChange={(e) => setAt(e.currentTarget.value)}
            />
          </div>
        )}
        {report === 'packages' ? (
          <div class="field">
            <label for="report-within">Expiring within (days)</label>
            <input
              id="report-within"
              type="number"
              min={0}
              value={withinDays}
              onChange={(e) => setWithinDays(e.currentTarget.value)}
            />
          </div>
        ) : null}
        <div class="reports__buttons">
          <button type="submit" class="button button--icon" disabled={busy}>
            <RefreshCw size={16} aria-hidden="true" />
            {busy ? 'Working…' : 'Refresh'}
          </button>
          <button
            type="button"
            class="button button--icon"
            disabled={!table}
            onClick={() =>
              table &&
              downloadText(
                `${table.report}-${chosen?.range ? `${from}-to-${to}` : at}.csv`,
                table.csv,
              )
            }
          >
            <Download size={16} aria-hidden="true" />
            Download CSV
          </button>
          <button
            type="button"
            class="button button--icon"
            disabled={!table}
            onClick={() => window.print()}
          >
            <Printer size={16} aria-hidden="true" />
            Print or save as PDF
          </button>
        </div>
      </form>
      <p class="form__error" role="alert">
        {error}
      </p>
      {table ? <ReportView table={table} locale={locale} /> : null}
      <ExportPanel today={today} />
    </div>
  );
}
