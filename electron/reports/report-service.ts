// Reports and exports in the main process: load the entries a request needs by
// business time, run the pure builders, write export files, and keep the export
// record (exports.json) so a repeated export is identical and late entries show.
// Where entries come from: a range (takings, exports) straight from the storage; the
// whole history before a date from the slim copy of the journal (journal-cache.ts),
// with the full entries the funders report folds read by id; needs attention at a past
// date from a fold kept between requests (attention-checkpoint.ts). Both kept things
// are made on the first report that needs them and dropped after an idle period.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import type { AttentionSource } from '../../shared/ledger/projections/attention.ts';
import { applyEntry, createLedgerState, needsAttention } from '../../shared/ledger/index.ts';
import type {
  ExportOutcome,
  ExportSummary,
  LateEntry,
} from '../../shared/contract/domains/reports.ts';
import type {
  AccountMapping,
  ExportFormat,
  ReportName,
  ReportTable,
} from '../../shared/reports/index.ts';
import {
  addDays,
  attentionTable,
  buildExport,
  buildReport,
  buildSlimReport,
  funderPositionsOf,
  isSlimReport,
  touchesFunder,
  endOfLocalDay,
  localDateOf,
  startOfLocalDay,
} from '../../shared/reports/index.ts';
import { exportFileCsv, reportCsv } from './csv.ts';
import { readExportRecords, setMapping, writeExportRecords } from './export-records.ts';
import { attentionCheckpoint } from './attention-checkpoint.ts';
import { journalCache } from './journal-cache.ts';
import { clinicFrame, loadDirectory } from './report-sources.ts';
import { entriesBetween, pagesById, storedJournal } from './stored-journal.ts';

export interface ReportArgs {
  report: ReportName;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  withinDays?: number | undefined;
}

export interface ExportArgs {
  format: ExportFormat;
  from: string;
  to: string;
  outDir?: string | undefined;
}

export interface ReportService {
  runReport(args: ReportArgs): Promise<ReportTable & { csv: string }>;
  runExport(args: ExportArgs): Promise<ExportOutcome>;
  listExports(): ExportSummary[];
  mapping(): AccountMapping;
  setMapping(mapping: AccountMapping): AccountMapping;
}

