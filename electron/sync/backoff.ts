// Retry delays that double after failures up to a ceiling and fall back to the
// base after a success, so a server that is down is not hammered and a server
// that comes back is used again soon. Many requests fail at once when a server
// goes away (every collection pulls, pushes and long-polls); they count as one
// failure per current delay, so the delay grows with time, not with the number
// of collections.

export interface BackoffTiming {
  baseMs: number;
  maxMs: number;
}

export interface Backoff {
  afterFailure(): number;
  afterSuccess(): number;
  current(): number;
}

export function createBackoff(timing: BackoffTiming, now: () => number = Date.now): Backoff {
  let delay = timing.baseMs;
  let lastGrowth = Number.NEGATIVE_INFINITY;
  return {
    afterFailure() {
      const time = now();
      if (time - lastGrowth >= delay) {
        if (lastGrowth !== Number.NEGATIVE_INFINITY) delay = Math.min(timing.maxMs, delay * 2);
        lastGrowth = time;
      }
      return delay;
    },
    afterSuccess() {
      delay = timing.baseMs;
      lastGrowth = Number.NEGATIVE_INFINITY;
      return delay;
    },
    current: () => delay,
  };
}
