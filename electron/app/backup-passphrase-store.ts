// The backup passphrase, kept the way the sync password is (see
// ../sync/credential-store.ts): encrypted by Electron's safeStorage (the
// operating system's key store) in a file of its own in the data directory,
// never in desk.json, never in plain text, never sent to a renderer.
//
// Where the computer offers no protected storage we refuse to turn encryption
// on rather than ask for the passphrase at each backup: the nightly backup
// runs with nobody at the desk, so "asked for" would mean every scheduled
// backup fails (or, worse, is quietly written unencrypted).
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { CredentialStorageUnavailable, type SafeStorageLike } from '../sync/credential-store.ts';

export interface BackupPassphraseStore {
  /** Why a passphrase cannot be kept safely on this computer, in words; undefined when it can. */
  unavailableReason(): string | undefined;
  /** Whether a passphrase has been saved (backups are then encrypted). */
  isSet(): boolean;
  /** The saved passphrase; throws CredentialStorageUnavailable when it cannot be read here. */
  load(): Promise<string | undefined>;
  /** Refuses (throws CredentialStorageUnavailable) rather than keep it readable. */
  save(passphrase: string): Promise<void>;
  clear(): Promise<void>;
}

export function whyPassphraseCannotBeStored(safeStorage: SafeStorageLike): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'This computer offers no protected storage for secrets, so a backup passphrase cannot be kept for the nightly backups (it would be readable by anyone with access to the disk). Backups stay unencrypted: keep the backup folder somewhere safe, or schedule encrypted backups with the command line and a passphrase file.';
  }
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return 'This computer has no password keyring (such as GNOME Keyring or KWallet), only a fixed built-in key, so a backup passphrase cannot be kept safely. Install or unlock a keyring to encrypt backups; until then they stay unencrypted.';
  }
  return undefined;
}

interface StoredFile {
  format: 1;
  /** base64 of safeStorage.encryptString(passphrase). */
  encrypted: string;
}

export function createSafeStorageBackupPassphraseStore(options: {
  safeStorage: SafeStorageLike;
  /** e.g. <data directory>/backup-passphrase.bin */
  filePath: string;
}): BackupPassphraseStore {
  const { safeStorage, filePath } = options;
  const unavailableReason = () => whyPassphraseCannotBeStored(safeStorage);
  return {
    unavailableReason,
    isSet: () => existsSync(filePath),
    async load() {
      if (!existsSync(filePath)) return undefined;
      const why = unavailableReason();
      if (why !== undefined) throw new CredentialStorageUnavailable(why);
      try {
        const stored = JSON.parse(readFileSync(filePath, 'utf8')) as StoredFile;
        return safeStorage.decryptString(Buffer.from(stored.encrypted, 'base64'));
      } catch {
        throw new CredentialStorageUnavailable(
          'The saved backup passphrase cannot be read on this computer (it was saved by another user or computer). Set it again in Settings → Backups.',
        );
      }
    },
    async save(passphrase) {
      const why = unavailableReason();
      if (why !== undefined) throw new CredentialStorageUnavailable(why);
      const stored: StoredFile = {
        format: 1,
        encrypted: safeStorage.encryptString(passphrase).toString('base64'),
      };
      // Written aside and renamed, so a crash never leaves half a file; owner-only.
      const partial = `${filePath}.partial`;
      writeFileSync(partial, JSON.stringify(stored), { mode: 0o600 });
      renameSync(partial, filePath);
    },
    async clear() {
      rmSync(filePath, { force: true });
    },
  };
}

/** For tests and the browser harness: in memory only (forgotten when the process ends). */
export function createMemoryBackupPassphraseStore(): BackupPassphraseStore {
  let current: string | undefined;
  return {
    unavailableReason: () => undefined,
    isSet: () => current !== undefined,
    load: async () => current,
    save: async (passphrase) => {
      current = passphrase;
    },
    clear: async () => {
      current = undefined;
    },
  };
}
