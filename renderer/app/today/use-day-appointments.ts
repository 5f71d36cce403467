// A day's appointments in time order, live from RxDB (by the `start` index),
// with the names of their patients.
import { map } from 'rxjs';
import type { Appointment } from '../../../shared/ledger/index.ts';
import type { Patient } from '../../../shared/patients/patient.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';
import { localDayRange } from './day.ts';

export function useDayAppointments(day: string): Appointment[] | null {
  const { db } = useServices();
  return useObservable<Appointment[] | null>(
    () => {
      const range = localDayRange(day) ?? { start: '', end: '' };
      return db.appointments
        .find({
          selector: { start: { $gte: range.start, $lt: range.end } },
          sort: [{ start: 'asc' }],
        })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Appointment)));
    },
    null,
    [day],
  );
}

export function usePatientsById(ids: readonly string[]): Map<string, Patient> {
  const { db } = useServices();
  const key = [...new Set(ids)].sort().join(',');
  return useObservable<Map<string, Patient>>(
    () =>
      db.patients.findByIds(key ? key.split(',') : []).$.pipe(
        map((found) => {
          const patients = new Map<string, Patient>();
          for (const [id, doc] of found) patients.set(id, doc.toJSON() as Patient);
          return patients;
        }),
      ),
    new Map(),
    [key],
  );
}
