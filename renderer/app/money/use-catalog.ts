// The clinic's reference documents of one type (services, plans, funders …)
// by name, as a live query on the catalog collection.
import { map } from 'rxjs';
import type {
  CatalogDocument,
  CatalogType,
  Funder,
  PackagePlan,
  Service,
} from '../../../shared/catalog/catalog.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';

type OfType<T extends CatalogType> = T extends 'service'
  ? Service
  : T extends 'plan'
    ? PackagePlan
    : T extends 'funder'
      ? Funder
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
