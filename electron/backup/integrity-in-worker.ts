// Runs SQLite's integrity check (seconds on a large database) in a worker
// thread. node:sqlite is synchronous: on the main thread the check would freeze
// the app's main process and stall every stream meanwhile (the compression and
// writing of the same backup, for one); in a worker it runs on the other core.
//
// The worker gets its code as text (`eval`), not as a file: the main process is
// bundled into one file, where a separate worker module would not exist.
import { Worker } from 'node:worker_threads';
import { integrityProblemsOfFile } from './sqlite-inspect.ts';

const WORKER_SOURCE = `
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
const integrityProblemsOfFile = (${integrityProblemsOfFile.toString()});
parentPort.postMessage(integrityProblemsOfFile(workerData));
`;

/** Resolves like `integrityProblemsOfFile`; rejects with the worker's error ("file is not a database", ...). */
export function integrityProblemsInWorker(file: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: file });
    worker.once('message', (problems: string | null) => {
      settled = true;
      resolve(problems);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The SQLite integrity check stopped (exit code ${code}).`));
    });
  });
}
