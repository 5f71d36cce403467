import { BackupSettings } from './BackupSettings.tsx';

export function SettingsScreen() {
  return (
    <div class="screen">
      <header class="screen__header">
        <h1>Settings</h1>
      </header>
      <BackupSettings />
    </div>
  );
}
