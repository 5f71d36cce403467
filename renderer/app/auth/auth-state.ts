// What the screens know about sign-in: the main process's answer to
// authStatus (it alone decides who is signed in and when the desk locks), and
// which manager screen is open over the current one.
import { computed, signal } from '@preact/signals';
import type { AuthStatus } from '../../../shared/contract/domains/auth.ts';

export const authStatus = signal<AuthStatus | null>(null);

export const session = computed(() => authStatus.value?.session ?? null);

/** A manager's screen shown instead of the current one (from the status bar). */
export const adminView = signal<'audit' | 'staff' | null>(null);

/** Set by "Switch user": the sign-in screen then preselects nobody. */
export const switching = signal(false);
