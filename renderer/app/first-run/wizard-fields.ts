// The wizard's fields and their checks, using the same schemas the main
// process applies (shared/contract/domains/setup.ts), so what the form accepts
// as you type is exactly what the setup operation accepts.
import { setupFields } from '../../../shared/contract/domains/setup.ts';
import type { SetupDefaults } from '../../../shared/contract/domains/setup.ts';

export interface WizardValues {
  clinicName: string;
  currency: string;
  timeZone: string;
  locale: string;
  deskName: string;
  numberPrefix: string;
  managerName: string;
  secret: string;
  secretAgain: string;
  backupFolder: string;
}

export type WizardField = keyof WizardValues;

export const STEPS = ['clinic', 'desk', 'manager', 'backups', 'review'] as const;
export type WizardStep = (typeof STEPS)[number];

export const FIELDS_OF_STEP: Record<WizardStep, readonly WizardField[]> = {
  clinic: ['clinicName', 'currency', 'timeZone', 'locale'],
  desk: ['deskName', 'numberPrefix'],
  manager: ['managerName', 'secret', 'secretAgain'],
  backups: ['backupFolder'],
  review: [],
};

export function initialValues(defaults: SetupDefaults): WizardValues {
  return {
    clinicName: defaults.clinicName,
    currency: defaults.currency,
    timeZone: defaults.timeZone,
    locale: defaults.locale,
    deskName: defaults.deskName,
    numberPrefix: defaults.numberPrefix,
    managerName: '',
    secret: '',
    secretAgain: '',
    backupFolder: '',
  };
}

const clinic = setupFields.clinic.shape;
const desk = setupFields.desk.shape;
const manager = setupFields.manager.shape;

function firstIssue(result: {
  success: boolean;
  error?: { issues: { message: string }[] };
}): string {
  return result.success ? '' : (result.error?.issues[0]?.message ?? 'Check this.');
}

/** The message for one field ('' when it is fine). */
export function checkField(field: WizardField, values: WizardValues): string {
  const value = values[field];
  switch (field) {
    case 'clinicName':
      return firstIssue(clinic.clinicName.safeParse(value));
    case 'currency':
      return firstIssue(clinic.currency.safeParse(value));
    case 'timeZone':
      return firstIssue(clinic.timeZone.safeParse(value));
    case 'locale':
      return firstIssue(clinic.locale.safeParse(value));
    case 'deskName':
      return firstIssue(desk.deskName.safeParse(value));
    case 'numberPrefix':
      return firstIssue(desk.numberPrefix.safeParse(value));
    case 'managerName':
      return firstIssue(manager.name.safeParse(value));
    case 'secret':
      return firstIssue(manager.secret.safeParse(value));
    case 'secretAgain':
      return value === values.secret ? '' : 'The two entries are not the same.';
    case 'backupFolder':
      return firstIssue(setupFields.backupFolder.safeParse(value));
  }
}

export function checkStep(
  step: WizardStep,
  values: WizardValues,
): Partial<Record<WizardField, string>> {
  const errors: Partial<Record<WizardField, string>> = {};
  for (const field of FIELDS_OF_STEP[step]) {
    const message = checkField(field, values);
    if (message) errors[field] = message;
  }
  return errors;
}

/** The operation's arguments from the form. */
export function setupArguments(values: WizardValues) {
  return {
    clinic: {
      clinicName: values.clinicName,
      currency: values.currency,
      timeZone: values.timeZone,
      locale: values.locale,
    },
    desk: { deskName: values.deskName, numberPrefix: values.numberPrefix },
    manager: { name: values.managerName, secret: values.secret },
    backupFolder: values.backupFolder,
  };
}

/** Which step and field a refusal from the main process belongs to ("clinic.currency"). */
export function fieldOfServerError(field: string | undefined): WizardField | null {
  switch (field) {
    case 'clinic.clinicName':
      return 'clinicName';
    case 'clinic.currency':
      return 'currency';
    case 'clinic.timeZone':
      return 'timeZone';
    case 'clinic.locale':
      return 'locale';
    case 'desk.deskName':
      return 'deskName';
    case 'desk.numberPrefix':
      return 'numberPrefix';
    case 'manager.name':
      return 'managerName';
    case 'manager.secret':
      return 'secret';
    case 'backupFolder':
      return 'backupFolder';
    default:
      return null;
  }
}

export function stepOfField(field: WizardField): WizardStep {
  return STEPS.find((step) => FIELDS_OF_STEP[step].includes(field)) ?? 'clinic';
}
