// This desk's own settings, kept in a small JSON file beside its database and
// never replicated: they describe this PC (its desk id and number prefix, where
// its backups go), not the clinic.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const DESK_CONFIG_FILE = 'desk.json';

/** A desk's number prefix: what its invoice and receipt numbers start with ("FD-INV-000123"). */
export const NUMBER_PREFIX_PATTERN = /^[A-Z0-9]{1,12}$/;

export const deskConfigSchema = z.object({
  deskId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  deskName: z.string().max(100).default('Reception'),
  /**
   * Whether the first-run wizard has finished here. Absent in files written before the
   * wizard existed: those desks were in use, so they count as set up (see loadDeskConfig).
   */
  setUp: z.boolean().optional(),
  /** '' until chosen: the prefix is then derived from the desk id ('desk-1' → 'D1'). */
  numberPrefix: z.union([z.literal(''), z.string().regex(NUMBER_PREFIX_PATTERN)]).default(''),
  backup: z
    .object({
      /** '' until the clinic chooses a folder; backups are off until then. */
      folder: z.string().max(1000).default(''),
      /** Local time of the daily backup, HH:MM. */
      dailyAt: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
        .default('21:00'),
      keepDaily: z.number().int().min(1).max(365).default(7),
      keepWeekly: z.number().int().min(0).max(104).default(4),
      keepMonthly: z.number().int().min(0).max(120).default(12),
    })
    .prefault({}),
  /** Sync through the clinic's CouchDB server: off until set up (a desk alone needs none). */
  sync: z
    .object({
      enabled: z.boolean().default(false),
      serverUrl: z.string().max(1000).default(''),
      databasePrefix: z.string().max(100).default(''),
    })
    .prefault({}),
});

export type DeskConfig = z.output<typeof deskConfigSchema>;

/** Reads the desk's file, creating it with defaults on first start. */
export function loadDeskConfig(dataDirectory: string, defaultDeskId: () => string): DeskConfig {
  const file = join(dataDirectory, DESK_CONFIG_FILE);
  if (existsSync(file)) {
    const parsed = deskConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `The desk settings file ${file} is damaged: ${parsed.error.issues[0]?.message ?? 'unreadable'}`,
      );
    }
    return { ...parsed.data, setUp: parsed.data.setUp ?? true };
  }
  // A new desk: nothing is configured until the first-run wizard says so.
  const config = deskConfigSchema.parse({ deskId: defaultDeskId(), setUp: false });
  saveDeskConfig(dataDirectory, config);
  return config;
}

export function saveDeskConfig(dataDirectory: string, config: DeskConfig): void {
  const file = join(dataDirectory, DESK_CONFIG_FILE);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
