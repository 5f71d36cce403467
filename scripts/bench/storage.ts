// The storage operations of scripts/bench-storage.ts (the SQLite RxStorage on
// a ledger-shaped collection), each with its baselines: raw node:sqlite
// statements (the engine's limit) and RxDB's memory storage (the ceiling).
import type { Metric } from './figures.ts';

export async function benchStorage(options: { docs: number; runs: number }): Promise<Metric[]> {
  // bench-storage reads its sizes from the environment when first imported.
  process.env['BENCH_DOCS'] = String(options.docs);
  process.env['BENCH_RUNS'] = String(options.runs);
  const { runStorageBench } = await import('../bench-storage.ts');
  const report = await runStorageBench();
  const metrics: Metric[] = [];
  for (const row of report.rows) {
    const sqlite = row.sqlite;
    if (!sqlite) continue;
    const raw = row.raw;
    metrics.push({
      name: `storage: ${row.op}`,
      unit: 'ms',
      median: sqlite.median,
      p95: sqlite.p95,
      max: sqlite.p95,
      runs: sqlite.runs,
      target: null,
      baseline: raw ? 'raw node:sqlite' : null,
      baselineMedian: raw ? raw.median : null,
      ratio: raw && raw.median > 0 ? Math.round((sqlite.median / raw.median) * 100) / 100 : null,
      met: null,
      note: `${report.docs} documents; memory storage median ${row.memory ? row.memory.median.toFixed(3) : '-'} ms`,
    });
  }
  metrics.push({
    name: 'storage: RSS after opening the database',
    unit: 'MB',
    median: Math.round(report.rssAfterOpenBytes / 1024 / 102.4) / 10,
    p95: Math.round(report.rssAfterOpenBytes / 1024 / 102.4) / 10,
    max: Math.round(report.rssAfterOpenBytes / 1024 / 102.4) / 10,
    runs: 1,
    target: null,
    baseline: null,
    baselineMedian: null,
    ratio: null,
    met: null,
    note: `a fresh process, ${report.docs} documents`,
  });
  return metrics;
}
