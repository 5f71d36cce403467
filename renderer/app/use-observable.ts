import { useEffect, useState } from 'preact/hooks';
import type { Observable } from 'rxjs';

/**
 * The latest value of an observable (typically an RxDB query's `$`), updated
 * live. `deps` say when to resubscribe (e.g. when the search text changes).
 */
export function useObservable<T>(make: () => Observable<T>, initial: T, deps: unknown[]): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = make().subscribe(setValue);
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
