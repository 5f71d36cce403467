import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backupFileName } from './file-name.ts';
import { DEFAULT_RETENTION, planRotation } from './rotation.ts';
import type { RetentionPolicy, RotationCandidate } from './rotation.ts';

const name = (iso: string, desk = 'd1', sequence = 0) =>
  backupFileName(desk, new Date(iso), sequence);

interface Case {
  readonly title: string;
  readonly files: readonly (string | RotationCandidate)[];
  readonly policy: RetentionPolicy;
  readonly timeZone?: string;
  readonly now?: string;
  readonly remove: readonly string[];
}

const small: RetentionPolicy = { daily: 2, weekly: 2, monthly: 2 };
const A = name('2026-11-21T21:00:00Z'); // Saturday, ISO week 47
const B = name('2026-11-21T09:00:00Z'); // same day, earlier
const C = name('2026-11-20T21:00:00Z');
const D = name('2026-11-19T21:00:00Z');
const E = name('2026-11-14T21:00:00Z'); // week 46
const F = name('2026-11-10T21:00:00Z'); // week 46, earlier
const G = name('2026-10-31T21:00:00Z'); // October, week 44
const H = name('2026-09-30T21:00:00Z'); // September

const cases: Case[] = [
  {
    title: 'newest per day, week and month within the limits',
    files: [A, B, C, D, E, F, G, H],
    policy: small,
    remove: [B, D, F, H],
  },
  {
    title: 'a zero policy still keeps the newest backup',
    files: [C, A, E],
    policy: { daily: 0, weekly: 0, monthly: 0 },
    remove: [C, E],
  },
  {
    title: 'days without backups (PC off) do not use up daily slots',
    files: [
      name('2026-11-20T21:00:00Z'),
      name('2026-11-10T21:00:00Z'),
      name('2026-11-01T21:00:00Z'),
    ],
    policy: { daily: 3, weekly: 0, monthly: 0 },
    remove: [],
  },
  {
    title: 'two backups in one second: the later sequence number is the newer',
    files: [name('2026-11-21T21:00:00Z', 'd1', 0), name('2026-11-21T21:00:00Z', 'd1', 1)],
    policy: { daily: 1, weekly: 0, monthly: 0 },
    remove: [name('2026-11-21T21:00:00Z', 'd1', 0)],
  },
  {
    title: 'days are the clinic’s local days, not UTC days',
    files: [name('2026-11-21T23:30:00Z'), name('2026-11-21T22:30:00Z')],
    policy: { daily: 2, weekly: 0, monthly: 0 },
    timeZone: 'Europe/Berlin', // 00:30 on the 22nd and 23:30 on the 21st
    remove: [],
  },
  {
    title: 'same instants in UTC fall on one day',
    files: [name('2026-11-21T23:30:00Z'), name('2026-11-21T22:30:00Z')],
    policy: { daily: 2, weekly: 0, monthly: 0 },
    remove: [name('2026-11-21T22:30:00Z')],
  },
  {
    title: 'foreign files, other desks and near-miss names are never touched',
    files: [
      A,
      C,
      'notes.txt',
      `.${C}.partial`,
      `${C}.bak`,
      C.replace('punchcard-', 'Punchcard-'),
      name('2026-11-19T21:00:00Z', 'other-desk'),
      'punchcard-d1-20261341T210000Z.pcbak',
      'punchcard-d1-20261119T2100Z.pcbak',
    ],
    policy: { daily: 1, weekly: 0, monthly: 0 },
    remove: [C],
  },
  {
    title: 'known-bad files neither fill a slot nor get deleted; the newest good one is kept',
    files: [{ name: A, good: false }, { name: C }, { name: D }],
    policy: { daily: 1, weekly: 0, monthly: 0 },
    remove: [D],
  },
  {
    title: 'files dated in the future (clock was wrong) are kept and do not fill slots',
    files: [name('2027-05-01T21:00:00Z'), A, C],
    policy: { daily: 1, weekly: 0, monthly: 0 },
    remove: [C],
  },
];

describe('planRotation', () => {
  for (const c of cases) {
    test(c.title, () => {
      const files = c.files.map((f) => (typeof f === 'string' ? { name: f } : f));
      const plan = planRotation({
        files,
        deskId: 'd1',
        policy: c.policy,
        timeZone: c.timeZone ?? 'UTC',
        now: new Date(c.now ?? '2026-11-22T08:00:00Z'),
      });
      assert.deepEqual([...plan.remove].sort(), [...c.remove].sort());
      // Everything of ours that is not removed is kept; foreign names appear in neither list.
      for (const removed of plan.remove) assert.ok(!plan.keep.includes(removed));
    });
  }

  test('default policy over two years of nightly backups keeps exactly 7 days, 4 weeks, 12 months', () => {
    const files: { name: string }[] = [];
    for (
      let t = Date.parse('2025-01-01T21:00:00Z');
      t <= Date.parse('2026-11-21T21:00:00Z');
      t += 86_400_000
    ) {
      files.push({ name: name(new Date(t).toISOString()) });
    }
    const plan = planRotation({
      files,
      deskId: 'd1',
      policy: DEFAULT_RETENTION,
      timeZone: 'UTC',
      now: new Date('2026-11-22T00:00:00Z'),
    });
    const days = (isoDates: string[]) => isoDates.map((d) => name(`${d}T21:00:00Z`));
    const expected = [
      ...days([
        '2026-11-21',
        '2026-11-20',
        '2026-11-19',
        '2026-11-18',
        '2026-11-17',
        '2026-11-16',
        '2026-11-15',
      ]), // 7 days
      ...days(['2026-11-08', '2026-11-01']), // newest of weeks 45 and 44 (47 and 46 already kept)
      ...days([
        '2026-10-31',
        '2026-09-30',
        '2026-08-31',
        '2026-07-31',
        '2026-06-30',
        '2026-05-31',
        '2026-04-30',
      ]),
      ...days(['2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31']), // month ends (November already kept)
    ];
    assert.deepEqual([...plan.keep].sort(), expected.sort());
    assert.equal(plan.keep.length + plan.remove.length, files.length);
  });
});
