// Smoke test of the demo generator and the benchmark, so neither rots: the
// "small" clinic (validated against the collections' schemas), its ledger
// self-check through the desk's service, the same seed giving the same
// clinic, and a short benchmark run of every part on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MANIFEST, generateDemo, type DemoResult } from './demo/generate.ts';
import { selfCheckDemo } from './demo/self-check.ts';
import type { Metric } from './bench/figures.ts';
import { findElectronBinary } from './electron-binary.ts';

const END = '2025-06-30';
const dir = mkdtempSync(join(tmpdir(), 'punchcard-bench-smoke-'));
const without = (result: DemoResult) => ({ ...result, seconds: 0 });

test('the small demo clinic is valid, balanced, and the same for the same seed', async (t) => {
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = await generateDemo({
    size: 'small',
    seed: 7,
    dataDirectory: join(dir, 'a'),
    endDate: END,
    validate: true,
  });
  assert.equal(first.patients, 200);
  assert.ok(first.appointments > 1000, `${first.appointments} appointments`);
  assert.ok(first.entries > 1500, `${first.entries} entries`);
  for (const kind of [
    'sellPackage',
    'checkOutAppointment',
    'markNoShow',
    'refundCredit',
    'expirePackage',
    'recordUnappliedPayment',
    'recordFunderLumpSum',
  ]) {
    assert.ok((first.commands[kind] ?? 0) > 0, `no ${kind} in the small clinic`);
  }
  assert.ok(first.longestHistories[0]!.entries > 100, 'a patient has a long history');

  const report = await selfCheckDemo(join(dir, 'a'), { devMode: true });
  assert.equal(report.entries, first.entries);
  assert.deepEqual(report.violations, []);
  assert.equal(report.trialBalanceTotal, '0.00');

  const again = await generateDemo({
    size: 'small',
    seed: 7,
    dataDirectory: join(dir, 'b'),
    endDate: END,
    validate: true, // dev-mode, once on, is on for every database of the process
  });
  assert.deepEqual(without(again), without(first));
  const manifest = JSON.parse(readFileSync(join(dir, 'a', DEMO_MANIFEST), 'utf8')) as DemoResult;
  assert.deepEqual(without(manifest), without(first));

  const other = await generateDemo({
    size: 'small',
    seed: 8,
    dataDirectory: join(dir, 'c'),
    endDate: END,
    validate: true,
  });
  assert.notDeepEqual(other.longestHistories, first.longestHistories);
});

test('a short benchmark run measures every metric on the small clinic', () => {
  const out = join(dir, 'bench-results.json');
  const run = spawnSync(
    process.execPath,
    [
      'scripts/bench.ts',
      '--size',
      'small',
      '--data',
      join(dir, 'a'),
      '--runs',
      '2',
      '--warmup',
      '0',
      '--backup-runs',
      '1',
      '--storage-docs',
      '10000',
      '--storage-runs',
      '3',
      '--out',
      out,
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
  assert.equal(run.status, 0, run.stderr + run.stdout);
  const results = JSON.parse(readFileSync(out, 'utf8')) as {
    metrics: Metric[];
    skipped: { part: string; reason: string }[];
  };
  const byName = new Map(results.metrics.map((m) => [m.name, m]));
  for (const name of [
    'cold start to interactive patient list',
    'patient search keystroke → rendered results',
    'open a patient record with a long history',
    'check-out: dispatch → updated projection (SQLite)',
    'backup with verification',
    'nightly backup (+ every hash chain verified)',
    'peak RSS of the main process (harness)',
    'renderer JS heap',
    'storage: findDocumentsById 100 ids',
  ]) {
    const metric = byName.get(name);
    assert.ok(metric, `missing ${name}`);
    assert.ok(Number.isFinite(metric.median) && metric.median > 0, `${name}: ${metric.median}`);
    assert.ok(metric.p95 >= metric.median, name);
    assert.ok(metric.runs >= 1, name);
  }
  assert.equal(byName.get('patient search keystroke → rendered results')!.runs, 2);
  assert.equal(byName.get('cold start to interactive patient list')!.baseline, 'blank page load');
  assert.equal(byName.get('storage: findDocumentsById 100 ids')!.baseline, 'raw node:sqlite');
  assert.match(run.stdout, /\| metric +\| unit/);
  // The desktop app is measured where an Electron binary exists, and otherwise
  // reported as skipped with the reason, never silently left out.
  if (findElectronBinary().found) {
    assert.ok(byName.get('Electron: cold start to interactive patient list (machine time)'));
  } else {
    assert.deepEqual(
      results.skipped.map((s) => s.part),
      ['electron'],
    );
    assert.match(results.skipped[0]!.reason, /^No Electron binary: /);
    assert.match(run.stdout, /Skipped: electron — No Electron binary/);
  }
});
