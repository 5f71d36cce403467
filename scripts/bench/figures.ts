// One benchmark figure per metric, as written to bench-results.json, and the
// table printed at the end. Medians and p95 are of the measured runs only
// (warm-up runs are never recorded).

export interface Metric {
  name: string;
  unit: 'ms' | 's' | 'MB';
  median: number;
  p95: number;
  runs: number;
  max: number;
  /** the target for the median (for peaks: for the maximum) ("≤"), or null when the metric has none */
  target: number | null;
  /** what the metric is compared with, or null */
  baseline: string | null;
  baselineMedian: number | null;
  /** median / baseline median */
  ratio: number | null;
  /** median within target and p95 within 2× the median */
  met: boolean | null;
  note?: string;
}

export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))]!;
}

export function metric(
  name: string,
  unit: Metric['unit'],
  samples: readonly number[],
  options: {
    target?: number | null;
    baseline?: { name: string; median: number } | null;
    /** compare median − baseline with the target (start-up "beyond the blank page") */
    targetBeyondBaseline?: boolean;
    /** a peak (memory): the largest sample is held to the target */
    peak?: boolean;
    note?: string;
  } = {},
): Metric {
  if (samples.length === 0) throw new Error(`${name}: no samples`);
  const median = percentile(samples, 0.5);
  const p95 = percentile(samples, 0.95);
  const target = options.target ?? null;
  const baseline = options.baseline ?? null;
  const max = Math.max(...samples);
  const compared = options.peak
    ? max
    : options.targetBeyondBaseline && baseline
      ? median - baseline.median
      : median;
  return {
    name,
    unit,
    median: round(median),
    p95: round(p95),
    runs: samples.length,
    max: round(max),
    target,
    baseline: baseline?.name ?? null,
    baselineMedian: baseline ? round(baseline.median) : null,
    ratio: baseline && baseline.median > 0 ? round(median / baseline.median) : null,
    met:
      target === null ? null : compared <= target && (options.peak === true || p95 <= 2 * median),
    ...(options.note ? { note: options.note } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function show(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '-';
  return value < 10 ? value.toFixed(3) : value < 1000 ? value.toFixed(1) : value.toFixed(0);
}

export function table(metrics: readonly Metric[]): string {
  const header = [
    'metric',
    'unit',
    'median',
    'p95',
    'max',
    'runs',
    'target',
    'baseline',
    'ratio',
    'met',
  ];
  const rows = metrics.map((m) => [
    m.name,
    m.unit,
    show(m.median),
    show(m.p95),
    show(m.max),
    String(m.runs),
    m.target === null ? '-' : `≤ ${m.target}`,
    m.baseline ? `${m.baseline} (${show(m.baselineMedian)})` : '-',
    m.ratio === null ? '-' : `${m.ratio.toFixed(2)}x`,
    m.met === null ? '-' : m.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 || i === 7 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** Warm-up runs first (not kept), then `runs` measured ones. */
export async function repeat(
  warmup: number,
  runs: number,
  once: (index: number) => Promise<number>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await once(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(i));
  return samples;
}
