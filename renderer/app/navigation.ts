import { signal } from '@preact/signals';

/** 'patient' is a patient's record, opened from search (not in the menu). */
export type ScreenId = 'today' | 'patients' | 'patient' | 'funders' | 'reports' | 'settings';

export const screens: { id: Exclude<ScreenId, 'patient'>; label: string; shortcut: string }[] = [
  { id: 'today', label: 'Today', shortcut: 'Alt+1' },
  { id: 'patients', label: 'Patients', shortcut: 'Alt+2' },
  { id: 'funders', label: 'Funders', shortcut: 'Alt+3' },
  { id: 'reports', label: 'Reports', shortcut: 'Alt+4' },
  { id: 'settings', label: 'Settings', shortcut: 'Alt+5' },
];

export const currentScreen = signal<ScreenId>('patients');

/** Bumped to ask the patient search box to take focus (Ctrl+K from anywhere). */
export const focusSearchRequest = signal(0);

/** The patient whose record is open. */
export const openPatientId = signal<string>('');

export function openPatient(patientId: string): void {
  openPatientId.value = patientId;
  currentScreen.value = 'patient';
}
