import { useServices } from './services.ts';
import { usePolled } from './use-polled.ts';
import { backupHealth } from './settings/backup-age.ts';
import { currentScreen } from './navigation.ts';
import { AttentionButton } from './attention/AttentionButton.tsx';
import { StaffMenu } from './auth/StaffMenu.tsx';

/** Desk, sync, backup and storage state; sync joins it when it is wired in. */
export function StatusBar() {
  const { info, operations } = useServices();
  const backup = usePolled(() => operations.backupStatus({}), 30_000);
  const health = backupHealth(backup.value, new Date());
  return (
    <footer class="status-bar" aria-label="Status">
      <span>Desk {info.deskId}</span>
      <span>Sync: off</span>
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
