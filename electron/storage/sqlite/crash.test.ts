// Crash test: a writer process is killed with SIGKILL at random moments, 200
// times in all; after each kill the file must pass PRAGMA integrity_check and
// hold every write the writer had reported as committed.
// For thousands of kills: node scripts/crash-soak.ts

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { crashLoop } from './crash-harness.ts';
import { makeTempDir } from './test-fixtures.ts';

const temp = makeTempDir();
after(() => temp.cleanup());

const KILLS_PER_WRITER = 100;
const WRITERS = 2; // two files in parallel, one per core

it(`loses no acknowledged write across ${KILLS_PER_WRITER * WRITERS} SIGKILLs`, async () => {
  let kills = 0;
  let writesThatLandedMidWrite = 0;
  const results = await Promise.all(
    Array.from({ length: WRITERS }, (_, w) =>
      crashLoop(
        join(temp.dir, `crash-${w}.sqlite`),
        KILLS_PER_WRITER,
        (_round, verification, reported) => {
          kills++;
          // More rows than reported means the kill hit between commit and report, or mid-loop.
          if (reported.inserted.length > 0) writesThatLandedMidWrite++;
          assert.equal(verification.integrity, 'ok');
        },
      ),
    ),
  );
  assert.equal(kills, KILLS_PER_WRITER * WRITERS);
  // The test means something only if most kills interrupted an active writer.
  assert.ok(
    writesThatLandedMidWrite > kills / 2,
    `only ${writesThatLandedMidWrite} of ${kills} kills hit a writing child`,
  );
  assert.ok(results.every((r) => r.inserted > 0));
});
