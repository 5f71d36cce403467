// A check-out on the durable storage, as reception does it: the record is
// open (the patient's projection is cached by patientAccount), the visit was
// booked; timed from the dispatch call until the patient's projection shows
// the invoice. A different patient each run, among those with the longest
// histories and then the rest of the clinic in turn.
import { performance } from 'node:perf_hooks';
import { startCore, type Core } from '../../electron/app/start-core.ts';
import type {
  OperationArgs,
  OperationName,
  OperationResults,
} from '../../shared/contract/operations.ts';
import type { Service } from '../../shared/catalog/catalog.ts';
import type { LongHistoryPatient } from '../demo/generate.ts';
import { metric, repeat, type Metric } from './figures.ts';
import { TEST_MANAGER } from '../../electron/auth/testing/test-staff.ts';

async function call<N extends OperationName>(
  core: Core,
  name: N,
  args: OperationArgs<N>,
): Promise<OperationResults[N]> {
  const result = await core.dispatch(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as OperationResults[N];
}

export async function benchCheckout(options: {
  dataDirectory: string;
  runs: number;
  warmup: number;
  longestHistories: LongHistoryPatient[];
}): Promise<Metric[]> {
  const core = await startCore({
    dataDirectory: options.dataDirectory,
    storageKind: 'sqlite',
    devMode: false,
    appVersion: 'bench',
    devStaff: TEST_MANAGER,
  });
  try {
    const service = (await core.db.catalog.find({ selector: { type: 'service' } }).exec())
      .map((doc) => doc.toJSON() as Service)
      .find((doc) => doc.name === 'Standard consultation');
    if (!service) throw new Error('the data set has no standard consultation');
    const practitioner = (await core.db.catalog.findOne({ selector: { type: 'staff' } }).exec())!;
    const others = (
      await core.db.patients.find({ sort: [{ lastName: 'asc' }], limit: 200 }).exec()
    ).map((doc) => doc.id);
    const patients = [...options.longestHistories.map((p) => p.id), ...others];
    let next = 0;
    const samples = await repeat(options.warmup, options.runs, async () => {
      const patientId = patients[next++ % patients.length]!;
      await call(core, 'patientAccount', { patientId, historyLimit: 100 });
      const booked = await call(core, 'bookAppointment', {
        patientId,
        serviceId: service.id,
        practitionerId: practitioner.id,
        start: new Date().toISOString(),
      });
      const started = performance.now();
      const out = await call(core, 'checkOutAppointment', {
        appointmentId: booked.appointment.id,
        credit: '0',
        packageId: '',
        payments: [{ method: 'card', amount: service.price }],
      });
      const { state } = await core.ledger.projection({ patients: [patientId] });
      if (!state.invoices.has(out.invoiceId)) throw new Error('projection not updated');
      return performance.now() - started;
    });
    return [
      metric('check-out: dispatch → updated projection (SQLite)', 'ms', samples, {
        target: 20,
        note: 'record open first (projection cached), visit booked; card payment of the full price',
      }),
    ];
  } finally {
    await core.close();
  }
}
