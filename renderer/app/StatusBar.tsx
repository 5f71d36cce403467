import { useServices } from './services.ts';
import { usePolled } from './use-polled.ts';
import { backupHealth } from './settings/backup-age.ts';
import { syncBarText } from './settings/sync-label.ts';
import { currentScreen } from './navigation.ts';
import { AttentionButton } from './attention/AttentionButton.tsx';
import { StaffMenu } from './auth/StaffMenu.tsx';

/** Desk, sync, backup and storage state. */
export function StatusBar() {
  const { info, operations } = useServices();
  const backup = usePolled(() => operations.backupStatus({}), 30_000);
  const health = backupHealth(backup.value, new Date());
  const sync = usePolled(() => operations.syncStatus({}), 3000);
  const syncText = syncBarText(sync.value);
  return (
    <footer class="status-bar" aria-label="Status">
      <span>Desk {info.deskId}</span>
      <button
        type="button"
        class={`status-bar__item${syncText.warn ? ' status-bar__item--warn' : ''}`}
        title={sync.value?.words}
        onClick={() => (currentScreen.value = 'settings')}
      >
        {syncText.text}
      </button>
      <button
        type="button"
        class={`status-bar__item status-bar__item--${health.tone}`}
        onClick={() => (currentScreen.value = 'settings')}
      >
        {health.text}
      </button>
      <AttentionButton />
      <span>
        {info.storage === 'memory' ? 'Data: in memory (not saved)' : 'Data: saved on this PC'}
      </span>
      <span class="status-bar__spacer" />
      <StaffMenu />
      <span>
        {info.productName} {info.version}
      </span>
    </footer>
  );
}
