// Sensible defaults for the first-run wizard, from the PC's own locale and time
// zone: a clinic in Auckland starts with NZD, Pacific/Auckland and en-NZ.
import type { SetupDefaults } from '../../../shared/contract/domains/setup.ts';
import { DEFAULT_CLINIC_SETTINGS } from '../../ledger/clinic-settings.ts';
import { numberPrefix } from '../../ledger/document-numbers.ts';

/** The currency of a region (ISO 3166 → ISO 4217), for the regions clinics most often are in. */
const CURRENCY_OF_REGION: Record<string, string> = {
  AU: 'AUD',
  NZ: 'NZD',
  GB: 'GBP',
  IE: 'EUR',
  US: 'USD',
  CA: 'CAD',
  ZA: 'ZAR',
  SG: 'SGD',
  HK: 'HKD',
  IN: 'INR',
  JP: 'JPY',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
};

function regionOf(locale: string): string {
  try {
    return new Intl.Locale(locale).maximize().region ?? '';
  } catch {
    return '';
  }
}

export function setupDefaults(input: {
  systemLocale: string;
  systemTimeZone: string;
  deskId: string;
  clinicName: string;
}): SetupDefaults {
  const region = regionOf(input.systemLocale);
  // A locale of a region we know ("en-NZ") is used as it is; a bare or unknown one
  // ("en", "C") falls back to the clinic defaults, whose currency matches them.
  const known = region !== '' && CURRENCY_OF_REGION[region] !== undefined;
  const zoneOk = input.systemTimeZone !== '' && input.systemTimeZone !== 'UTC';
  return {
    clinicName: input.clinicName,
    currency: known ? CURRENCY_OF_REGION[region]! : DEFAULT_CLINIC_SETTINGS.currency,
    timeZone: known && zoneOk ? input.systemTimeZone : DEFAULT_CLINIC_SETTINGS.timeZone,
    locale: known ? input.systemLocale : DEFAULT_CLINIC_SETTINGS.locale,
    deskName: 'Front desk',
    // Unique per desk (from its random id), so two desks never hand out the same numbers.
    numberPrefix: numberPrefix(input.deskId),
  };
}
