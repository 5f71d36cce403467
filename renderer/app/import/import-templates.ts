// The generic import templates (see README.md "Import template"): the header
// line and one example row of each kind, offered as downloads on the screen.
import type { ImportKind } from '../../../shared/import/index.ts';

export const IMPORT_TEMPLATES: Record<ImportKind, { file: string; lines: string[] }> = {
  patients: {
    file: 'punchcard-patients-template.csv',
    lines: [
      'external_id,first_name,last_name,preferred_name,date_of_birth,phone,email,notes',
      'P-1001,Olivia,Nguyen,Liv,14/03/1985,0412 345 678,olivia@example.com,',
    ],
  },
  credit: {
    file: 'punchcard-opening-credit-template.csv',
    lines: [
      'external_id,first_name,last_name,date_of_birth,amount,notes',
      'P-1001,,,,120.00,Prepaid',
    ],
  },
  packages: {
    file: 'punchcard-open-packages-template.csv',
    lines: [
      'external_id,plan,sessions_remaining,expiry,value_remaining,notes',
      'P-1001,5 x Physio,3,31/12/2026,,',
    ],
  },
};

export const KIND_LABELS: Record<ImportKind, string> = {
  patients: 'Patients',
  credit: 'Opening account credit',
  packages: 'Open packages',
};

export const KIND_HELP: Record<ImportKind, string> = {
  patients:
    'Cliniko’s patient export as it is, or the template. Each patient’s id from the old system (or name and date of birth) keeps a second import from creating them twice.',
  credit:
    'One row per patient with credit: the patient’s id from the patients file (or name and date of birth) and the amount.',
  packages:
    'One row per open package: the patient, the plan’s name as in Settings → Package plans, sessions remaining, expiry, and optionally the value remaining (else the plan’s price per session).',
};

/** Bytes as base64 (the operation carries the file as text). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
