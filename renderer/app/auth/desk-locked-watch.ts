// The main process refuses the page's reads while the desk is locked (see
// shared/contract/storage-refusal.ts). Such a refusal means the desk locked
// itself (or another window locked it) before this page noticed: the gate
// then asks the main process again at once, rather than at its next check.
import { signal } from '@preact/signals';
import type { StoragePort } from '../../../shared/contract/storage-port.ts';
import { isDeskLockedAnswer } from '../../../shared/contract/storage-refusal.ts';

/** Counts the refusals seen; the gate re-asks who is signed in when it changes. */
export const deskLockedSeen = signal(0);

/** The same port, watching what comes back for the refusal. */
export function watchDeskLocked(port: StoragePort): StoragePort {
  return {
    post: (message) => port.post(message),
    subscribe(listener) {
      return port.subscribe((message) => {
        if (isDeskLockedAnswer(message)) deskLockedSeen.value += 1;
        listener(message);
      });
    },
  };
}
