// The desk counts days in its own local time: "today" starts at local midnight,
// whatever the UTC offset. Appointments are stored with UTC start times, so a
// day on screen is the UTC range between two local midnights.

/** 'YYYY-MM-DD' of a moment, in the desk's local time. */
export function localDateText(moment: Date): string {
  const y = moment.getFullYear();
  const m = String(moment.getMonth() + 1).padStart(2, '0');
  const d = String(moment.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A local calendar date ('YYYY-MM-DD') and time ('HH:MM') as a Date, or null if not real. */
export function localMoment(dateText: string, timeText = '00:00'): Date | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  const time = /^(\d{2}):(\d{2})$/.exec(timeText);
  if (!date || !time) return null;
  const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [h, min] = [Number(time[1]), Number(time[2])];
  if (h > 23 || min > 59) return null;
  const moment = new Date(y, m - 1, d, h, min, 0, 0);
  // Reject dates the calendar does not have (2025-02-30 rolls into March).
  if (moment.getFullYear() !== y || moment.getMonth() !== m - 1 || moment.getDate() !== d)
    return null;
  return moment;
}

/** The UTC range [start, end) of a local calendar day, as ISO strings. */
export function localDayRange(dateText: string): { start: string; end: string } | null {
  const start = localMoment(dateText);
  if (!start) return null;
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return { start: start.toISOString(), end: end.toISOString() };
}

/** The local date `days` after `dateText` (negative for before). */
export function shiftDate(dateText: string, days: number): string {
  const start = localMoment(dateText) ?? new Date();
  return localDateText(new Date(start.getFullYear(), start.getMonth(), start.getDate() + days));
}

/** 'HH:MM' of an ISO instant in local time. */
export function localTimeText(iso: string): string {
  const moment = new Date(iso);
  return `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`;
}

/** The next quarter hour after `now`, as 'HH:MM' (clamped to the day). */
export function nextQuarterHour(now: Date): string {
  const minutes = Math.min(now.getHours() * 60 + now.getMinutes(), 23 * 60 + 44);
  const next = Math.ceil((minutes + 1) / 15) * 15;
  return `${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}`;
}

/** A long, readable form of a local date, e.g. "Monday 3 March 2025". */
export function longDateText(dateText: string, locale: string): string {
  const moment = localMoment(dateText);
  if (!moment) return dateText;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(moment);
}
