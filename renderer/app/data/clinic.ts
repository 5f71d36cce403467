// The clinic's settings (name, currency, locale, time zone) as a live query,
// and the formatters every screen uses, so amounts and dates read the same
// everywhere and follow a settings change at once.
import { map } from 'rxjs';
import type { ClinicSettings } from '../../../shared/catalog/catalog.ts';
import { formatMoney } from '../../../shared/money.ts';
import { useServices } from '../services.ts';
import { useObservable } from '../use-observable.ts';

export const CLINIC_SETTINGS_ID = 'settings:clinic';

export interface Clinic {
  clinicName: string;
  currency: string;
  locale: string;
  timeZone: string;
  /** "$1,234.50" */
  money: (amount: string) => string;
  /** "12 Mar 2026" in the clinic's time zone */
  date: (iso: string) => string;
  /** "12 Mar 2026, 9:30 am" */
  dateTime: (iso: string) => string;
  /** True when the settings document has arrived (before that: defaults). */
  loaded: boolean;
}

// The main process writes the settings document on a desk's first start; these
// only show for the moment before the query answers.
const fallback = {
  clinicName: '',
  currency: 'AUD',
  locale: 'en-AU',
  timeZone: 'Australia/Sydney',
};

export function clinicFormat(
  settings: Pick<Clinic, 'clinicName' | 'currency' | 'locale' | 'timeZone'>,
  loaded: boolean,
): Clinic {
  const dateFormat = new Intl.DateTimeFormat(settings.locale, {
    dateStyle: 'medium',
    timeZone: settings.timeZone,
  });
  const dateTimeFormat = new Intl.DateTimeFormat(settings.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: settings.timeZone,
  });
  const safe = (format: Intl.DateTimeFormat) => (iso: string) => {
    if (!iso) return '';
    const when = new Date(iso);
    return Number.isNaN(when.getTime()) ? iso : format.format(when);
  };
  return {
    ...settings,
    loaded,
    money: (amount) => {
      try {
        return formatMoney(amount, settings.currency, settings.locale);
      } catch {
        return amount;
      }
    },
    date: safe(dateFormat),
    dateTime: safe(dateTimeFormat),
  };
}

export function useClinic(): Clinic {
  const { db } = useServices();
  const settings = useObservable<ClinicSettings | null>(
    () =>
      db.catalog
        .findOne(CLINIC_SETTINGS_ID)
        .$.pipe(map((doc) => (doc ? (doc.toJSON() as ClinicSettings) : null))),
    null,
    [],
  );
  return clinicFormat(settings ?? fallback, settings !== null);
}
