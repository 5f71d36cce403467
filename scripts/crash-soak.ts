// Longer crash soak for the SQLite storage: thousands of SIGKILLs of a writer
// process, each followed by PRAGMA integrity_check and a check that every
// write the writer reported as committed is still there.
//
//   node scripts/crash-soak.ts [kills per writer = 1000] [writers = 2]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashLoop } from '../electron/storage/sqlite/crash-harness.ts';

const kills = Number(process.argv[2] ?? 1000);
const writers = Number(process.argv[3] ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'crash-soak-'));
const started = Date.now();
let done = 0;
try {
  const results = await Promise.all(
    Array.from({ length: writers }, (_, w) =>
      crashLoop(join(dir, `soak-${w}.sqlite`), kills, (round, verification) => {
        done++;
        if (done % 100 === 0)
          console.log(
            `${done} kills, writer ${w} round ${round}: integrity ${verification.integrity}, ${verification.stored} rows, counter ${verification.counter}`,
          );
      }),
    ),
  );
  const inserted = results.reduce((sum, r) => sum + r.inserted, 0);
  console.log(
    `OK: ${done} kills, ${inserted} acknowledged inserts all present, integrity ok every time (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
} catch (error) {
  console.error(`FAILED after ${done} kills:`, error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
