// Drives crash-child.ts: start it, kill it with SIGKILL at a random moment,
// collect what it reported as committed, then reopen the file and check that
// SQLite finds it intact and that every reported write is there.

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomToken } from 'rxdb/plugins/core';
import { getRxStorageSqlite } from './index.ts';
import { COUNTER_ID, crashSchema } from './crash-schema.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

export type Reported = { inserted: string[]; counter: number };

/**
 * Runs one child until a random moment and kills it. Most kills land while it
 * is writing (0–40 ms after its first reported write); some land while it is
 * still opening.
 */
export function runAndKill(
  path: string,
  tag: string,
  random: () => number = Math.random,
): Promise<Reported> {
  return new Promise((resolve, reject) => {
    // Startup (compiling RxDB) dominates each round; V8's compile cache, kept
    // next to the database file, cuts it by about a quarter.
    const env = { ...process.env, NODE_COMPILE_CACHE: join(dirname(path), '.compile-cache') };
    const child = spawn(process.execPath, [CHILD, path, tag], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    const earlyKill = random() < 0.1;
    if (earlyKill) timer = setTimeout(kill, Math.floor(random() * 150));
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      // Start the clock at the first reported write, not at "ready": on a busy
      // machine the first commit can take longer than the whole kill window.
      if (!earlyKill && timer === undefined && (out + chunk).includes('insert '))
        timer = setTimeout(kill, Math.floor(random() * 40));
      out += chunk;
    });
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`crash child ended by itself (code ${code}): ${err}`));
        return;
      }
      // Only complete lines count: a line cut by the kill was never reported.
      const lines = out.split('\n').slice(0, -1);
      const inserted: string[] = [];
      let counter = 0;
      for (const line of lines) {
        const [what, value] = line.split(' ');
        if (what === 'insert' && value) inserted.push(value);
        if (what === 'counter') counter = Number(value);
      }
      resolve({ inserted, counter });
    });
  });
}

export type Verification = {
  integrity: string;
  missing: string[];
  counter: number;
  stored: number;
};

/** Reopens the file through the storage, as the app would after a power cut. */
export async function verifyAfterCrash(
  path: string,
  insertedSoFar: readonly string[],
): Promise<Verification> {
  const storage = getRxStorageSqlite({ filePathFor: () => path });
  const entries = await storage.createStorageInstance<{ id: string; kind: string; value: number }>({
    databaseInstanceToken: randomToken(10),
    databaseName: 'crash',
    collectionName: 'entries',
    schema: crashSchema,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  try {
    const { db } = entries.internals.connection;
    const integrity = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const found = new Set(
      (await entries.findDocumentsById([...insertedSoFar], false)).map((d) => d.id),
    );
    const missing = insertedSoFar.filter((id) => !found.has(id));
    const [counterDoc] = await entries.findDocumentsById([COUNTER_ID], false);
    const stored = (db.prepare('SELECT count(*) AS n FROM "entries__v0"').get() as { n: number }).n;
    return { integrity, missing, counter: counterDoc?.value ?? 0, stored };
  } finally {
    await entries.close();
  }
}

/** Kills a writer `kills` times against one file, verifying after each kill. */
export async function crashLoop(
  path: string,
  kills: number,
  onKill?: (round: number, v: Verification, r: Reported) => void,
): Promise<{ inserted: number }> {
  const inserted: string[] = [];
  let counter = 0;
  for (let round = 0; round < kills; round++) {
    const reported = await runAndKill(path, `w${round}-${randomToken(4)}`);
    inserted.push(...reported.inserted);
    counter = Math.max(counter, reported.counter);
    const verification = await verifyAfterCrash(path, inserted);
    onKill?.(round, verification, reported);
    if (verification.integrity !== 'ok')
      throw new Error(`round ${round}: integrity_check says ${verification.integrity}`);
    if (verification.missing.length > 0)
      throw new Error(
        `round ${round}: ${verification.missing.length} reported writes lost, e.g. ${verification.missing.slice(0, 3).join(', ')}`,
      );
    if (verification.counter < counter)
      throw new Error(
        `round ${round}: counter went back from ${counter} to ${verification.counter}`,
      );
  }
  return { inserted: inserted.length };
}
