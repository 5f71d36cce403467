// What reports keep between requests (a slim copy of the journal, a needs-attention
// fold) is dropped once nobody has asked for a while: a desk runs reports now and
// then, and should not carry their memory all day. The timer is injected so tests
// can run the idle period out without waiting.

/** Runs `run` after `ms` unless cancelled (the returned function cancels). */
export type IdleTimer = (run: () => void, ms: number) => () => void;

/** Five minutes: long enough for a manager going through the report screens one by one. */
export const REPORT_IDLE_MS = 5 * 60_000;

/** A real timer that never keeps the process alive on its own. */
export const backgroundTimer: IdleTimer = (run, ms) => {
  const handle = setTimeout(run, ms);
  handle.unref();
  return () => clearTimeout(handle);
};

export interface IdleOptions {
  idleMs?: number;
  timer?: IdleTimer;
}

export interface IdleRelease {
  /** a use begins: nothing is released while any use runs */
  begin(): void;
  /** a use ended: the idle period starts again once none runs */
  end(): void;
  /** forget the pending release (the owner closed) */
  stop(): void;
}

export function idleRelease(release: () => void, options: IdleOptions = {}): IdleRelease {
  const idleMs = options.idleMs ?? REPORT_IDLE_MS;
  const timer = options.timer ?? backgroundTimer;
  let busy = 0;
  let cancel: (() => void) | null = null;
  const stop = () => {
    cancel?.();
    cancel = null;
  };
  return {
    begin() {
      busy += 1;
      stop();
    },
    end() {
      busy = Math.max(0, busy - 1);
      if (busy > 0) return;
      stop();
      cancel = timer(() => {
        cancel = null;
        if (busy === 0) release();
      }, idleMs);
    },
    stop,
  };
}
