// "Restore from a backup" on the first run: the file and its passphrase. The
// main process checks the whole backup before it replaces anything, and says
// plainly when the passphrase is wrong or the file is damaged.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';

export function RestoreForm(props: { onBack: () => void; onRestored: () => void }) {
  const { operations } = useServices();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (file.trim() === '') return setErrors({ file: 'Give the backup file.' });
    setBusy(true);
    setErrors({});
    const result = await operations.restoreAtSetup({ file, passphrase });
    setBusy(false);
    if (result.ok) return props.onRestored();
    const field =
      result.error.field === 'passphrase'
        ? 'passphrase'
        : result.error.field === 'file'
          ? 'file'
          : 'form';
    setErrors({ [field]: result.error.message });
  };

  return (
    <main class="first-run">
      <form
        class="first-run__card"
        onSubmit={submit}
        aria-labelledby="restore-title"
        aria-busy={busy}
      >
        <h1 id="restore-title">Restore from a backup</h1>
        <p>
          Use the newest backup of the clinic (a <code>.pcbak</code> file from the backup folder).
          This PC then takes over from the desk the backup came from.
        </p>
        <div class={errors.file ? 'field field--invalid' : 'field'}>
          <label for="restore-file">Backup file (full path)</label>
          <input
            id="restore-file"
            name="file"
            autoFocus
            autoComplete="off"
            value={file}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? 'restore-file-error' : undefined}
            onInput={(event) => setFile(event.currentTarget.value)}
          />
          {errors.file ? (
            <small id="restore-file-error" class="field__error" role="alert">
              {errors.file}
            </small>
          ) : null}
        </div>
        <div class={errors.passphrase ? 'field field--invalid' : 'field'}>
          <label for="restore-passphrase">Passphrase (if the backup is encrypted)</label>
          <input
            id="restore-passphrase"
            name="passphrase"
            type="password"
            autoComplete="off"
            value={passphrase}
            aria-invalid={errors.passphrase ? true : undefined}
            aria-describedby={errors.passphrase ? 'restore-passphrase-error' : undefined}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
          {errors.passphrase ? (
            <small id="restore-passphrase-error" class="field__error" role="alert">
              {errors.passphrase}
            </small>
          ) : null}
        </div>
        {errors.form ? (
          <p class="first-run__error" role="alert">
            {errors.form}
          </p>
        ) : null}
        {busy ? <p role="status">Checking and restoring the backup…</p> : null}
        <div class="form__actions">
          <button type="button" class="button" disabled={busy} onClick={props.onBack}>
            Back
          </button>
          <button type="submit" class="button button--primary" disabled={busy}>
            Restore
          </button>
        </div>
      </form>
    </main>
  );
}
