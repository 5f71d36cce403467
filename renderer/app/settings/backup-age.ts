// How the status bar speaks of the last good backup: warn past 26 hours (a
// night was missed), or when the folder cannot be reached.
import type { BackupStatusView } from '../../../shared/contract/domains/backups.ts';

export type BackupHealth = { tone: 'ok' | 'warn' | 'off'; text: string };

export function backupHealth(status: BackupStatusView | null, now: Date): BackupHealth {
  if (!status) return { tone: 'off', text: 'Backup: …' };
  if (!status.enabled) return { tone: 'off', text: 'Backup: not on this test desk' };
  if (status.folder === '') return { tone: 'warn', text: 'Backup: no folder chosen' };
  if (status.running) return { tone: 'ok', text: 'Backup: running…' };
  if (!status.folderReachable) return { tone: 'warn', text: 'Backup: folder not reachable' };
  if (status.lastGoodAt === '') return { tone: 'warn', text: 'Backup: none yet' };
  const hours = (now.getTime() - Date.parse(status.lastGoodAt)) / 3_600_000;
  const when = new Date(status.lastGoodAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return hours > 26
    ? { tone: 'warn', text: `Backup: last ${when} — overdue` }
    : { tone: 'ok', text: `Backup: ${when}` };
}
