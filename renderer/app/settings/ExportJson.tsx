// Settings → Backups → "Export all data as JSON": every record of this desk in
// one file (for another system, a spreadsheet or an auditor), written by the
// main process into the folder given here, named with the desk and the time.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import { TextField } from '../ui/TextField.tsx';
import { backupOperationArgs } from '../../../shared/contract/domains/backups.ts';
import { refusal, SettingsMessageLine, type SettingsMessage } from './settings-message.tsx';

export function ExportJson(props: { enabled: boolean; defaultFolder: string }) {
  const { operations } = useServices();
  const [folder, setFolder] = useState<string | null>(null);
  const [message, setMessage] = useState<SettingsMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = folder ?? props.defaultFolder;
  const check = backupOperationArgs.exportAllJson.safeParse({ folder: shown });
  const typedError = folder !== null && folder !== '' ? check.error?.issues[0]?.message : undefined;

  const exportAll = async (event: Event) => {
    event.preventDefault();
    if (!check.success) {
      setMessage({
        tone: 'error',
        text: check.error.issues[0]?.message ?? 'Choose a folder.',
        field: 'folder',
      });
      return;
    }
    setBusy(true);
    setMessage(null);
    const result = await operations.exportAllJson({ folder: shown });
    setBusy(false);
    setMessage(
      result.ok
        ? {
            tone: 'ok',
            text: `Exported ${result.value.documents} records to ${result.value.file}.`,
          }
        : result.error.field === 'folder'
          ? refusal(result.error)
          : { tone: 'error', text: result.error.message },
    );
  };

  return (
    <section class="subpanel" aria-labelledby="backup-export-heading">
      <h3 id="backup-export-heading">Export</h3>
      <form class="form" onSubmit={exportAll} noValidate aria-busy={busy}>
        <TextField
          name="export-folder"
          label="Export folder"
          hint="One JSON file with every record, the app version and the time."
          value={shown}
          onInput={(value) => {
            setFolder(value);
            setMessage(null);
          }}
          error={message?.field === 'folder' ? message.text : typedError}
        />
        <div class="form__actions">
          <button type="submit" class="button" disabled={busy || !props.enabled}>
            {busy ? 'Exporting…' : 'Export all data as JSON'}
          </button>
        </div>
      </form>
      <SettingsMessageLine message={message} />
    </section>
  );
}
