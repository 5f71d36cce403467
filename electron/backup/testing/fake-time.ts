// A fake clock with timers, for driving the scheduler through days in milliseconds.

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export class FakeTime {
  private current: number;
  private timers: PendingTimer[] = [];
  private nextId = 1;

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  readonly now = (): Date => new Date(this.current);

  readonly setTimer = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.current + ms, callback });
    return id;
  };

  readonly clearTimer = (handle: unknown): void => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves the clock forward, firing due timers in order and letting promises settle in between. */
  async advanceTo(iso: string): Promise<void> {
    const target = Date.parse(iso);
    for (;;) {
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.current = Math.max(this.current, next.at);
      this.timers = this.timers.filter((t) => t !== next);
      next.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** The PC was suspended: the clock jumps, timers fire late (at the new time). */
  async sleepUntil(iso: string): Promise<void> {
    this.current = Date.parse(iso);
    const late = this.timers;
    this.timers = [];
    for (const timer of late) {
      timer.callback();
      await settle();
    }
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
