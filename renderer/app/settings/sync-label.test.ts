import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syncBarText } from './sync-label.ts';
import type { SyncStatusView } from '../../../shared/contract/domains/sync.ts';

const view = (state: SyncStatusView['state'], extra: Partial<SyncStatusView> = {}) =>
  ({
    state,
    words: '',
    documents: null,
    pending: null,
    settings: { enabled: state !== 'off', serverUrl: '', databasePrefix: '' },
    credentialsSaved: true,
    ...extra,
  }) satisfies SyncStatusView;

test('the status bar says the sync state in a few words, errors with their reason', () => {
  assert.deepEqual(syncBarText(null), { text: 'Sync: off', warn: false });
  assert.equal(syncBarText(view('off')).text, 'Sync: off');
  assert.equal(syncBarText(view('offline')).text, 'Sync: offline');
  assert.equal(syncBarText(view('up-to-date')).text, 'Sync: up to date');
  assert.equal(
    syncBarText(view('syncing', { documents: 12, pending: 30 })).text,
    'Sync: syncing (12 done, 30 waiting)',
  );
  assert.deepEqual(
    syncBarText(
      view('error', { words: 'Sync error: The server refused the user name or password.' }),
    ),
    { text: 'Sync error: The server refused the user name or password.', warn: true },
  );
});
