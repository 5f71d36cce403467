// For tests of what is released after an idle period: a timer run out by hand.
import type { IdleTimer } from '../idle-release.ts';

/** A timer the test runs out by hand: `pending` holds what would run, `fire` runs it. */
export function manualTimer(): IdleTimer & {
  pending: { run: () => void; ms: number }[];
  fire(): void;
} {
  const pending: { run: () => void; ms: number }[] = [];
  const timer = (run: () => void, ms: number) => {
    const item = { run, ms };
    pending.push(item);
    return () => {
      const index = pending.indexOf(item);
      if (index >= 0) pending.splice(index, 1);
    };
  };
  const fire = () => {
    for (const item of pending.splice(0)) item.run();
  };
  return Object.assign(timer, { pending, fire });
}
