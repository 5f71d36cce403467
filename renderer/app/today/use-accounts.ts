// The accounts (balances, packages, session numbers, invoices) of the patients
// on screen. They are folds the main process answers, not RxDB documents, so
// they are asked again when the journal changes for one of these patients —
// from this desk, another window, or sync — a little later, in one batch.
import { useEffect, useState } from 'preact/hooks';
import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';
import { useServices } from '../services.ts';

const SETTLE_MS = 80;

export function usePatientAccounts(patientIds: readonly string[]): Map<string, PatientAccount> {
  const { db, operations } = useServices();
  const [accounts, setAccounts] = useState<Map<string, PatientAccount>>(new Map());
  const key = [...new Set(patientIds)].sort().join(',');

  useEffect(() => {
    const wanted = new Set(key ? key.split(',') : []);
    let alive = true;
    const load = (ids: Iterable<string>) => {
      const list = [...ids].filter((id) => wanted.has(id));
      if (list.length === 0) return;
      void Promise.all(
        list.map((patientId) => operations.patientAccount({ patientId, historyLimit: 1 })),
      ).then((results) => {
        if (!alive) return;
        setAccounts((previous) => {
          const next = new Map(previous);
          results.forEach((result, index) => {
            if (result.ok) next.set(list[index]!, result.value);
          });
          return next;
        });
      });
    };
    load(wanted);

    // Changes come as events naming the entry's patients; collect them, then ask once.
    const dirty = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = db.journal.$.subscribe((event) => {
      const entry = event.documentData as { patientId?: string; counterpartyPatientId?: string };
      for (const id of [entry.patientId, entry.counterpartyPatientId]) {
        if (id && wanted.has(id)) dirty.add(id);
      }
      if (dirty.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const ids = [...dirty];
        dirty.clear();
        load(ids);
      }, SETTLE_MS);
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [key]);

  return accounts;
}

/** One patient's account (e.g. for a dialog), asked again when their journal changes. */
export function usePatientAccount(patientId: string): PatientAccount | undefined {
  const accounts = usePatientAccounts(patientId ? [patientId] : []);
  return accounts.get(patientId);
}
