// Wall-clock arithmetic in a named time zone (the clinic's), with nothing but
// Intl: "21:00 local" and "which day/week/month" depend on it, DST included.

export interface LocalParts {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const values: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values['year'] ?? 0,
    month: values['month'] ?? 0,
    day: values['day'] ?? 0,
    hour: values['hour'] ?? 0,
    minute: values['minute'] ?? 0,
    second: values['second'] ?? 0,
  };
}

/** `YYYY-MM-DD` of the instant in the zone. */
export function localDateKey(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function offsetAt(epochMs: number, timeZone: string): number {
  const p = localParts(new Date(epochMs), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show this local time. In a DST overlap
 * (the time happens twice) it is the first occurrence; in a gap (the time never
 * happens) it is as far after the gap as the time was into it (02:30 -> 03:30).
 */
export function zonedTimeToInstant(
  local: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = naive - offsetAt(naive - 43_200_000, timeZone);
  const after = naive - offsetAt(naive + 43_200_000, timeZone);
  const shows = (epochMs: number) => {
    const p = localParts(new Date(epochMs), timeZone);
    return (
      p.year === local.year &&
      p.month === local.month &&
      p.day === local.day &&
      p.hour === local.hour &&
      p.minute === local.minute
    );
  };
  const matching = [before, after].filter(shows);
  return new Date(matching.length > 0 ? Math.min(...matching) : before);
}

/** Adds whole calendar days to a local date (no time zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** ISO-8601 week key (`2026-W47`) of the instant's local date. */
export function localIsoWeekKey(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 .. Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday decides the year
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

export function localMonthKey(instant: Date, timeZone: string): string {
  const { year, month } = localParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}
