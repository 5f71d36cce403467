// Child process for the concurrency test: keeps inserting small transactions
// into the database given as argv[2] until it receives "stop" on stdin, then
// prints the number of rows it committed.
import { insertDocuments, openSampleDb } from './sample-db.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: writer-process.ts <db-file> <first-seq>');
let next = Number(process.argv[3] ?? '0');
const db = openSampleDb(file);
let stopping = false;
process.stdin.on('data', (data) => {
  if (String(data).includes('stop')) stopping = true;
});

function writeSome(): void {
  if (stopping) {
    db.close();
    process.stdout.write(`committed ${next}\n`);
    process.exit(0);
  }
  insertDocuments(db, next, 5);
  next += 5;
  if (next % 500 === 0) process.stdout.write(`at ${next}\n`);
  setImmediate(writeSome);
}
process.stdout.write('started\n');
writeSome();
