// This desk's sign-in secrets and lock setting, in a small owner-only JSON
// file beside its database (auth.json). Kept out of the database on purpose:
// the renderer can read every collection, and a PIN's hash is cheap to try
// 10,000 times offline. The file never replicates, so each desk has its own
// PINs for the clinic's (replicated) staff profiles.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IDLE_LOCK_MINUTES } from '../../shared/contract/domains/auth.ts';

export const AUTH_FILE = 'auth.json';

const credentialSchema = z.object({
  hash: z.string().min(1).max(300),
  kind: z.enum(['pin', 'password']),
  setAt: z.string(),
  setBy: z.string(),
});

export const authFileSchema = z.object({
  version: z.literal(1).default(1),
  idleLockMinutes: z
    .number()
    .int()
    .min(IDLE_LOCK_MINUTES.min)
    .max(IDLE_LOCK_MINUTES.max)
    .default(IDLE_LOCK_MINUTES.default),
  credentials: z.record(z.string(), credentialSchema).default({}),
});

export type AuthFile = z.output<typeof authFileSchema>;
export type Credential = z.output<typeof credentialSchema>;

export function authFilePath(dataDirectory: string): string {
  return join(dataDirectory, AUTH_FILE);
}

export function loadAuthFile(dataDirectory: string): AuthFile {
  const file = authFilePath(dataDirectory);
  if (!existsSync(file)) return authFileSchema.parse({});
  const parsed = authFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`The sign-in file ${file} is damaged; see README "Forgotten manager PIN".`);
  }
  return parsed.data;
}

/** Written whole to a temporary file and renamed over the old one: never half a file. */
export function saveAuthFile(dataDirectory: string, content: AuthFile): void {
  const file = authFilePath(dataDirectory);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
