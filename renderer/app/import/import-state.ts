import { signal } from '@preact/signals';

/** The import screen is open instead of the current screen (from the menu). */
export const importOpen = signal(false);
