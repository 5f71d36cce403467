// The folder boundaries of the architecture are lint rules; these tests feed
// ESLint deliberate violations and prove that each one fails the lint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'fatal');
}

test('shared/ may not import Node, Electron, the main process or the renderer', async () => {
  for (const source of [
    'node:fs',
    'fs',
    'electron',
    '../electron/app/start-core.ts',
    '../renderer/main.tsx',
  ]) {
    const ids = await ruleIds(
      'shared/violation.ts',
      `import x from '${source}';\nexport default x;\n`,
    );
    assert.ok(ids.includes('no-restricted-imports'), `${source}: ${ids.join(', ')}`);
  }
});

test('shared/ may not read the clock, make random ids or touch the DOM', async () => {
  assert.ok(
    (await ruleIds('shared/v.ts', 'export const t = Date.now();\n')).includes(
      'no-restricted-properties',
    ),
  );
  assert.ok(
    (await ruleIds('shared/v.ts', 'export const r = Math.random();\n')).includes(
      'no-restricted-properties',
    ),
  );
  assert.ok(
    (await ruleIds('shared/v.ts', 'export const d = new Date();\n')).includes(
      'no-restricted-syntax',
    ),
  );
  assert.ok(
    (await ruleIds('shared/v.ts', 'export const w = window.location;\n')).includes(
      'no-restricted-globals',
    ),
  );
});

test('only shared/money.ts imports big.js', async () => {
  const code = "import Big from 'big.js';\nexport const x = new Big(1);\n";
  assert.ok((await ruleIds('shared/ledger/v.ts', code)).includes('no-restricted-syntax'));
  assert.ok((await ruleIds('renderer/v.ts', code)).includes('no-restricted-syntax'));
  assert.ok((await ruleIds('electron/v.ts', code)).includes('no-restricted-syntax'));
  assert.ok(!(await ruleIds('shared/money.ts', code)).includes('no-restricted-syntax'));
});

test('renderer/ may not import the main process, Electron or Node', async () => {
  for (const source of ['../electron/app/start-core.ts', 'electron', 'node:path']) {
    const ids = await ruleIds(
      'renderer/violation.ts',
      `import x from '${source}';\nexport default x;\n`,
    );
    assert.ok(ids.includes('no-restricted-imports'), `${source}: ${ids.join(', ')}`);
  }
});

test('allowed imports pass: shared/ from shared/, renderer/ from shared/', async () => {
  assert.deepEqual(
    await ruleIds(
      'shared/contract/v.ts',
      "import { ok } from './result.ts';\nexport const y = ok(1);\n",
    ),
    [],
  );
  assert.deepEqual(
    await ruleIds(
      'renderer/v.ts',
      "import { ok } from '../shared/contract/result.ts';\nexport const y = ok(1);\n",
    ),
    [],
  );
});
