// The self-check over a desk's stored journal, paged: a reversal that does not negate its
// original is found (the original read back by id), and the resident lean projection
// agrees with a recomputation, so a healthy journal reports nothing but that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JournalEntry } from '../../shared/ledger/index.ts';
import { openTestDesk } from './testing/test-desk.ts';
import { selfCheckJournal } from './self-check.ts';

test('the paged self-check finds a reversal that repeats its original instead of negating it', async () => {
  const desk = await openTestDesk();
  try {
    const ann = await desk.patient('Ann');
    const paid = await desk.call('recordPayment', {
      payer: { type: 'patient', patientId: ann },
      method: 'cash',
      amount: '50.00',
    });
    await desk.call('grantCourtesyCredit', { patientId: ann, amount: '5.00', reasonCode: 'x' });
    const healthy = await selfCheckJournal(desk.core.db, await desk.core.ledger.clinic.ready());
    assert.deepEqual(healthy.violations, []);
    assert.equal(healthy.entries, await desk.journalCount());
    assert.equal(healthy.trialBalanceTotal, '0.00');

    // Written around the commands (as a damaged or hostile replica might): the same lines
    // again, under the reversal's name.
    const original = (await desk.core.db.journal.findOne(paid.entryIds[0]!).exec())!.toJSON();
    const { chain: _chain, ...plain } = original as JournalEntry;
    await desk.core.db.journal.insert({
      ...plain,
      // Not a ULID the desk could make next (a changed last character could be).
      id: `${original.id}-forged`,
      kind: 'reversal',
      reverses: original.id,
      data: { reversedKind: original.kind },
    });
    const report = await selfCheckJournal(desk.core.db, await desk.core.ledger.clinic.ready());
    const kinds = report.violations.map((v) => v.kind);
    assert.ok(kinds.includes('reversal-mismatch'), kinds.join(', '));
    // The resident projection took the inserted entry in through the change stream.
    assert.ok(!kinds.includes('projection-mismatch'), kinds.join(', '));
  } finally {
    await desk.close();
  }
});
