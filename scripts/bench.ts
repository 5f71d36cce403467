// `npm run bench`: every performance measurement in one go, on the "clinic"
// data set (generated on first use and cached under .data/), written to
// bench-results.json and printed as a table. See scripts/bench/README.md.
//
//   npm run bench
//   npm run bench -- --only ui,checkout --runs 30
//   npm run bench -- --size small --runs 2 --warmup 0 --backup-runs 1 --storage-docs 10000 --storage-runs 3
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBackup } from './bench/backup.ts';
import { benchCheckout } from './bench/checkout.ts';
import { benchElectron } from './bench/electron.ts';
import { benchData } from './bench/dataset.ts';
import { table, type Metric } from './bench/figures.ts';
import { benchStorage } from './bench/storage.ts';
import { benchUi } from './bench/ui.ts';
import { isDemoSize } from './demo/sizes.ts';

const PARTS = ['ui', 'electron', 'checkout', 'backup', 'storage'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'clinic' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    'backup-runs': { type: 'string', default: '20' },
    'storage-docs': { type: 'string', default: '300000' },
    'storage-runs': { type: 'string', default: '30' },
    only: { type: 'string', default: PARTS.join(',') },
    out: { type: 'string', default: 'bench-results.json' },
    data: { type: 'string' },
    build: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});

const whole = (name: string, text: string, min: number) => {
  const n = Number.parseInt(text, 10);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} is a whole number ≥ ${min}`);
  return n;
};
if (!isDemoSize(values.size)) throw new Error('--size is small, clinic or large');
const size = values.size;
const seed = whole('seed', values.seed, 0);
const runs = whole('runs', values.runs, 1);
const warmup = whole('warmup', values.warmup, 0);
const backupRuns = whole('backup-runs', values['backup-runs'], 1);
const storageDocs = whole('storage-docs', values['storage-docs'], 10_000);
const storageRuns = whole('storage-runs', values['storage-runs'], 1);
const only = values.only.split(',').map((p) => p.trim()) as Part[];
for (const part of only) if (!PARTS.includes(part)) throw new Error(`--only: unknown part ${part}`);
const began = performance.now();
const log = (line: string) =>
  console.log(
    line.startsWith(' ') ? `${line}  [${((performance.now() - began) / 1000).toFixed(1)} s]` : line,
  );

if (only.includes('ui') && (values.build || !existsSync(resolve('dist/renderer/index.html')))) {
  log('Building the renderer …');
  const built = spawnSync('npm', ['run', 'build:renderer'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const data = await benchData(size, seed, log, values.data ? resolve(values.data) : undefined);
const manifest = data.manifest;
log(
  `Data set "${size}" (seed ${seed}): ${manifest.patients.toLocaleString('en')} patients, ${manifest.appointments.toLocaleString('en')} appointments, ${manifest.entries.toLocaleString('en')} entries; working copy ${data.dataDirectory}`,
);
log(
  `${runs} runs per metric after ${warmup} warm-up runs; ${os.cpus().length} CPUs, Node ${process.version}\n`,
);

const metrics: Metric[] = [];
/** parts that could not run here, and why (the Electron part without a binary) */
const skipped: { part: string; reason: string }[] = [];
try {
  if (only.includes('ui')) {
    log('User interface in Chromium:');
    metrics.push(
      ...(await benchUi({
        dataDirectory: data.dataDirectory,
        runs,
        warmup,
        longestHistories: manifest.longestHistories,
        log,
      })),
    );
  }
  if (only.includes('electron')) {
    log(' Desktop app (Electron), where a binary exists:');
    const outcome = await benchElectron({ dataDirectory: data.dataDirectory, runs, warmup, log });
    if ('skipped' in outcome) {
      log(`  skipped — ${outcome.skipped}`);
      skipped.push({ part: 'electron', reason: outcome.skipped });
    } else {
      metrics.push(...outcome.metrics);
    }
  }
  if (only.includes('checkout')) {
    log(' Check-out on the durable storage …');
    metrics.push(
      ...(await benchCheckout({
        dataDirectory: data.dataDirectory,
        runs,
        warmup,
        longestHistories: manifest.longestHistories,
      })),
    );
  }
  if (only.includes('backup')) {
    log(
      ` Backup with verification, then the nightly backup with every hash chain verified (${backupRuns} runs each) …`,
    );
    metrics.push(
      ...(await benchBackup({
        dataDirectory: data.dataDirectory,
        runs: backupRuns,
        warmup: 1,
      })),
    );
  }
  if (only.includes('storage')) {
    log(` Storage operations (${storageDocs.toLocaleString('en')} documents) …`);
    metrics.push(...(await benchStorage({ docs: storageDocs, runs: storageRuns })));
  }
} finally {
  rmSync(data.dataDirectory, { recursive: true, force: true });
}

const results = {
  ranAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  dataSet: {
    size,
    seed,
    patients: manifest.patients,
    appointments: manifest.appointments,
    entries: manifest.entries,
    generationSeconds: Math.round(manifest.seconds * 10) / 10,
  },
  metrics,
  skipped,
};
writeFileSync(resolve(values.out), `${JSON.stringify(results, null, 2)}\n`);
log(`\n${table(metrics)}\n`);
for (const { part, reason } of skipped) log(`Skipped: ${part} — ${reason}`);
const missed = metrics.filter((m) => m.met === false);
log(
  missed.length === 0
    ? `Every target met. Results in ${values.out}.`
    : `Targets missed: ${missed.map((m) => m.name).join('; ')}. Results in ${values.out}.`,
);
if (values.strict && missed.length > 0) process.exitCode = 1;
