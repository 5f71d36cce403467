// The port watcher counts the main process's "desk is locked" refusals and
// passes every message on unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoragePort } from '../../../shared/contract/storage-port.ts';
import { DESK_LOCKED } from '../../../shared/contract/storage-refusal.ts';
import { deskLockedSeen, watchDeskLocked } from './desk-locked-watch.ts';

test('a locked-desk refusal is counted; every message still reaches the listener', () => {
  let deliver: (message: unknown) => void = () => undefined;
  const posted: unknown[] = [];
  const port: StoragePort = {
    post: (message) => posted.push(message),
    subscribe(listener) {
      deliver = listener;
      return () => undefined;
    },
  };
  const received: unknown[] = [];
  const watched = watchDeskLocked(port);
  watched.subscribe((message) => received.push(message));
  watched.post({ method: 'query' });
  const before = deskLockedSeen.value;
  const documents = { answerTo: '1', return: { documents: [] } };
  const refusal = { answerTo: '2', error: { name: DESK_LOCKED, message: 'locked' } };
  const otherError = { answerTo: '3', error: { name: 'RendererWriteRefused' } };
  deliver(documents);
  deliver(refusal);
  deliver(otherError);
  assert.equal(deskLockedSeen.value, before + 1);
  assert.deepEqual(received, [documents, refusal, otherError]);
  assert.deepEqual(posted, [{ method: 'query' }]);
});
