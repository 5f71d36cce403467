// Settings → Backups: where and when, "Back up now" with progress, the list
// of backups with their state, the passphrase, "Restore…" and the JSON export.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import { usePolled } from '../use-polled.ts';
import { TextField } from '../ui/TextField.tsx';
import { backupOperationArgs } from '../../../shared/contract/domains/backups.ts';
import { BackupEncryption } from './BackupEncryption.tsx';
import { RestoreBackup } from './RestoreBackup.tsx';
import { ExportJson } from './ExportJson.tsx';
import './backup-settings.css';
import { refusal, SettingsMessageLine, type SettingsMessage } from './settings-message.tsx';

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

function fileSize(bytes: number): string {
  return bytes < 1_048_576
    ? `${oneDecimal.format(bytes / 1024)} KB`
    : `${oneDecimal.format(bytes / 1_048_576)} MB`;
}

export function BackupSettings() {
  const { operations } = useServices();
  const status = usePolled(() => operations.backupStatus({}), 2000);
  const list = usePolled(() => operations.listBackups({}), 10_000);
  const [folder, setFolder] = useState<string | null>(null);
  const [dailyAt, setDailyAt] = useState<string | null>(null);
  const [message, setMessage] = useState<SettingsMessage | null>(null);
  const [busy, setBusy] = useState(false);

  const shownFolder = folder ?? status.value?.folder ?? '';
  const shownTime = dailyAt ?? status.value?.dailyAt ?? '21:00';
  const check = backupOperationArgs.setBackupSettings.safeParse({
    folder: shownFolder,
    dailyAt: shownTime,
  });
  const fieldError = (field: string) =>
    (message?.field === field ? message.text : undefined) ??
    (folder !== null || dailyAt !== null
      ? check.error?.issues.find((issue) => issue.path[0] === field)?.message
      : undefined);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!check.success) return;
    const result = await operations.setBackupSettings({ folder: shownFolder, dailyAt: shownTime });
    if (result.ok) {
      setMessage({ tone: 'ok', text: 'Backup settings saved.' });
      setFolder(null);
      setDailyAt(null);
      status.refresh();
      list.refresh();
    } else {
      setMessage(refusal(result.error));
    }
  };

  const backUpNow = async () => {
    setBusy(true);
    setMessage(null);
    const result = await operations.backUpNow({});
    setBusy(false);
    status.refresh();
    list.refresh();
    setMessage(
      result.ok
        ? { tone: 'ok', text: `Backup ${result.value.name} written and verified.` }
        : { tone: 'error', text: result.error.message },
    );
  };

  const progress = status.value?.progress;
  return (
    <section class="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backups</h2>
      <form class="form" onSubmit={save} noValidate>
        <div class="form__row">
          <TextField
            name="folder"
            label="Backup folder"
            hint="A second disk, a USB drive or a network share, e.g. /media/usb/backups or D:\Backups"
            value={shownFolder}
            onInput={setFolder}
            error={fieldError('folder')}
          />
          <TextField
            name="dailyAt"
            label="Daily at"
            hint="Local time, HH:MM"
            value={shownTime}
            onInput={setDailyAt}
            error={fieldError('dailyAt')}
          />
        </div>
        <div class="form__actions">
          <button type="submit" class="button">
            Save backup settings
          </button>
          <button
            type="button"
            class="button button--primary"
            onClick={backUpNow}
            disabled={busy || !status.value?.enabled}
          >
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
      </form>
      {progress ? (
        <div
          class="progress"
          role="progressbar"
          aria-label={`Backup: ${progress.phase}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress.fraction * 100)}
        >
          <div
            class="progress__bar"
            ref={(el) => el?.style.setProperty('width', `${Math.round(progress.fraction * 100)}%`)}
          />
        </div>
      ) : null}
      <SettingsMessageLine message={message} />
      {status.value?.lastError ? (
        <p class="form__error">Last backup failed: {status.value.lastError.message}</p>
      ) : null}
      <table class="table" aria-label="Backups in the folder">
        <thead>
          <tr>
            <th scope="col">Backup</th>
            <th scope="col">Made</th>
            <th scope="col" class="num">
              Size
            </th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {(list.value ?? []).map((item) => (
            <tr key={item.name}>
              <td>{item.name}</td>
              <td>{new Date(item.createdAt).toLocaleString()}</td>
              <td class="num">{fileSize(item.bytes)}</td>
              <td>
                {item.readable
                  ? item.encrypted
                    ? 'Good, encrypted'
                    : 'Good'
                  : `Unreadable: ${item.problem}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.value && list.value.length === 0 ? (
        <p class="empty">No backups in this folder yet.</p>
      ) : null}
      <BackupEncryption status={status.value} onChanged={status.refresh} />
      <RestoreBackup backups={list.value ?? []} enabled={status.value?.enabled ?? false} />
      <ExportJson
        enabled={status.value?.enabled ?? false}
        defaultFolder={status.value?.folder ?? ''}
      />
    </section>
  );
}
