// Settings → Backups → "Restore…" (a manager's): choose a backup from the list
// or give a file's path, and its passphrase when it is encrypted. The main
// process first verifies the whole file and says what it holds, or refuses in
// words (wrong passphrase, damaged, cut short, from a newer version) with
// nothing changed; only after the person confirms does it replace the data,
// keeping a safety copy, and the desk restarts to open the restored data.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { TextField } from '../ui/TextField.tsx';
import type { BackupContents, BackupListItem } from '../../../shared/contract/domains/backups.ts';

const whenFormat: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
const when = (iso: string) => new Date(iso).toLocaleString(undefined, whenFormat);

type Step =
  | { step: 'choose' }
  | { step: 'confirm'; contents: BackupContents }
  | { step: 'done'; contents: BackupContents; restartNeeded: string };

type Errors = { file?: string; passphrase?: string; form?: string };

function RestoreDialog(props: { backups: BackupListItem[]; onClose: () => void }) {
  const { operations } = useServices();
  const readable = props.backups.filter((item) => item.readable);
  const [chosen, setChosen] = useState(readable[0]?.name ?? '');
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<Step>({ step: 'choose' });
  const file = path.trim() !== '' ? path.trim() : chosen;

  const refused = (error: { message: string; field?: string }) =>
    setErrors(
      error.field === 'passphrase'
        ? { passphrase: error.message }
        : error.field === 'file'
          ? { file: error.message }
          : { form: error.message },
    );

  const checkFile = async (event: Event) => {
    event.preventDefault();
    if (file === '') return setErrors({ file: 'Choose a backup or give the path of one.' });
    setBusy(true);
    setErrors({});
    const result = await operations.checkRestore({ file, passphrase });
    setBusy(false);
    if (result.ok) setState({ step: 'confirm', contents: result.value });
    else refused(result.error);
  };

  const restore = async (contents: BackupContents) => {
    setBusy(true);
    setErrors({});
    const result = await operations.restoreFromBackup({ file: contents.file, passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setState({ step: 'done', contents: result.value, restartNeeded: result.value.restartNeeded });
    } else {
      setState({ step: 'choose' });
      refused(result.error);
    }
  };

  return (
    <Dialog title="Restore a backup" onClose={props.onClose}>
      {state.step === 'choose' ? (
        <form class="form" onSubmit={checkFile} noValidate aria-busy={busy}>
          {readable.length > 0 ? (
            <div class="field">
              <label for="restore-choice">Backup</label>
              <select
                id="restore-choice"
                value={chosen}
                disabled={path.trim() !== ''}
                onChange={(event) => setChosen(event.currentTarget.value)}
              >
                {readable.map((item) => (
                  <option key={item.name} value={item.name}>
                    {when(item.createdAt)}
                    {item.encrypted ? ' (encrypted)' : ''} — {item.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <TextField
            name="restore-path"
            label={
              readable.length > 0 ? 'Or the full path of a backup file' : 'Backup file (full path)'
            }
            value={path}
            onInput={setPath}
            error={errors.file}
          />
          <TextField
            name="restore-passphrase"
            type="password"
            label="Passphrase (if the backup is encrypted)"
            hint="Leave empty to use the passphrase saved on this desk."
            value={passphrase}
            onInput={setPassphrase}
            error={errors.passphrase}
          />
          {errors.form ? (
            <p class="form__error" role="alert">
              {errors.form}
            </p>
          ) : null}
          {busy ? <p role="status">Checking the whole backup…</p> : null}
          <div class="form__actions">
            <button type="button" class="button" onClick={props.onClose} disabled={busy}>
              Cancel
            </button>
            <button type="submit" class="button button--primary" disabled={busy}>
              Check backup
            </button>
          </div>
        </form>
      ) : null}
      {state.step === 'confirm' ? (
        <div class="form" aria-busy={busy}>
          <p role="status">
            The backup checked out: {state.contents.patients} patients and{' '}
            {state.contents.journalEntries} journal entries.
          </p>
          <p>
            <strong>
              This replaces everything on this desk with the backup of{' '}
              {when(state.contents.createdAt)}; a safety copy of the current data is kept.
            </strong>
          </p>
          {state.contents.sameDesk ? null : (
            <p>
              This backup comes from desk {state.contents.deskId}: this PC takes over as that desk.
            </p>
          )}
          {busy ? <p role="status">Restoring… the desk restarts when it is done.</p> : null}
          <div class="form__actions">
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => setState({ step: 'choose' })}
            >
              Back
            </button>
            <button
              type="button"
              class="button button--danger"
              disabled={busy}
              onClick={() => void restore(state.contents)}
            >
              Replace the data with this backup
            </button>
          </div>
        </div>
      ) : null}
      {state.step === 'done' ? (
        <div class="form">
          <p role="status">
            Restored the backup of {when(state.contents.createdAt)}: {state.contents.patients}{' '}
            patients, {state.contents.journalEntries} journal entries ({state.contents.documents}{' '}
            records in all).
          </p>
          <p role="alert">{state.restartNeeded}</p>
        </div>
      ) : null}
    </Dialog>
  );
}

export function RestoreBackup(props: { backups: BackupListItem[]; enabled: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="subpanel" aria-labelledby="backup-restore-heading">
      <h3 id="backup-restore-heading">Restore</h3>
      <p>
        Replace this desk’s data with a backup. The backup is checked completely first; the current
        data is kept in a safety backup.
      </p>
      <button type="button" class="button" disabled={!props.enabled} onClick={() => setOpen(true)}>
        Restore…
      </button>
      {open ? <RestoreDialog backups={props.backups} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
