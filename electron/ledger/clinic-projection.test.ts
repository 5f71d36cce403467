// The clinic-wide projection with its snapshot, on a desk's real RxDB database (SQLite):
// a start loads the snapshot saved before and folds only the documents written since,
// to exactly what a fold from scratch gives (the self-check agrees); entries written
// while it loads count; it saves after the start-up fold, at close when something
// changed, and at most every so often while entries arrive; and any snapshot that does
// not provably fit the journal — damaged, other version or currency, checkpoint document
// gone or changed, a count that does not add up — is set aside for a full fold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import {
  attentionStateFrom,
  createAttentionState,
  snapshotAttentionState,
} from '../../shared/ledger/attention-state.ts';
import type { PunchcardDatabase } from '../../shared/db/collections.ts';
import { ClinicProjection, type ClinicProjectionOptions } from './clinic-projection.ts';
import { loadSnapshotFile, snapshotBytes, writeSnapshotFile } from './clinic-snapshot.ts';
import { CLINIC_SNAPSHOT_VERSION } from './clinic-snapshot-version.ts';
import { plainEntry } from './journal-queries.ts';
import { selfCheckJournal } from './self-check.ts';
import { book, openTestDesk, savePlan, type TestDesk } from './testing/test-desk.ts';

interface Running {
  projection: ClinicProjection;
  close(): Promise<void>;
}

/** A projection of the desk's journal kept current from its change stream, as the service does. */
async function started(
  db: PunchcardDatabase,
  snapshotFile: string,
  options: ClinicProjectionOptions = {},
): Promise<Running> {
  const projection = new ClinicProjection(db, 'AUD', { delayMs: 0, snapshotFile, ...options });
  const subscription = db.journal.$.subscribe((event) => {
    if (event.operation === 'INSERT') projection.apply([plainEntry(event.documentData)]);
  });
  await projection.ready();
  return {
    projection,
    async close() {
      subscription.unsubscribe();
      await projection.close();
    },
  };
}

async function freshFold(db: PunchcardDatabase) {
  const all = (await db.journal.find().exec()).map((doc) => doc.toJSON() as JournalEntry);
  return snapshotAttentionState(attentionStateFrom(all, 'AUD'));
}

/** Payments, a package, a check-out on it, courtesy credit: a few kinds of entries. */
async function work(desk: TestDesk, name: string): Promise<void> {
  const patient = await desk.patient(name);
  await desk.call('recordPayment', {
    payer: { type: 'patient', patientId: patient },
    method: 'card',
    amount: '120.00',
  });
  const planId = await savePlan(desk);
  const sold = await desk.call('sellPackage', {
    patientId: patient,
    planId,
    settlement: { payments: [{ method: 'cash', amount: '400.00' }] },
  });
  const visit = await book(desk, patient, sold.packageId);
  await desk.call('checkOutAppointment', { appointmentId: visit });
  await desk.call('grantCourtesyCredit', { patientId: patient, amount: '5.00', reasonCode: 'x' });
  desk.advanceMinutes(30);
}

