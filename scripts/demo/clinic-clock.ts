// The clinic's calendar in its own time zone: day n of the simulated period,
// and a local time of day on it as an instant (the journal stores UTC).

export interface ClinicClock {
  readonly days: number;
  /** the instant of `minutes` past local midnight on day `day` */
  at(day: number, minutes: number): number;
  /** 0 = Sunday … 6 = Saturday */
  weekday(day: number): number;
  /** day of the month, 1-based, and month 1-12 */
  dateOf(day: number): { year: number; month: number; date: number };
}

const DAY_MS = 86_400_000;

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * `days` local days ending the day before `endDate` (YYYY-MM-DD): the period is
 * [endDate − days, endDate), and days ≥ `days` are the future.
 */
export function createClinicClock(timeZone: string, endDate: string, days: number): ClinicClock {
  const endUtcMidnight = Date.parse(`${endDate}T00:00:00.000Z`);
  if (Number.isNaN(endUtcMidnight)) throw new Error(`Not a date: ${endDate}`);
  const firstUtcMidnight = endUtcMidnight - days * DAY_MS;
  const offsets = new Map<number, number>();
  const offsetOf = (day: number) => {
    let offset = offsets.get(day);
    if (offset === undefined) {
      offset = offsetMinutes(timeZone, firstUtcMidnight + day * DAY_MS + 12 * 3_600_000);
      offsets.set(day, offset);
    }
    return offset;
  };
  return {
    days,
    at: (day, minutes) => firstUtcMidnight + day * DAY_MS + (minutes - offsetOf(day)) * 60_000,
    weekday: (day) => new Date(firstUtcMidnight + day * DAY_MS).getUTCDay(),
    dateOf(day) {
      const d = new Date(firstUtcMidnight + day * DAY_MS);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
    },
  };
}
