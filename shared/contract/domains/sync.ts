// Operations of Settings → Sync and the status bar's sync indicator. The user
// name and password go one way only: the renderer may send them, the main
// process never sends them back (it says whether some are saved).
import { z } from 'zod';

export type SyncStateName = 'off' | 'offline' | 'connecting' | 'syncing' | 'up-to-date' | 'error';

export interface SyncStatusView {
  state: SyncStateName;
  /** The status in words, as the status bar shows it. */
  words: string;
  /** While syncing: documents moved so far in this burst, and waiting on the server when known. */
  documents: number | null;
  pending: number | null;
  /** The saved settings (never the credentials). */
  settings: { enabled: boolean; serverUrl: string; databasePrefix: string };
  /** Whether a user name and password are saved (they are never shown). */
  credentialsSaved: boolean;
}

/** CouchDB database names: lower-case letter first, then lower-case letters, digits, _ and -. */
export const SYNC_DATABASE_PREFIX_PATTERN = /^[a-z][a-z0-9_-]{0,59}$/;

const webAddress = (value: string) => {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
};

export const syncOperationArgs = {
  syncStatus: z.object({}).strict(),
  setSyncSettings: z
    .object({
      enabled: z.boolean(),
      serverUrl: z.string().trim().max(1000, 'That server address is too long.'),
      databasePrefix: z.string().trim().max(60, 'That prefix is too long.'),
      username: z.string().trim().max(200, 'That user name is too long.').optional(),
      password: z.string().max(1000, 'That password is too long.').optional(),
    })
    .strict()
    .superRefine((value, issues) => {
      // Turning sync off needs nothing else; turning it on needs a usable server.
      const on = value.enabled;
      if ((on || value.serverUrl !== '') && !webAddress(value.serverUrl)) {
        issues.addIssue({
          code: 'custom',
          path: ['serverUrl'],
          message:
            'Give the server address as a web address, e.g. https://couch.clinic.example:6984 (no user name or password in it).',
        });
      }
      if (
        (on || value.databasePrefix !== '') &&
        !SYNC_DATABASE_PREFIX_PATTERN.test(value.databasePrefix)
      ) {
        issues.addIssue({
          code: 'custom',
          path: ['databasePrefix'],
          message:
            'The prefix starts with a lower-case letter and uses only lower-case letters, digits, _ and -, e.g. northside.',
        });
      }
      const hasName = (value.username ?? '') !== '';
      const hasPassword = (value.password ?? '') !== '';
      if (hasName !== hasPassword) {
        issues.addIssue({
          code: 'custom',
          path: [hasName ? 'password' : 'username'],
          message: 'Give both the user name and the password (or neither, to keep the saved ones).',
        });
      }
    }),
} as const;

export interface SyncOperationResults {
  syncStatus: SyncStatusView;
  setSyncSettings: SyncStatusView;
}
