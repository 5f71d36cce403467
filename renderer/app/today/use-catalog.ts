// Live lists from the catalog that Today's forms choose from.
import { map } from 'rxjs';
import type { Service, Staff } from '../../../shared/catalog/catalog.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';
import type { StaffName } from './practitioner.ts';

/** Every service (inactive ones too: old appointments still name them), by name. */
export function useServiceList(): Service[] {
  const { db } = useServices();
  return useObservable<Service[]>(
    () =>
      db.catalog
        .find({ selector: { type: 'service' }, sort: [{ name: 'asc' }] })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Service))),
    [],
    [],
  );
}

export function useStaffNames(): StaffName[] {
  const { db } = useServices();
  return useObservable<StaffName[]>(
    () =>
      db.catalog.find({ selector: { type: 'staff' }, sort: [{ name: 'asc' }] }).$.pipe(
        map((docs) =>
          docs.map((doc) => {
            const staff = doc.toJSON() as Staff;
            return { id: staff.id, name: staff.name };
          }),
        ),
      ),
    [],
    [],
  );
}
