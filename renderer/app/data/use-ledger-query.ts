// A fold-based view (patientAccount, funderAccount, needsAttention) asked of the
// main process, and asked again whenever the journal changes — a payment here,
// in another window, or arriving by sync — so the screen stays live. Answers
// that arrive out of order are dropped: only the latest question counts. The
// previous answer stays on screen while a new one is asked (callers check that
// it is about what they show, e.g. the same patient).
import { useEffect, useRef, useState } from 'preact/hooks';
import { debounceTime } from 'rxjs';
import type { OpResult } from '../../../shared/contract/result.ts';
import { useServices } from '../services.ts';

export interface LedgerQuery<T> {
  value: T | null;
  /** The main process's message when it could not answer. */
  error: string;
  refresh: () => void;
}

export function useLedgerQuery<T>(
  ask: () => Promise<OpResult<T>>,
  deps: unknown[],
): LedgerQuery<T> {
  const { db } = useServices();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState('');
  const latest = useRef(0);
  const askRef = useRef(ask);
  askRef.current = ask;

  const load = () => {
    const question = ++latest.current;
    void askRef.current().then((result) => {
      if (question !== latest.current) return;
      if (result.ok) {
        setValue(result.value);
        setError('');
      } else setError(result.error.message);
    });
  };

  useEffect(() => {
    load();
    const changes = db.journal.$.pipe(debounceTime(40)).subscribe(load);
    return () => {
      changes.unsubscribe();
      latest.current += 1;
    };
  }, deps);

  return { value, error, refresh: load };
}
