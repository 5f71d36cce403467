// Runs backups when schedule.ts says so. The clock and the timer functions are
// injected (tests drive a fake clock); never two runs at once: a request while a
// run is in progress joins that run. Results are recorded for the status bar.
import { DEFAULT_SCHEDULE, nextDue, shouldRunAtQuit, slotAtOrBefore } from './schedule.ts';
import type { RunReason, ScheduleConfig, ScheduleState } from './schedule.ts';

export interface SchedulerStatus {
  readonly running: RunReason | null;
  readonly lastGoodAt: Date | null;
  readonly lastAttemptAt: Date | null;
  readonly lastError: { readonly at: Date; readonly message: string } | null;
  readonly nextRun: { readonly at: Date; readonly reason: RunReason } | null;
}

export type RunOutcome<R> =
  | { readonly ok: true; readonly reason: RunReason; readonly startedAt: Date; readonly result: R }
  | {
      readonly ok: false;
      readonly reason: RunReason;
      readonly startedAt: Date;
      readonly error: unknown;
    };

export interface SchedulerOptions<R> {
  readonly config: Partial<ScheduleConfig> & { readonly timeZone: string };
  /** Does the backup; resolves when it is written and verified, rejects otherwise. */
  readonly runBackup: (reason: RunReason) => Promise<R>;
  /** When the newest good backup was made (e.g. from `lastGoodBackupAt` of the folder). */
  readonly lastGoodAt: Date | null;
  readonly now?: () => Date;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** Timers never sleep longer than this, so a suspended PC or a changed clock is noticed. */
  readonly maxSleepMs?: number;
  readonly onStatus?: (status: SchedulerStatus) => void;
}

export interface BackupScheduler<R> {
  start(): void;
  stop(): void;
  /** "Back up now". Joins the run in progress if there is one. */
  backUpNow(): Promise<RunOutcome<R>>;
  /** Call while quitting: runs (and resolves when done) if no good backup was made today; waits for a run in progress. */
  atQuit(): Promise<RunOutcome<R> | null>;
  status(): SchedulerStatus;
}

export function createBackupScheduler<R>(options: SchedulerOptions<R>): BackupScheduler<R> {
  const config: ScheduleConfig = { ...DEFAULT_SCHEDULE, ...options.config };
  const now = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const maxSleepMs = options.maxSleepMs ?? 5 * 60_000;

  let state: ScheduleState = {
    startedAt: now(),
    lastGoodAt: options.lastGoodAt,
    lastAttemptAt: null,
    handledSlot: null,
  };
  let lastError: SchedulerStatus['lastError'] = null;
  let running: { reason: RunReason; promise: Promise<RunOutcome<R>> } | null = null;
  let timer: unknown = null;
  let started = false;

  const status = (): SchedulerStatus => {
    const due = started ? nextDue(state, config) : null;
    return {
      running: running?.reason ?? null,
      lastGoodAt: state.lastGoodAt,
      lastAttemptAt: state.lastAttemptAt,
      lastError,
      nextRun: due,
    };
  };
  const publish = () => options.onStatus?.(status());

  function run(reason: RunReason): Promise<RunOutcome<R>> {
    if (running) return running.promise;
    const startedAt = now();
    // Whatever starts at or after a slot takes care of that slot.
    state = { ...state, handledSlot: slotAtOrBefore(startedAt, config) };
    const promise = (async (): Promise<RunOutcome<R>> => {
      try {
        const result = await options.runBackup(reason);
        state = { ...state, lastGoodAt: startedAt, lastAttemptAt: now() };
        lastError = null;
        return { ok: true, reason, startedAt, result };
      } catch (error) {
        state = { ...state, lastAttemptAt: now() };
        lastError = { at: now(), message: error instanceof Error ? error.message : String(error) };
        return { ok: false, reason, startedAt, error };
      } finally {
        running = null;
        arm();
        publish();
      }
    })();
    running = { reason, promise };
    publish();
    return promise;
  }

  function wake(): void {
    timer = null;
    if (!started || running) return;
    const due = nextDue(state, config);
    if (due.at.getTime() <= now().getTime()) void run(due.reason);
    else arm();
  }

  function arm(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (!started || running) return;
    const wait = nextDue(state, config).at.getTime() - now().getTime();
    timer = setTimer(wake, Math.max(0, Math.min(wait, maxSleepMs)));
  }

  return {
    start() {
      if (started) return;
      started = true;
      state = { ...state, startedAt: now(), handledSlot: slotAtOrBefore(now(), config) };
      arm();
      publish();
    },
    stop() {
      started = false;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    backUpNow: () => run('on-demand'),
    async atQuit() {
      if (running) return running.promise;
      return shouldRunAtQuit(state, now(), config) ? run('quit') : null;
    },
    status,
  };
}
