// Statement periods are whole days in the clinic's time zone.

/** "2026-03-12" for an instant, as the clinic's calendar reads it. */
export function clinicDay(iso: string, timeZone: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return '';
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(when);
}

/** The first day of this month and today, in the clinic's time zone. */
export function thisMonth(now: Date, timeZone: string): { from: string; to: string } {
  const today = clinicDay(now.toISOString(), timeZone);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export type PeriodPlace = 'before' | 'during' | 'after';

export function placeInPeriod(
  iso: string,
  period: { from: string; to: string },
  timeZone: string,
): PeriodPlace {
  const day = clinicDay(iso, timeZone);
  if (day < period.from) return 'before';
  if (day > period.to) return 'after';
  return 'during';
}
