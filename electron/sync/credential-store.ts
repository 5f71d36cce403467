// The sync server's user name and password, kept out of the database and the
// settings files: encrypted with Electron's safeStorage (the operating
// system's key store) in a file of their own in the data directory. The
// main process alone reads them; they are never sent to a renderer.
// Written against the few safeStorage methods it uses, so it runs under plain
// Node with a stand-in in tests.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SyncCredentials } from './guarded-fetch.ts';

export interface CredentialStore {
  load(): Promise<SyncCredentials | undefined>;
  /** Refuses (throws CredentialStorageUnavailable) rather than keep them readable. */
  save(credentials: SyncCredentials): Promise<void>;
  clear(): Promise<void>;
}

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a fixed, publicly known key, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

export class CredentialStorageUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialStorageUnavailable';
  }
}

/** Why the password cannot be stored safely here, in words; undefined when it can. */
export function whyCredentialsCannotBeStored(safeStorage: SafeStorageLike): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'This computer offers no protected storage for passwords, so the sync password is not saved (it would be readable by anyone with access to the disk). Sync stays off until it can be stored safely.';
  }
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return 'This computer has no password keyring (such as GNOME Keyring or KWallet), only a fixed built-in key, so the sync password is not saved. Install or unlock a keyring and enter the password again.';
  }
  return undefined;
}

interface StoredFile {
  format: 1;
  /** base64 of safeStorage.encryptString(JSON of the credentials). */
  encrypted: string;
}

export function createSafeStorageCredentialStore(options: {
  safeStorage: SafeStorageLike;
  /** e.g. <data directory>/sync-credentials.bin */
  filePath: string;
}): CredentialStore {
  const { safeStorage, filePath } = options;
  return {
    async load() {
      if (!existsSync(filePath)) return undefined;
      const why = whyCredentialsCannotBeStored(safeStorage);
      if (why !== undefined) throw new CredentialStorageUnavailable(why);
      const stored = JSON.parse(readFileSync(filePath, 'utf8')) as StoredFile;
      let plain: string;
      try {
        plain = safeStorage.decryptString(Buffer.from(stored.encrypted, 'base64'));
      } catch {
        throw new CredentialStorageUnavailable(
          'The saved sync password cannot be read on this computer (it was saved by another user or computer). Enter it again.',
        );
      }
      const parsed = JSON.parse(plain) as Partial<SyncCredentials>;
      if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string')
        return undefined;
      return { username: parsed.username, password: parsed.password };
    },
    async save(credentials) {
      const why = whyCredentialsCannotBeStored(safeStorage);
      if (why !== undefined) throw new CredentialStorageUnavailable(why);
      const encrypted = safeStorage.encryptString(
        JSON.stringify({ username: credentials.username, password: credentials.password }),
      );
      const stored: StoredFile = { format: 1, encrypted: encrypted.toString('base64') };
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

/** For tests and the browser harness: keeps them in memory only. */
export function createMemoryCredentialStore(initial?: SyncCredentials): CredentialStore {
  let current = initial;
  return {
    load: async () => current,
    save: async (credentials) => {
      current = { ...credentials };
    },
    clear: async () => {
      current = undefined;
    },
  };
}
