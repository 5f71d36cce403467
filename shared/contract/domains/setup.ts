// The first run of a desk: the wizard's one operation that sets everything up
// (clinic, this desk, the first manager, backups) or nothing; restoring a
// backup instead; or opening the demo clinic. All are open to nobody signed in
// (nobody can be, yet) and refused once the desk is set up.
import { z } from 'zod';
import { newSecret } from '../../auth/secret-policy.ts';
import { catalogOperationArgs } from './catalog.ts';

export const NUMBER_PREFIX = /^[A-Z0-9]{1,12}$/;

/** An absolute path on Linux, macOS or Windows (a drive or a network share). */
export function isAbsolutePath(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

const folder = z
  .string()
  .trim()
  .max(1000, 'That folder path is too long.')
  .refine(
    (value) => value === '' || isAbsolutePath(value),
    'Give the full path of the folder, e.g. /media/usb/backups or D:\\Backups, or leave it empty.',
  );

export const setupFields = {
  clinic: catalogOperationArgs.saveClinicSettings,
  desk: z
    .object({
      deskName: z
        .string({ error: 'Name this desk.' })
        .trim()
        .min(1, 'Name this desk, e.g. Front desk.')
        .max(100, 'Keep the desk name under 100 characters.'),
      numberPrefix: z
        .string({ error: 'Give a number prefix.' })
        .trim()
        .toUpperCase()
        .regex(NUMBER_PREFIX, 'The prefix is 1 to 12 letters or digits, e.g. FD.'),
    })
    .strict(),
  manager: z
    .object({
      name: z
        .string({ error: 'Your name is required.' })
        .trim()
        .min(1, 'Your name is required.')
        .max(200, 'Keep the name under 200 characters.'),
      secret: newSecret,
    })
    .strict(),
  backupFolder: folder,
};

export const setupOperationArgs = {
  setupStatus: z.object({}).strict(),
  completeSetup: z.object(setupFields).strict(),
  restoreAtSetup: z
    .object({
      file: z
        .string({ error: 'Give the backup file.' })
        .trim()
        .min(1, 'Give the backup file.')
        .max(1000, 'That path is too long.')
        .refine(isAbsolutePath, 'Give the full path of the backup file.'),
      passphrase: z.string().max(1000).default(''),
    })
    .strict(),
  openDemoClinic: z.object({}).strict(),
} as const;

export interface SetupDefaults {
  clinicName: string;
  currency: string;
  timeZone: string;
  locale: string;
  deskName: string;
  numberPrefix: string;
}

export interface SetupStatus {
  setUp: boolean;
  /** Set after a restore or the demo clinic replaced the data: start Punchcard again. */
  restartNeeded: string;
  defaults: SetupDefaults;
  /** The demo clinic can be generated here. */
  demoAvailable: boolean;
}

export interface SetupOperationResults {
  setupStatus: SetupStatus;
  completeSetup: { staffId: string; deskName: string; numberPrefix: string };
  restoreAtSetup: { restartNeeded: string; patients: number; entries: number };
  openDemoClinic: { restartNeeded: string; patients: number };
}
