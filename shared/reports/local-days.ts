// Calendar days in the clinic's time zone. Reports and exports speak in local days
// ("takings on 2 March"), the journal in UTC instants: these turn one into the other.
// Pure: Intl only, no clock.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === text;
}

/** The date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS,
  );
}

/** Every date from `from` to `to` inclusive. */
export function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

/** Milliseconds the zone is ahead of UTC at the instant `time`. */
function zoneOffset(time: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(time))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  return asUtc - Math.floor(time / 1000) * 1000;
}

/** The UTC instant (ISO) at which a local date begins in the zone. */
export function startOfLocalDay(date: string, timeZone: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00.000Z`);
  // Two passes settle the offset even when the day starts near a daylight-saving change.
  let time = midnightUtc - zoneOffset(midnightUtc, timeZone);
  time = midnightUtc - zoneOffset(time, timeZone);
  return new Date(time).toISOString();
}

/** The UTC instant at which the day after `date` begins: entries before it belong to `date` or earlier. */
export function endOfLocalDay(date: string, timeZone: string): string {
  return startOfLocalDay(addDays(date, 1), timeZone);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function formatDay(time: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(time));
}

// Formatting is the slow part of a report of tens of thousands of rows, and most UTC
// hours lie within one local day: remember each hour's date when its first and last
// millisecond fall on the same date (else format the instant itself).
const HOUR_MS = 3_600_000;
const hourDates = new Map<string, string>();

/** The local date (YYYY-MM-DD) of an ISO instant. */
export function localDateOf(instant: string, timeZone: string): string {
  const time = Date.parse(instant);
  const hourStart = Math.floor(time / HOUR_MS) * HOUR_MS;
  const key = `${timeZone}|${hourStart}`;
  let date = hourDates.get(key);
  if (date === undefined) {
    const first = formatDay(hourStart, timeZone);
    date = first === formatDay(hourStart + HOUR_MS - 1, timeZone) ? first : '';
    if (hourDates.size >= 100_000) hourDates.clear();
    hourDates.set(key, date);
  }
  return date || formatDay(time, timeZone);
}

/**
 * Local days as sorted UTC boundaries, for bucketing many instants quickly: the day of
 * an instant is found by binary search rather than by formatting each one.
 */
export class LocalDays {
  readonly dates: string[];
  /** starts[i] is when dates[i] begins; starts[dates.length] when the last one ends */
  readonly starts: string[];

  constructor(from: string, to: string, timeZone: string) {
    this.dates = datesFrom(from, to);
    this.starts = [...this.dates, addDays(to, 1)].map((date) => startOfLocalDay(date, timeZone));
  }

  get start(): string {
    return this.starts[0] ?? '';
  }

  get end(): string {
    return this.starts[this.starts.length - 1] ?? '';
  }

  /** The local date of an instant, or '' when it falls outside the range. */
  dateOf(instant: string): string {
    if (instant < this.start || instant >= this.end) return '';
    let low = 0;
    let high = this.dates.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.starts[mid] ?? '') <= instant) low = mid;
      else high = mid - 1;
    }
    return this.dates[low] ?? '';
  }
}

/**
 * A date written the way the clinic's region writes it (en-AU: 02/03/2026; en-US:
 * 03/02/2026), as accounting imports expect.
 */
const regionalFormats = new Map<string, Intl.DateTimeFormat>();
export function regionalDate(date: string, locale: string): string {
  let format = regionalFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    regionalFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00.000Z`));
}
