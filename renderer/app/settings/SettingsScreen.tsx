import { BackupSettings } from './BackupSettings.tsx';
import { CatalogSettings } from './catalog/CatalogSettings.tsx';
import { SyncSettings } from './SyncSettings.tsx';

export function SettingsScreen() {
  return (
    <div class="screen">
      <header class="screen__header">
        <h1>Settings</h1>
      </header>
      <CatalogSettings />
      <BackupSettings />
      <SyncSettings />
    </div>
  );
}
