// The status bar's short sync text; the full sentence is in its tooltip and
// in Settings → Sync. Errors keep their reason: it is what to act on.
import type { SyncStatusView } from '../../../shared/contract/domains/sync.ts';

export function syncBarText(view: SyncStatusView | null): { text: string; warn: boolean } {
  if (view === null) return { text: 'Sync: off', warn: false };
  switch (view.state) {
    case 'off':
      return { text: 'Sync: off', warn: false };
    case 'offline':
      return { text: 'Sync: offline', warn: false };
    case 'connecting':
      return { text: 'Sync: connecting…', warn: false };
    case 'syncing': {
      const moved = view.documents ?? 0;
      const waiting = view.pending === null ? '' : `, ${view.pending} waiting`;
      return { text: `Sync: syncing (${moved} done${waiting})`, warn: false };
    }
    case 'up-to-date':
      return { text: 'Sync: up to date', warn: false };
    case 'error':
      return { text: view.words, warn: true };
  }
}
