// When should the next backup run? Pure decisions over the clock and what has
// happened so far; the scheduler only sets timers for the answers.
//
// - Daily at a local time (default 21:00) while the app runs. Slots that passed
//   before the app started are not run "late": the staleness rule covers them.
// - Staleness: whenever no good backup exists from the last 24 hours, run, but
//   not before `catchUpDelayMs` after start-up (the catch-up after a night off)
//   and not before `retryAfterMs` after the last attempt (a failed run, e.g. the
//   USB drive is not plugged in, is retried without hammering).
// - At quit: run when no good backup was made on that local day.
import { addDays, localDateKey, localParts, zonedTimeToInstant } from './local-time.ts';

export interface ScheduleConfig {
  /** Local wall-clock time, `HH:MM`. */
  readonly dailyAt: string;
  /** IANA zone of the clinic, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  readonly catchUpDelayMs: number;
  readonly retryAfterMs: number;
  readonly staleAfterMs: number;
}

export const DEFAULT_SCHEDULE: Omit<ScheduleConfig, 'timeZone'> = {
  dailyAt: '21:00',
  catchUpDelayMs: 30_000,
  retryAfterMs: 30 * 60_000,
  staleAfterMs: 24 * 60 * 60_000,
};

export interface ScheduleState {
  readonly startedAt: Date;
  readonly lastGoodAt: Date | null;
  /** When the last attempt (good or not) finished; null when none since start-up. */
  readonly lastAttemptAt: Date | null;
  /** The latest daily slot that has been taken care of. */
  readonly handledSlot: Date | null;
}

export type RunReason = 'daily' | 'catch-up' | 'on-demand' | 'quit';

export interface Due {
  readonly at: Date;
  readonly reason: Extract<RunReason, 'daily' | 'catch-up'>;
}

function parseDailyAt(dailyAt: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(dailyAt);
  if (!match)
    throw new Error(`Backup time must be HH:MM (24-hour), got ${JSON.stringify(dailyAt)}.`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function slotOnLocalDay(
  day: { year: number; month: number; day: number },
  config: ScheduleConfig,
): Date {
  return zonedTimeToInstant({ ...day, ...parseDailyAt(config.dailyAt) }, config.timeZone);
}

/** The latest daily slot at or before `instant`. */
export function slotAtOrBefore(instant: Date, config: ScheduleConfig): Date {
  const today = localParts(instant, config.timeZone);
  const slot = slotOnLocalDay(today, config);
  return slot.getTime() <= instant.getTime() ? slot : slotOnLocalDay(addDays(today, -1), config);
}

/** The first daily slot strictly after `instant`. */
export function slotAfter(instant: Date, config: ScheduleConfig): Date {
  const today = localParts(instant, config.timeZone);
  const slot = slotOnLocalDay(today, config);
  return slot.getTime() > instant.getTime() ? slot : slotOnLocalDay(addDays(today, 1), config);
}

/** The next run the scheduler owes: the earlier of the daily slot and the staleness rule. */
export function nextDue(state: ScheduleState, config: ScheduleConfig): Due {
  const after = Math.max(state.startedAt.getTime(), state.handledSlot?.getTime() ?? 0);
  const daily: Due = { at: slotAfter(new Date(after), config), reason: 'daily' };
  const staleAt = state.lastGoodAt ? state.lastGoodAt.getTime() + config.staleAfterMs : -Infinity;
  const notBefore = state.lastAttemptAt
    ? state.lastAttemptAt.getTime() + config.retryAfterMs
    : state.startedAt.getTime() + config.catchUpDelayMs;
  const catchUpAt = Math.max(staleAt, notBefore);
  return catchUpAt < daily.at.getTime() ? { at: new Date(catchUpAt), reason: 'catch-up' } : daily;
}

/** At quit: is a run owed because no good backup was made on this local day? */
export function shouldRunAtQuit(state: ScheduleState, now: Date, config: ScheduleConfig): boolean {
  return (
    state.lastGoodAt === null ||
    localDateKey(state.lastGoodAt, config.timeZone) !== localDateKey(now, config.timeZone)
  );
}
