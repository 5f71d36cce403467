import type { HandlersFor } from './index.ts';
import { addPatient } from './add-patient.ts';
import { appInfo } from './app-info.ts';

export const deskHandlers: HandlersFor<'appInfo' | 'addPatient'> = { appInfo, addPatient };
