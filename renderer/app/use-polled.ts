import { useEffect, useState } from 'preact/hooks';
import type { OpResult } from '../../shared/contract/result.ts';

/**
 * The latest answer of an operation that has no reactive source (e.g. backup
 * status, kept by the main process's scheduler), asked again every `everyMs`.
 * `refresh` asks at once (after an action that changes it).
 */
export function usePolled<T>(
  ask: () => Promise<OpResult<T>>,
  everyMs: number,
): { value: T | null; refresh: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void ask().then((result) => {
        if (alive && result.ok) setValue(result.value);
      });
    load();
    const timer = setInterval(load, everyMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [tick]);
  return { value, refresh: () => setTick((n) => n + 1) };
}
