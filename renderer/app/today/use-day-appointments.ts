// A day's appointments in time order, live from RxDB (by the `start` index).
import { map } from 'rxjs';
import type { Appointment } from '../../../shared/ledger/index.ts';
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
