import { useServices } from './services.ts';

/** Desk, storage and version; sync and backup state join it as they arrive. */
export function StatusBar() {
  const { info } = useServices();
  return (
    <footer class="status-bar" aria-label="Status">
      <span>Desk {info.deskId}</span>
      <span>Sync: off</span>
      <span>
        {info.storage === 'memory' ? 'Data: in memory (not saved)' : 'Data: saved on this PC'}
      </span>
      <span class="status-bar__spacer" />
      <span>
        {info.productName} {info.version}
      </span>
    </footer>
  );
}
