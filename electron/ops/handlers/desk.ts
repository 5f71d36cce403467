import type { HandlersFor } from './index.ts';
import { addPatient } from './add-patient.ts';
import { appInfo } from './app-info.ts';
import { updatePatient } from './update-patient.ts';

export const deskHandlers: HandlersFor<'appInfo' | 'addPatient' | 'updatePatient'> = {
  appInfo,
  addPatient,
  updatePatient,
};
