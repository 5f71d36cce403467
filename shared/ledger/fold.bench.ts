// Benchmark: fold one patient's 2,000 entries from scratch, and apply one more entry.
// Run: node shared/ledger/fold.bench.ts   (prints medians; not part of the test suite)
import { TestJournal, plan } from '../testing/ledgerHarness.ts';
import {
  applyEntry,
  bookAppointment,
  checkOutAppointment,
  fromEntries,
  packagesOfPatient,
  patientBalances,
  recordPayment,
  sellPackage,
} from './index.ts';

const j = new TestJournal();
const d = j.desk;
while (j.entries.length < 2000) {
  const n = j.entries.length;
  if (n % 10 === 0) {
    j.ok(
      sellPackage(
        j.state,
        {
          patientId: 'p1',
          plan: plan({ sessions: 5, price: '400.00', validityDays: 0 }),
          settlement: { payments: [{ method: 'card', amount: '400.00' }] },
        },
        d,
      ),
    );
  } else if (n % 3 === 0) {
    j.ok(
      recordPayment(
        j.state,
        { payer: { type: 'patient', patientId: 'p1' }, method: 'cash', amount: '50.00' },
        d,
      ),
    );
  } else {
    const packageId =
      packagesOfPatient(j.state, 'p1').find((v) => v.status === 'active')?.packageId ?? '';
    const appointment = j.ok(
      bookAppointment(
        j.state,
        {
          patientId: 'p1',
          serviceId: 'physio',
          practitionerId: 'dr',
          start: d.now,
          durationMinutes: 30,
          price: '90.00',
          ...(packageId ? { packageId } : {}),
        },
        d,
      ),
    ).appointment;
    j.ok(checkOutAppointment(j.state, { appointment }, d));
  }
  d.advance(60);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const folds: number[] = [];
for (let i = 0; i < 30; i += 1) {
  const start = performance.now();
  const state = fromEntries(j.entries, 'AUD');
  patientBalances(state, 'p1');
  folds.push(performance.now() - start);
}
const checkouts: number[] = [];
for (let i = 0; i < 200; i += 1) {
  d.advance(60);
  const start = performance.now();
  const appointment = bookAppointment(
    j.state,
    {
      patientId: 'p1',
      serviceId: 'physio',
      practitionerId: 'dr',
      start: d.now,
      durationMinutes: 30,
      price: '90.00',
    },
    d,
  );
  if (!appointment.ok) throw new Error(appointment.error.message);
  const result = checkOutAppointment(
    j.state,
    { appointment: appointment.appointment, credit: '0' },
    d,
  );
  if (!result.ok) throw new Error(result.error.message);
  for (const entry of result.entries) applyEntry(j.state, entry);
  patientBalances(j.state, 'p1');
  checkouts.push(performance.now() - start);
}
console.log(`entries: ${j.entries.length}`);
console.log(
  `fold of one patient's 2,000 entries + balances: median ${median(folds).toFixed(2)} ms (30 runs)`,
);
console.log(
  `check-out command + apply + balances (pure, no storage): median ${median(checkouts).toFixed(3)} ms (200 runs)`,
);
