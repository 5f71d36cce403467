// The benchmark's data set: a generated clinic cached under .data/ (made on
// first use), and a working copy of it in a temporary folder for each run, so
// what the benchmark writes (check-outs, the renderer's bookkeeping) never
// changes the cached clinic.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_MANIFEST, generateDemo, type DemoResult } from '../demo/generate.ts';
import type { DemoSize } from '../demo/sizes.ts';
import { collectionSchemas } from '../../shared/db/collections.ts';

/** Bump when the generator's output changes, so the cache is made again. */
const GENERATOR_VERSION = 'demo-3';

/** A fixed end date, so every run measures the same clinic. */
export const BENCH_END_DATE = '2025-06-30';

export interface BenchData {
  /** the working copy's data directory */
  dataDirectory: string;
  manifest: DemoResult;
  generatedNow: boolean;
}

/**
 * The cache's folder, named by the generator's version and the collections' schemas: a
 * database made under other schemas would not open (RxDB refuses a changed schema of the
 * same version).
 */
export function cachedDirectory(size: DemoSize, seed: number): string {
  const schemas = createHash('sha256')
    .update(GENERATOR_VERSION + JSON.stringify(collectionSchemas))
    .digest('hex')
    .slice(0, 10);
  return resolve('.data', `bench-${size}-seed${seed}-${schemas}`);
}

export async function benchData(
  size: DemoSize,
  seed: number,
  log: (line: string) => void,
  directory = cachedDirectory(size, seed),
): Promise<BenchData> {
  let generatedNow = false;
  if (!existsSync(join(directory, DEMO_MANIFEST))) {
    if (existsSync(directory) && readdirSync(directory).length > 0) {
      throw new Error(`${directory} holds an unfinished data set: remove it and run again`);
    }
    log(`Generating the "${size}" clinic (seed ${seed}) into ${directory} …`);
    const made = await generateDemo({
      size,
      seed,
      dataDirectory: directory,
      endDate: BENCH_END_DATE,
      log,
    });
    log(`  generated in ${made.seconds.toFixed(1)} s`);
    generatedNow = true;
  }
  const manifest = JSON.parse(readFileSync(join(directory, DEMO_MANIFEST), 'utf8')) as DemoResult;
  const work = mkdtempSync(join(tmpdir(), 'punchcard-bench-'));
  for (const name of readdirSync(directory)) {
    // The database (checkpointed when the generator closed it) and desk.json.
    if (name.endsWith('-shm')) continue;
    copyFileSync(join(directory, name), join(work, name));
  }
  return { dataDirectory: work, manifest, generatedNow };
}