export function createReportService(options: {
  db: PunchcardDatabase;
  dataDirectory: string;
  now: () => Date;
  /** the desk's live clinic-wide projection, when it is ready (needs attention as of today) */
  liveState?: () => AttentionSource | null;
  /**
   * On a takings report (the screen opens on it), begin the slim copy the other reports
   * need, so the first of them does not wait seconds for it. Off for one-off runs (CLI).
   */
  warmOnTakings?: boolean;
}): ReportService {
  const { db, dataDirectory, now } = options;
  const journal = journalCache(db);

  return {
    async runReport(args) {
      const frame = await clinicFrame(db);
      const today = localDateOf(now().toISOString(), frame.timeZone);
      const at = args.at ?? args.to ?? today;
      const to = args.to ?? at;
      const from = args.from ?? (args.report === 'trend' ? addDays(to, -29) : to);
      const live =
        args.report === 'attention' && at >= today ? (options.liveState?.() ?? null) : null;
      if (live) {
        // Today or later: the desk's clinic-wide projection already knows (a fold of the
        // whole journal takes seconds on a large one).
        const table = attentionTable(needsAttention(live), at, frame, await loadDirectory(db));
        return { ...table, csv: reportCsv(table) };
      }
      if (args.report === 'attention') {
        // A past date: from the kept fold, moved to this date (see attention-checkpoint.ts).
        const items = await attentionCheckpoint(db, storedJournal(db)).itemsBefore(
          endOfLocalDay(at, frame.timeZone),
          frame.currency,
        );
        const table = attentionTable(items, at, frame, await loadDirectory(db));
        return { ...table, csv: reportCsv(table) };
      }
      const request = { report: args.report, at, from, to, withinDays: args.withinDays ?? 30 };
      const { report } = request;
      let table: ReportTable;
      if (report === 'takings') {
        if (options.warmOnTakings ?? true) journal.prepare();
        // A range: straight from the storage.
        const entries = await entriesBetween(
          db,
          startOfLocalDay(from, frame.timeZone),
          endOfLocalDay(to, frame.timeZone),
        );
        table = buildReport(request, entries, frame, await loadDirectory(db));
      } else {
        // The whole history before a date: from the slim copy.
        const end = report === 'trend' ? to : at;
        const slim = await journal.between('', endOfLocalDay(end, frame.timeZone));
        const directory = await loadDirectory(db);
        if (isSlimReport(report)) {
          table = buildSlimReport({ ...request, report }, slim, frame, directory);
        } else {
          // Funders folds whole entries, but only those that touch a funder: read by id,
          // a page at a time, and applied in id order as a fold of all of them would be.
          const ids = slim.filter(touchesFunder).map((entry) => entry.id);
          ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          const state = createLedgerState(frame.currency);
          for await (const page of pagesById(db, ids)) {
            for (const entry of page) applyEntry(state, entry);
          }
          table = funderPositionsOf(state, at, frame, directory);
        }
      }
      return { ...table, csv: reportCsv(table) };
    },

    async runExport(args) {
      const frame = await clinicFrame(db);
      const records = readExportRecords(dataDirectory);
      const inRange = await entriesBetween(
        db,
        startOfLocalDay(args.from, frame.timeZone),
        endOfLocalDay(args.to, frame.timeZone),
      );
      const sameFormat = records.exports.filter((record) => record.format === args.format);
      const previous = sameFormat.find(
        (record) => record.from === args.from && record.to === args.to,
      );
      let included: JournalEntry[];
      let late: LateEntry[];
      let mapping: AccountMapping;
      let exportId: string;
      if (previous) {
        // The same export again: exactly the entries it had, with the mapping it used.
        const had = new Set(previous.entryIds);
        included = inRange.filter((entry) => had.has(entry.id));
        late = inRange
          .filter((entry) => !had.has(entry.id))
          .map((entry) => lateEntry(entry, previous.exportId));
        mapping = previous.mapping;
        exportId = previous.exportId;
      } else {
        // A new range: leave out what an earlier export of this format already carried
        // (never post an entry twice), and flag entries dated inside an exported period.
        const exported = new Map<string, string>();
        for (const record of sameFormat) {
          for (const id of record.entryIds) exported.set(id, record.exportId);
        }
        included = inRange.filter((entry) => !exported.has(entry.id));
        late = [];
        for (const entry of included) {
          const date = localDateOf(entry.occurredAt, frame.timeZone);
          const covering = sameFormat.find((record) => record.from <= date && date <= record.to);
          if (covering) late.push(lateEntry(entry, covering.exportId));
        }
        mapping = records.mapping;
        exportId = `${args.format}:${args.from}:${args.to}`;
      }
      const directory = await loadDirectory(db);
      const files = buildExport(args.format, included, args, frame, directory, mapping).map(
        (file) => ({ name: file.name, csv: exportFileCsv(file), rows: file.rows.length }),
      );
      let writtenTo = '';
      if (args.outDir) {
        writtenTo = resolve(args.outDir);
        mkdirSync(writtenTo, { recursive: true });
        for (const file of files) writeFileSync(join(writtenTo, file.name), file.csv);
      }
      if (!previous) {
        records.exports.push({
          exportId,
          format: args.format,
          from: args.from,
          to: args.to,
          exportedAt: now().toISOString(),
          mapping,
          entryIds: included.map((entry) => entry.id).sort(),
          files: files.map((file) => file.name),
        });
        writeExportRecords(dataDirectory, records);
      }
      return {
        exportId,
        repeated: Boolean(previous),
        files,
        writtenTo,
        entryCount: included.length,
        late,
      };
    },

    listExports() {
      return readExportRecords(dataDirectory).exports.map((record) => ({
        exportId: record.exportId,
        format: record.format,
        from: record.from,
        to: record.to,
        exportedAt: record.exportedAt,
        entryCount: record.entryIds.length,
        files: record.files,
      }));
    },

    mapping: () => readExportRecords(dataDirectory).mapping,
    setMapping: (mapping) => setMapping(dataDirectory, mapping),
  };
}

function lateEntry(entry: JournalEntry, exportId: string): LateEntry {
  return {
    entryId: entry.id,
    kind: entry.kind,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    exportId,
  };
}
