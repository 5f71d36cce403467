// The status bar's backup indicator: quiet while backups are fresh, a warning
// past 26 hours (a night was missed) or when the folder cannot be reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backupHealth } from './backup-age.ts';
import type { BackupStatusView } from '../../../shared/contract/domains/backups.ts';

const now = new Date('2025-06-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

function status(overrides: Partial<BackupStatusView>): BackupStatusView {
  return {
    enabled: true,
    folder: '/media/usb/backups',
    folderReachable: true,
    dailyAt: '21:00',
    running: false,
    progress: null,
    lastGoodAt: hoursAgo(3),
    lastError: null,
    nextRunAt: '',
    encrypted: false,
    passphraseUnavailable: '',
    ...overrides,
  };
}

test('before the first answer, on the test storage, and without a folder', () => {
  assert.deepEqual(backupHealth(null, now), { tone: 'off', text: 'Backup: …' });
  assert.equal(backupHealth(status({ enabled: false }), now).tone, 'off');
  assert.deepEqual(backupHealth(status({ folder: '' }), now), {
    tone: 'warn',
    text: 'Backup: no folder chosen',
  });
});

test('fresh up to 26 hours, overdue after', () => {
  for (const hours of [0, 3, 24, 25.99]) {
    assert.equal(
      backupHealth(status({ lastGoodAt: hoursAgo(hours) }), now).tone,
      'ok',
      `${hours} h`,
    );
  }
  for (const hours of [26.01, 30, 24 * 7]) {
    const health = backupHealth(status({ lastGoodAt: hoursAgo(hours) }), now);
    assert.equal(health.tone, 'warn', `${hours} h`);
    assert.match(health.text, /overdue/);
  }
  assert.deepEqual(backupHealth(status({ lastGoodAt: '' }), now), {
    tone: 'warn',
    text: 'Backup: none yet',
  });
});

test('an unreachable folder warns even when the last backup is recent; a run in progress does not', () => {
  assert.deepEqual(backupHealth(status({ folderReachable: false }), now), {
    tone: 'warn',
    text: 'Backup: folder not reachable',
  });
  assert.deepEqual(backupHealth(status({ running: true, lastGoodAt: hoursAgo(40) }), now), {
    tone: 'ok',
    text: 'Backup: running…',
  });
});
