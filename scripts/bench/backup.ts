// A backup of the clinic's database with its verification (the file is read
// back and checked before it counts), as the nightly backup does it. Fewer
// runs than the other metrics: each copies the whole database.
//
// The note adds the process's CPU time per backup (all threads), the median
// time of each phase (from the progress reports: where the seconds go) and the
// load average around the runs: on a shared machine the seconds depend on what
// else runs, the CPU time much less.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATA_FILE_NAME } from '../../electron/backup/data-path.ts';
import type { BackupPhase } from '../../electron/backup/progress.ts';
import { createBackup } from '../../electron/backup/write-backup.ts';
import { chainSummary } from '../../electron/audit/journal-file.ts';
import { metric, percentile, repeat, type Metric } from './figures.ts';

type Describe = typeof chainSummary | undefined;

/** Seconds from each phase's first progress report to the next phase's (the last: to the end). */
function phaseSeconds(
  starts: readonly { phase: BackupPhase; at: number }[],
  end: number,
): Map<BackupPhase, number> {
  const seconds = new Map<BackupPhase, number>();
  starts.forEach(({ phase, at }, i) => {
    seconds.set(phase, ((starts[i + 1]?.at ?? end) - at) / 1000);
  });
  return seconds;
}

const PHASE_NAMES: Partial<Record<BackupPhase, string>> = {
  snapshot: 'snapshot',
  compress: 'compress and prove the round trip',
  write: 'write',
  verify: 'read back, then the integrity check awaited',
};

/** `runs` backups after `warmup`: their seconds, CPU seconds and the file's size. */
async function timeBackups(
  options: { dataDirectory: string; runs: number; warmup: number },
  work: string,
  describe: Describe,
): Promise<{ samples: number[]; note: string }> {
  let bytes = 0;
  const cpuSeconds: number[] = [];
  const phases = new Map<BackupPhase, number[]>();
  const loadBefore = loadavg()[0] ?? 0;
  const samples = await repeat(options.warmup, options.runs, async (index) => {
    const outDir = join(work, `out-${index}`);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const starts: { phase: BackupPhase; at: number }[] = [];
    const backup = await createBackup({
      dataFile: join(options.dataDirectory, DATA_FILE_NAME),
      outDir,
      deskId: 'desk-1',
      appVersion: 'bench',
      workDir: work,
      describe,
      onProgress: ({ phase }) => {
        if (starts.at(-1)?.phase !== phase) starts.push({ phase, at: performance.now() });
      },
    });
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    if (index >= 0) {
      for (const [phase, value] of phaseSeconds(starts, ended))
        phases.set(phase, [...(phases.get(phase) ?? []), value]);
    }
    const cpu = process.cpuUsage(cpuBefore);
    if (index >= 0) cpuSeconds.push((cpu.user + cpu.system) / 1e6);
    bytes = backup.fileBytes;
    rmSync(outDir, { recursive: true, force: true });
    return seconds;
  });
  const note = `${options.runs} runs after ${options.warmup} warm-up (each copies the whole database); backup file ${(bytes / 1024 / 1024).toFixed(0)} MB; CPU time per backup median ${percentile(cpuSeconds, 0.5).toFixed(1)} s; phases (medians) ${[
    ...phases,
  ]
    .map(
      ([phase, values]) => `${PHASE_NAMES[phase] ?? phase} ${percentile(values, 0.5).toFixed(1)} s`,
    )
    .join(
      ', ',
    )}; load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`;
  return { samples, note };
}

export async function benchBackup(options: {
  dataDirectory: string;
  runs: number;
  warmup: number;
}): Promise<Metric[]> {
  const work = mkdtempSync(join(tmpdir(), 'punchcard-bench-backup-'));
  try {
    const engine = await timeBackups(options, work, undefined);
    // The desk's nightly backup also verifies every hash chain in the snapshot
    // and records each desk's verified length in the manifest.
    const nightly = await timeBackups(options, work, chainSummary);
    return [
      metric('backup with verification', 's', engine.samples, {
        target: 10,
        note: `snapshot; compress, proving the round trip; write; read back; integrity check on the other core; ${engine.note}`,
      }),
      metric('nightly backup (+ every hash chain verified)', 's', nightly.samples, {
        target: 10,
        note: `as the desk runs it (describe: chainSummary); ${nightly.note}`,
      }),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
