// The clinic-wide "needs attention" list — balances below zero, packages used
// beyond their size, over-paid invoices: what two desks spending the same money
// offline leaves behind after they sync. Asked again when the journal changes,
// and again shortly while the main process is still folding the journal.
import { useEffect } from 'preact/hooks';
import type { AttentionItem } from '../../../shared/ledger/index.ts';
import { useServices } from '../services.ts';
import { useLedgerQuery } from '../data/use-ledger-query.ts';

const NOT_READY_RETRY_MS = 2_000;

export function useAttention(): { ready: boolean; items: AttentionItem[] } {
  const { operations } = useServices();
  const query = useLedgerQuery(() => operations.needsAttention({}), []);
  const ready = query.value?.ready ?? false;
  useEffect(() => {
    if (ready) return;
    const timer = setTimeout(query.refresh, NOT_READY_RETRY_MS);
    return () => clearTimeout(timer);
  }, [ready, query.value]);
  return query.value ?? { ready: false, items: [] };
}
