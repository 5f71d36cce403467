// The clinic's settings (name, currency, locale) from the catalog, live: every
// amount on screen is formatted with them.
import { map } from 'rxjs';
import type { ClinicSettings } from '../../../shared/catalog/catalog.ts';
import { formatMoney } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';

const SETTINGS_ID = 'settings:clinic';

export interface Clinic {
  name: string;
  currency: string;
  locale: string;
  /** an amount as the clinic writes it, e.g. "$80.00" */
  money: (amount: string) => string;
}

function clinicOf(settings: ClinicSettings | null): Clinic {
  const currency = settings?.currency || 'AUD';
  const locale = settings?.locale || navigator.language || 'en-AU';
  return {
    name: settings?.clinicName || 'Clinic',
    currency,
    locale,
    money: (amount) => {
      try {
        return formatMoney(amount, currency, locale);
      } catch {
        return amount;
      }
    },
  };
}

export function useClinic(): Clinic {
  const { db } = useServices();
  return useObservable<Clinic>(
    () =>
      db.catalog
        .findOne(SETTINGS_ID)
        .$.pipe(map((doc) => clinicOf(doc ? (doc.toJSON() as ClinicSettings) : null))),
    clinicOf(null),
    [],
  );
}
