// `npm run cli -- export …` and `… report …` on a data directory holding the seeded
// scenario: the files match the golden ones; reports print; bad usage is explained.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../scripts/cli.ts';
import { startCore } from '../../app/start-core.ts';
import { seededScenario } from '../../../shared/reports/seeded-scenario.ts';

describe('cli export and report', () => {
  let dir: string;
  let data: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'punchcard-cli-reports-'));
    data = join(dir, 'data');
    const core = await startCore({
      dataDirectory: data,
      storageKind: 'sqlite',
      // Off as in the command line: dev mode, once on, applies to every database in the process.
      devMode: false,
      appVersion: '0.0.0-test',
      deskId: 'desk-1',
      now: () => new Date('2026-04-01T00:00:00.000Z'),
      ledger: { clinic: { delayMs: 0 } },
    });
    await core.db.journal.bulkInsert(seededScenario().entries);
    await core.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err };
  }

  test('export writes the same Xero manual journals as the golden file, twice', async () => {
    const target = join(dir, 'out');
    const args = [
      'export',
      '--data',
      data,
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--format',
      'xero-journals',
      '--out',
      target,
    ];
    const first = await cli(...args);
    assert.equal(first.code, 0, first.err.join('\n'));
    assert.match(first.out[0] ?? '', /^Exported: 15 entries/);
    const name = 'xero-journals-2026-03-01-to-2026-03-31.csv';
    assert.deepEqual(readdirSync(target), [name]);
    const golden = readFileSync(new URL('../golden/xero-journals.csv', import.meta.url), 'utf8');
    assert.equal(readFileSync(join(target, name), 'utf8'), golden);
    const second = await cli(...args);
    assert.match(second.out[0] ?? '', /^Exported again \(same files as before\)/);
    assert.equal(readFileSync(join(target, name), 'utf8'), golden);
  });

  test('report prints a table, or CSV', async () => {
    const table = await cli('report', 'deferred', '--data', data, '--at', '2026-03-31');
    assert.equal(table.code, 0, table.err.join('\n'));
    assert.match(table.out[0] ?? '', /Deferred revenue .* at 2026-03-31 \(AUD\)/);
    assert.ok(
      table.out.some((line) =>
        /^5 physio sessions\s+2026-03\s+1\s+3\s+240\.00\s+0\.00$/.test(line),
      ),
    );
    const csv = await cli(
      'report',
      'takings',
      '--data',
      data,
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-02',
      '--csv',
    );
    assert.equal(csv.out[0]?.split('\r\n')[0], 'Date,Desk,Method,Takings,Refunds,Reversals,Net');
  });

  test('wrong usage is explained with exit code 2', async () => {
    assert.equal((await cli('export', '--data', data, '--from', '2026-03-01')).code, 2);
    assert.equal(
      (
        await cli(
          'export',
          '--data',
          data,
          '--from',
          '2026-03-31',
          '--to',
          '2026-03-01',
          '--format',
          'xero-journals',
          '--out',
          dir,
        )
      ).code,
      2,
    );
    const wrong = await cli('report', 'nonsense', '--data', data);
    assert.equal(wrong.code, 2);
    assert.match(wrong.err[0] ?? '', /Name a report/);
    assert.equal((await cli('report', 'credit', '--data', join(dir, 'nowhere'))).code, 2);
  });
});
