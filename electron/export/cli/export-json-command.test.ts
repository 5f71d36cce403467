// `npm run cli -- export-json`, as an administrator would run it on a closed desk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCore } from '../../app/start-core.ts';
import { TEST_MANAGER } from '../../auth/testing/test-staff.ts';

const cliScript = fileURLToPath(new URL('../../../scripts/cli.ts', import.meta.url));

test('export-json writes every document of a closed desk to one file; usage errors exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'punchcard-export-json-cli-'));
  try {
    const data = join(dir, 'data');
    const core = await startCore({
      dataDirectory: data,
      storageKind: 'sqlite',
      devMode: false,
      appVersion: '0.0.0-test',
      deskId: 'desk-cli',
      devStaff: TEST_MANAGER,
    });
    await core.dispatch('addPatient', { firstName: 'Mary', lastName: 'Seacole' });
    await core.close();

    const out = join(dir, 'out');
    const { stdout } = await promisify(execFile)(process.execPath, [
      cliScript,
      'export-json',
      '--data',
      data,
      '--out',
      out,
    ]);
    const [name] = readdirSync(out);
    assert.match(name ?? '', /^punchcard-export-desk-cli-\d{8}T\d{6}Z\.json$/);
    assert.match(stdout, /Exported \d+ documents to /);
    const dump = JSON.parse(readFileSync(join(out, name!), 'utf8')) as {
      appVersion: string;
      collections: { name: string; docs: { lastName?: string }[] }[];
    };
    assert.match(dump.appVersion, /^\d+\.\d+\.\d+/);
    const patients = dump.collections.find((collection) => collection.name === 'patients');
    assert.deepEqual(
      patients?.docs.map((doc) => doc.lastName),
      ['Seacole'],
    );

    const missing = await promisify(execFile)(process.execPath, [cliScript, 'export-json']).then(
      () => 0,
      (error: { code: number }) => error.code,
    );
    assert.equal(missing, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