async function withDesk(run: (desk: TestDesk, folder: string) => Promise<void>): Promise<void> {
  const desk = await openTestDesk();
  const folder = mkdtempSync(join(tmpdir(), 'punchcard-clinic-projection-'));
  try {
    await run(desk, folder);
  } finally {
    await desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

test('a start loads the snapshot and folds only the documents written since, to what a fold from scratch gives', async () => {
  await withDesk(async (desk, folder) => {
    const db = desk.core.db;
    const file = join(folder, 'clinic.snapshot');
    await work(desk, 'Ann');
    const first = await started(db, file);
    assert.deepEqual(
      { ...first.projection.started, ms: 0 },
      { from: 'worker', reason: 'no snapshot', documents: await desk.journalCount(), ms: 0 },
    );
    await first.close();
    assert.ok(existsSync(file), 'saved after the start-up fold');

    // Written while no projection ran: the tail the next start folds.
    const before = await desk.journalCount();
    await work(desk, 'Bo');
    const tail = (await desk.journalCount()) - before;
    const second = await started(db, file);
    assert.equal(second.projection.started?.from, 'snapshot');
    assert.equal(second.projection.started?.documents, tail);
    assert.deepEqual(snapshotAttentionState(second.projection.state), await freshFold(db));
    // The self-check compares the resident state with a recomputation: it proves the load.
    const report = await selfCheckJournal(db, second.projection.state);
    assert.deepEqual(report.violations, []);
    assert.equal(report.entries, await desk.journalCount());

    // It saved again once the tail was folded: the next start has nothing to fold.
    await second.close();
    const written = statSync(file).mtimeMs;
    const third = await started(db, file);
    assert.deepEqual(
      [third.projection.started?.from, third.projection.started?.documents],
      ['snapshot', 0],
    );
    assert.deepEqual(snapshotAttentionState(third.projection.state), await freshFold(db));
    await third.projection.save();
    await third.close();
    assert.equal(statSync(file).mtimeMs, written, 'nothing new: the file is not written again');
  });
});

test('entries written while the snapshot loads are applied as they come', async () => {
  await withDesk(async (desk, folder) => {
    const db = desk.core.db;
    const file = join(folder, 'clinic.snapshot');
    await work(desk, 'Cy');
    await (await started(db, file)).close();
    await work(desk, 'Di');

    const projection = new ClinicProjection(db, 'AUD', { delayMs: 0, snapshotFile: file });
    const subscription = db.journal.$.subscribe((event) => {
      if (event.operation === 'INSERT') projection.apply([plainEntry(event.documentData)]);
    });
    try {
      await Promise.all([projection.ready(), work(desk, 'Ed'), work(desk, 'Flo')]);
      assert.equal(projection.started?.from, 'snapshot');
      assert.deepEqual(snapshotAttentionState(projection.state), await freshFold(db));
    } finally {
      subscription.unsubscribe();
      await projection.close();
    }
  });
});

test('saved when entries arrive at most every saveEveryMs, and at close when something changed', async () => {
  await withDesk(async (desk, folder) => {
    const db = desk.core.db;
    const file = join(folder, 'clinic.snapshot');
    await work(desk, 'Gus');
    const running = await started(db, file, { saveEveryMs: 300 });
    await running.projection.save(); // the one after the start-up fold, done
    const savedCount = async () => {
      const loaded = await loadSnapshotFile(file, 'AUD');
      assert.ok(loaded.ok);
      return loaded.ok ? loaded.mark.documents : -1;
    };
    const atStart = await desk.journalCount();
    assert.equal(await savedCount(), atStart);

    await desk.call('grantCourtesyCredit', {
      patientId: await desk.patient('Hal'),
      amount: '1.00',
      reasonCode: 'x',
    });
    assert.equal(await savedCount(), atStart, 'not saved on each write');
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(await savedCount(), await desk.journalCount(), 'saved a while after');

    await work(desk, 'Ivy');
    await running.close();
    assert.equal(await savedCount(), await desk.journalCount(), 'saved at close');
  });
});

test('a snapshot that does not provably fit the journal is set aside for a full fold', async () => {
  await withDesk(async (desk, folder) => {
    const db = desk.core.db;
    const file = join(folder, 'clinic.snapshot');
    await work(desk, 'Jo');
    await work(desk, 'Kit');
    await (await started(db, file)).close();
    const good = readFileSync(file);
    const loaded = await loadSnapshotFile(file, 'AUD');
    if (!loaded.ok) assert.fail(loaded.reason);
    const { state, mark } = loaded;
    const checkpoint = mark.checkpoint!;
    const expected = await freshFold(db);

    const cases: [string, () => Promise<void>, RegExp][] = [
      [
        'a flipped bit',
        async () => {
          const bytes = Buffer.from(good);
          bytes[bytes.length - 100]! ^= 0x10;
          writeFileSync(file, bytes);
        },
        /checksum/,
      ],
      [
        'another currency',
        () => writeSnapshotFile(file, snapshotBytes(createAttentionState('NZD'), mark)),
        /NZD/,
      ],
      [
        'another version',
        async () => {
          const length = good.readUInt32LE(0);
          const header = JSON.parse(good.subarray(4, 4 + length).toString()) as object;
          const changed = Buffer.from(
            JSON.stringify({ ...header, version: CLINIC_SNAPSHOT_VERSION + 1 }),
          );
          const prefix = Buffer.alloc(4);
          prefix.writeUInt32LE(changed.length);
          writeFileSync(file, Buffer.concat([prefix, changed, good.subarray(4 + length)]));
        },
        /version/,
      ],
      [
        'the checkpoint document gone',
        () =>
          writeSnapshotFile(
            file,
            snapshotBytes(state, { ...mark, checkpoint: { ...checkpoint, id: 'gone' } }),
          ),
        /checkpoint/,
      ],
      [
        'the checkpoint document changed',
        () =>
          writeSnapshotFile(
            file,
            snapshotBytes(state, {
              ...mark,
              checkpoint: { ...checkpoint, lwt: checkpoint.lwt + 1 },
            }),
          ),
        /checkpoint/,
      ],
      [
        'a document below the checkpoint it did not count',
        () =>
          writeSnapshotFile(file, snapshotBytes(state, { ...mark, documents: mark.documents - 1 })),
        /journal is not/,
      ],
      [
        'more documents counted than the journal holds',
        () =>
          writeSnapshotFile(file, snapshotBytes(state, { ...mark, documents: mark.documents + 1 })),
        /journal is not/,
      ],
    ];
    for (const [name, damage, reason] of cases) {
      await damage();
      const running = await started(db, file);
      const how = running.projection.started;
      assert.equal(how?.from, 'worker', name);
      assert.match(how?.reason ?? '', reason, name);
      assert.deepEqual(snapshotAttentionState(running.projection.state), expected, name);
      await running.close();
      // The full fold (in the worker) saved a good one again.
      const again = await started(db, file);
      assert.equal(again.projection.started?.from, 'snapshot', name);
      await again.close();
    }
  });
});

test('the desk keeps its snapshot in its data directory: a restart loads it', async () => {
  const desk = await openTestDesk();
  try {
    await work(desk, 'Lu');
    await desk.core.ledger.clinic.ready();
    assert.equal(desk.core.ledger.clinic.started?.from, 'worker');
    await desk.reopen();
    const state = await desk.core.ledger.clinic.ready();
    assert.equal(desk.core.ledger.clinic.started?.from, 'snapshot');
    assert.deepEqual(snapshotAttentionState(state), await freshFold(desk.core.db));
  } finally {
    await desk.close();
  }
});
