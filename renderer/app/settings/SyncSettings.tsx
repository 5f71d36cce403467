// Settings → Sync: whether and where this desk syncs with the clinic's CouchDB
// server, and the status in words. The password is write-only: the main
// process keeps it encrypted and only says whether one is saved.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import { usePolled } from '../use-polled.ts';
import { TextField } from '../ui/TextField.tsx';
import { syncOperationArgs } from '../../../shared/contract/domains/sync.ts';
import { refusal, SettingsMessageLine, type SettingsMessage } from './settings-message.tsx';

export function SyncSettings() {
  const { operations } = useServices();
  const status = usePolled(() => operations.syncStatus({}), 2000);
  const [edits, setEdits] = useState<{
    enabled?: boolean;
    serverUrl?: string;
    databasePrefix?: string;
  }>({});
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<SettingsMessage | null>(null);
  const [saving, setSaving] = useState(false);

  const saved = status.value?.settings;
  const form = {
    enabled: edits.enabled ?? saved?.enabled ?? false,
    serverUrl: edits.serverUrl ?? saved?.serverUrl ?? '',
    databasePrefix: edits.databasePrefix ?? saved?.databasePrefix ?? '',
    ...(username !== '' || password !== '' ? { username, password } : {}),
  };
  const edited = Object.keys(edits).length > 0 || username !== '' || password !== '';
  const check = syncOperationArgs.setSyncSettings.safeParse(form);
  const fieldError = (field: string) =>
    (message?.field === field ? message.text : undefined) ??
    (edited ? check.error?.issues.find((issue) => issue.path[0] === field)?.message : undefined);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!check.success) return;
    setSaving(true);
    const result = await operations.setSyncSettings(form);
    setSaving(false);
    if (result.ok) {
      setEdits({});
      setUsername('');
      setPassword('');
      setMessage({
        tone: 'ok',
        text: result.value.settings.enabled ? 'Sync settings saved.' : 'Sync is off.',
      });
      status.refresh();
    } else {
      setMessage(refusal(result.error));
    }
  };

  const state = status.value?.state ?? 'off';
  return (
    <section class="panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync between desks</h2>
      <p class="notice">
        Desks of the same clinic share their records through the clinic’s CouchDB server. A desk
        alone needs none; every desk keeps working while the server is away and catches up when it
        returns.
      </p>
      <p
        class={state === 'error' ? 'form__error' : 'notice'}
        role="status"
        aria-label="Sync status"
      >
        {status.value?.words ?? 'Sync is off'}
      </p>
      <form class="form" onSubmit={save} noValidate>
        <label class="check">
          <input
            type="checkbox"
            name="enabled"
            checked={form.enabled}
            onChange={(e) => setEdits({ ...edits, enabled: e.currentTarget.checked })}
          />
          Sync this desk with the clinic’s server
        </label>
        <div class="form__row">
          <TextField
            name="serverUrl"
            type="url"
            label="Server address"
            hint="e.g. https://couch.clinic.example:6984"
            value={form.serverUrl}
            onInput={(serverUrl) => setEdits({ ...edits, serverUrl })}
            error={fieldError('serverUrl')}
          />
          <TextField
            name="databasePrefix"
            label="Database prefix"
            hint="The clinic’s name on the server, e.g. northside"
            value={form.databasePrefix}
            onInput={(databasePrefix) => setEdits({ ...edits, databasePrefix })}
            error={fieldError('databasePrefix')}
          />
        </div>
        <div class="form__row">
          <TextField
            name="username"
            label="User name"
            hint={
              status.value?.credentialsSaved
                ? 'A user name and password are saved; leave both empty to keep them.'
                : 'The clinic’s user on the server.'
            }
            value={username}
            onInput={setUsername}
            error={fieldError('username')}
          />
          <TextField
            name="password"
            type="password"
            label="Password"
            hint="Kept encrypted on this PC; never shown again."
            value={password}
            onInput={setPassword}
            error={fieldError('password')}
          />
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save sync settings'}
          </button>
        </div>
      </form>
      <SettingsMessageLine message={message} />
    </section>
  );
}
