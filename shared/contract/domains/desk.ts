// Operations about the desk itself and patients' details.
import { z } from 'zod';
import { newPatientInput } from '../../patients/patient.ts';

export interface AppInfo {
  productName: string;
  version: string;
  deskId: string;
  /** Where the desk keeps its data, shown in Settings. */
  dataDirectory: string;
  /** 'memory' only in tests and the development harness. */
  storage: 'memory' | 'sqlite';
}

export const deskOperationArgs = {
  appInfo: z.object({}).strict(),
  addPatient: newPatientInput.strict(),
  updatePatient: newPatientInput
    .extend({ id: z.string().min(1, 'Which patient?').max(40) })
    .strict(),
} as const;

export interface DeskOperationResults {
  appInfo: AppInfo;
  addPatient: { id: string };
  updatePatient: { id: string };
}
