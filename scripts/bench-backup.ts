// `npm run bench:backup`: backup + verification and restore of a database with
// 300,000 ledger-sized JSON documents, with and without encryption.
// Prints the median of several runs (target: at most 10 s each) and the file size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes } from '../electron/backup/cli/describe-outcome.ts';
import { createBackup } from '../electron/backup/write-backup.ts';
import { restoreBackup } from '../electron/backup/restore.ts';
import { createSampleDb } from '../electron/backup/testing/sample-db.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '300000' }, runs: { type: 'string', default: '5' } },
});
const docs = Number(values.docs);
const runs = Number(values.runs);
const TARGET_MS = 10_000;

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'punchcard-bench-backup-'));
try {
  const dataFile = path.join(dir, 'punchcard.sqlite');
  const started = performance.now();
  createSampleDb(dataFile, docs);
  const dbBytes =
    fs.statSync(dataFile).size +
    (fs.statSync(`${dataFile}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  console.log(
    `database: ${docs} documents, ${formatBytes(dbBytes)} (generated in ${seconds(performance.now() - started)})`,
  );
  console.log(`runs per figure: ${runs}, Node ${process.version}, ${os.cpus().length} CPUs\n`);

  let failed = false;
  for (const passphrase of [undefined, 'bench passphrase']) {
    const label = passphrase ? 'encrypted' : 'plain';
    const backupTimes: number[] = [];
    const restoreTimes: number[] = [];
    let fileBytes = 0;
    for (let run = 0; run < runs; run++) {
      const out = path.join(dir, `out-${label}-${run}`);
      let t = performance.now();
      const backup = await createBackup({
        dataFile,
        outDir: out,
        deskId: 'bench',
        appVersion: 'bench',
        passphrase,
        workDir: dir,
      });
      backupTimes.push(performance.now() - t);
      fileBytes = backup.fileBytes;

      const target = path.join(dir, `restored-${label}-${run}`, 'punchcard.sqlite');
      fs.mkdirSync(path.dirname(target));
      fs.copyFileSync(dataFile, target); // a restore replaces existing data, incl. its safety backup
      t = performance.now();
      const restored = await restoreBackup({
        file: backup.file,
        dataFile: target,
        passphrase,
        appVersion: 'bench',
        workDir: dir,
      });
      restoreTimes.push(performance.now() - t);
      if (restored.counts['docs'] !== docs)
        throw new Error(`restored ${restored.counts['docs']} of ${docs} documents`);
      fs.rmSync(out, { recursive: true, force: true });
      fs.rmSync(path.dirname(target), { recursive: true, force: true });
    }
    const backupMedian = median(backupTimes);
    const restoreMedian = median(restoreTimes);
    failed ||= backupMedian > TARGET_MS || restoreMedian > TARGET_MS;
    console.log(`${label}: backup file ${formatBytes(fileBytes)}`);
    console.log(
      `  backup + verify: median ${seconds(backupMedian)}  (runs: ${backupTimes.map(seconds).join(', ')})`,
    );
    console.log(
      `  restore (verify + safety backup + swap): median ${seconds(restoreMedian)}  (runs: ${restoreTimes.map(seconds).join(', ')})`,
    );
  }
  console.log(
    failed
      ? `\nSLOWER than the ${seconds(TARGET_MS)} target.`
      : `\nWithin the ${seconds(TARGET_MS)} target.`,
  );
  process.exitCode = failed ? 1 : 0;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
