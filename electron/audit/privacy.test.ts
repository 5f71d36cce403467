// Privacy of logs: no patient names or amounts reach a log. The app's code has
// one logging call (the dispatcher's, for a handler that threw), and it logs
// the operation and the kind of error only — never the error's message, which
// may quote what the person typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../ops/dispatcher.ts';
import { operationHandlers, type OperationHandlers } from '../ops/handlers/index.ts';
import type { OperationContext } from '../ops/context.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !/\.(test|bench)\.tsx?$/.test(path) && !/\/testing\//.test(path));
}

test('the only logging call in the app (main process, shared, renderer) is the dispatcher’s', () => {
  const calls = ['electron', 'shared', 'renderer'].flatMap((folder) =>
    sources(folder).flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /\bconsole\.(log|info|warn|error|debug|trace)\b/.test(line)
            ? [`${path}:${index + 1}`]
            : [],
        ),
    ),
  );
  assert.deepEqual(
    calls.map((call) => call.replace(/:\d+$/, '')),
    ['electron/ops/dispatcher.ts'],
  );
});

test('a handler that throws with patient data in its message logs the operation and error kind only', async () => {
  const logged: string[] = [];
  const throwing: OperationHandlers = {
    ...operationHandlers,
    addPatient: () => {
      throw new TypeError('could not save Zoë Nguyen, balance 120.00');
    },
  };
  const ctx = {
    auth: { current: () => ({ id: 'rex', role: 'reception' }) },
  } as unknown as OperationContext;
  const dispatch = createDispatcher(ctx, throwing, (message) => logged.push(message));
  const result = await dispatch('addPatient', { firstName: 'Zoë', lastName: 'Nguyen' });
  assert.equal(!result.ok && result.error.code, 'internal');
  assert.deepEqual(logged, ['operation addPatient failed: TypeError']);
});
