// The clinic's reference documents of one type (services, plans, funders,
// staff …) by name, as a live query on the catalog collection. Inactive ones
// are included: old appointments and sales still name them.
import { map } from 'rxjs';
import type {
  CatalogDocument,
  CatalogType,
  Funder,
  PackagePlan,
  Service,
  Staff,
} from '../../../shared/catalog/catalog.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';

type OfType<T extends CatalogType> = T extends 'service'
  ? Service
  : T extends 'plan'
    ? PackagePlan
    : T extends 'funder'
      ? Funder
      : T extends 'staff'
        ? Staff
        : CatalogDocument;

export function useCatalog<T extends CatalogType>(type: T): OfType<T>[] {
  const { db } = useServices();
  return useObservable<OfType<T>[]>(
    () =>
      db.catalog
        .find({ selector: { type }, sort: [{ name: 'asc' }] })
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as OfType<T>))),
    [],
    [type],
  );
}

/** Names by id, for showing a reference (a funder, a service) in words. */
export function namesById(documents: { id: string; name: string }[]): Map<string, string> {
  return new Map(documents.map((doc) => [doc.id, doc.name]));
}
