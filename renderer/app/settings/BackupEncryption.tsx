// Settings → Backups → Encryption: set, change or clear the passphrase the
// backups are encrypted with. The passphrase goes to the main process once and
// never comes back: this screen only learns "encrypted: yes/no". Where the
// computer cannot keep it safely, the main process says so and backups stay
// unencrypted (a nightly backup has nobody to ask).
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import { TextField } from '../ui/TextField.tsx';
import { backupOperationArgs } from '../../../shared/contract/domains/backups.ts';
import type { BackupStatusView } from '../../../shared/contract/domains/backups.ts';
import { passphraseStrength } from './passphrase-strength.ts';
import { refusal, SettingsMessageLine, type SettingsMessage } from './settings-message.tsx';

export function BackupEncryption(props: {
  status: BackupStatusView | null;
  onChanged: () => void;
}) {
  const { operations } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<SettingsMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const status = props.status;
  const encrypted = status?.encrypted ?? false;

  const check = backupOperationArgs.setBackupPassphrase.safeParse({ passphrase, confirm });
  const strength = passphraseStrength(passphrase);
  const fieldError = (field: string) =>
    message?.field === field
      ? message.text
      : field === 'confirm' && confirm !== '' && confirm !== passphrase
        ? 'The two entries are not the same.'
        : undefined;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!check.success) {
      const issue = check.error.issues[0];
      const field = String(issue?.path[0] ?? 'passphrase');
      setMessage({ tone: 'error', text: issue?.message ?? 'Check the passphrase.', field });
      return;
    }
    setBusy(true);
    const result = await operations.setBackupPassphrase({ passphrase, confirm });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setConfirm('');
      setMessage({
        tone: 'ok',
        text: 'Passphrase saved: the next backups are encrypted with it.',
      });
      props.onChanged();
    } else {
      setMessage(refusal(result.error));
    }
  };

  const clear = async () => {
    setBusy(true);
    const result = await operations.clearBackupPassphrase({});
    setBusy(false);
    setMessage(
      result.ok
        ? {
            tone: 'ok',
            text: 'Passphrase removed: the next backups are not encrypted. Earlier encrypted backups still need the old passphrase.',
          }
        : { tone: 'error', text: result.error.message },
    );
    props.onChanged();
  };

  return (
    <section class="subpanel" aria-labelledby="backup-encryption-heading">
      <h3 id="backup-encryption-heading">Encryption</h3>
      <p>
        Encrypted: <strong>{status ? (encrypted ? 'yes' : 'no') : '…'}</strong>
      </p>
      {status?.passphraseUnavailable ? (
        <p class="form__error" role="note">
          {status.passphraseUnavailable}
        </p>
      ) : (
        <form class="form" onSubmit={save} noValidate aria-label="Set the backup passphrase">
          <p class="notice" role="note">
            Write the passphrase down and keep it away from this PC. If it is lost, the encrypted
            backups cannot be read by anyone — not even to restore this desk.
          </p>
          <div class="form__row">
            <TextField
              name="passphrase"
              type="password"
              label={encrypted ? 'New backup passphrase' : 'Backup passphrase'}
              hint={strength.text || 'At least 10 characters; a few unrelated words work well.'}
              value={passphrase}
              onInput={(value) => {
                setPassphrase(value);
                setMessage(null);
              }}
              error={fieldError('passphrase')}
            />
            <TextField
              name="confirm"
              type="password"
              label="The same passphrase again"
              value={confirm}
              onInput={(value) => {
                setConfirm(value);
                setMessage(null);
              }}
              error={fieldError('confirm')}
            />
          </div>
          <div class="form__actions">
            <button type="submit" class="button" disabled={busy}>
              {encrypted ? 'Change passphrase' : 'Encrypt backups'}
            </button>
            {encrypted ? (
              <button type="button" class="button button--danger" disabled={busy} onClick={clear}>
                Stop encrypting
              </button>
            ) : null}
          </div>
        </form>
      )}
      <SettingsMessageLine message={message} />
    </section>
  );
}
