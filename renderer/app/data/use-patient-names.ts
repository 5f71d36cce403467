// Patients' names ("First Last") by id — the day's appointments, the other
// side of a transfer, who needs attention — as a live query over just those ids.
import { map } from 'rxjs';
import type { Patient } from '../../../shared/patients/patient.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';

export function usePatientNames(ids: readonly string[]): Map<string, string> {
  const { db } = useServices();
  const key = [...new Set(ids)].filter(Boolean).sort().join(',');
  return useObservable<Map<string, string>>(
    () =>
      db.patients.findByIds(key === '' ? [] : key.split(',')).$.pipe(
        map((found) => {
          const names = new Map<string, string>();
          for (const [id, doc] of found) {
            const patient = doc.toJSON() as Patient;
            names.set(id, `${patient.firstName} ${patient.lastName}`);
          }
          return names;
        }),
      ),
    new Map(),
    [key],
  );
}
