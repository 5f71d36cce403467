// Hostile input: random and malformed arguments — wrong types, huge strings,
// prototype-pollution keys, deep nesting, numbers JSON cannot even carry — sent
// to EVERY operation of the contract through the dispatcher, as a compromised
// or broken renderer could send them. The core never crashes, never writes for
// a refused call, and always answers with a typed error a person can read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startCore, type Core } from '../app/start-core.ts';
import { OPERATION_NAMES, operationArgs } from '../../shared/contract/operations.ts';
import { OPERATION_ACCESS } from '../../shared/auth/operation-access.ts';
import { FAST_SCRYPT, TEST_MANAGER } from '../auth/testing/test-staff.ts';

const PIN = '2468';
let root = '';
let core: Core;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'punchcard-fuzz-'));
  core = await startCore({
    dataDirectory: join(root, 'data'),
    storageKind: 'memory',
    devMode: true,
    appVersion: '0.0.0-test',
    deskId: 'desk-1',
    ledger: { clinic: { delayMs: 0 } },
    scrypt: FAST_SCRYPT,
    devStaff: { ...TEST_MANAGER, pin: PIN },
  });
  // Something to point at, so ids in the fuzzed arguments can meet real documents.
  await core.dispatch('addPatient', { firstName: 'Ann', lastName: 'Lee' });
  await core.dispatch('saveService', { name: 'Physio', price: '80.00', durationMinutes: 30 });
});

after(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

async function counts(): Promise<number[]> {
  return Promise.all([
    core.db.journal.count().exec(),
    core.db.patients.count().exec(),
    core.db.catalog.count().exec(),
    core.db.appointments.count().exec(),
  ]);
}

/** Field names the contract uses anywhere: hostile objects use them to get past the first checks. */
const FIELD_NAMES = [
  ...new Set(
    Object.values(operationArgs).flatMap((schema) =>
      Object.keys((schema as unknown as { shape?: object }).shape ?? {}),
    ),
  ),
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '$where'];
const HUGE = 'x'.repeat(1_000_000);

const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', '80.00', '9'.repeat(400), HUGE, '\u0000'),
  fc.constantFrom('__proto__', '../../etc/passwd', 'C:\\Windows', '<script>x</script>'),
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);

const { value: hostile } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...FIELD_NAMES, ...HOSTILE_KEYS), fc.string()),
      tie('value'),
      { maxKeys: 6 },
    ),
    // A pollution attempt as JSON would deliver it: an own "__proto__" key.
    tie('value').map((inner) => JSON.parse(`{"__proto__": ${safeJson(inner)}, "polluted": true}`)),
  ),
}));

/** Deep nesting far beyond any real argument. */
const deep = fc.integer({ min: 100, max: 5000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { payer: value, lines: [value] };
  return value;
});

/**
 * Arguments with exactly the operation's own fields, holding hostile values:
 * these get past the shape checks to the rules and handlers behind them
 * (ids that name nothing, amounts that are not amounts, strings of a megabyte).
 */
function shaped(name: string): fc.Arbitrary<unknown> {
  const shape = (operationArgs[name as keyof typeof operationArgs] as unknown as { shape?: object })
    .shape;
  const keys = Object.keys(shape ?? {});
  if (keys.length === 0) return fc.constant({});
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: leaf },
    { weight: 1, arbitrary: hostile },
    {
      weight: 1,
      arbitrary: fc.constantFrom('01ARZ3NDEKTSV4RRFFQ69G5FAV', 'patient', 'cash', '12.50'),
    },
  );
  return fc.record(Object.fromEntries(keys.map((key) => [key, value])), {
    requiredKeys: [],
  });
}

const argsFor = (name: string) =>
  fc.oneof(
    { weight: 4, arbitrary: hostile },
    { weight: 4, arbitrary: shaped(name) },
    { weight: 1, arbitrary: deep },
  );

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

function assertTypedAnswer(name: string, result: unknown): void {
  assert.equal(typeof result, 'object', name);
  const answer = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  assert.equal(typeof answer.ok, 'boolean', name);
  if (answer.ok === false) {
    assert.equal(typeof answer.error?.code, 'string', name);
    assert.ok((answer.error?.code as string).length > 0, name);
    assert.equal(typeof answer.error?.message, 'string', name);
    assert.ok((answer.error?.message as string).length > 5, `${name}: a sentence`);
    // 'internal' means a handler threw: hostile input must be refused before that.
    assert.notEqual(answer.error?.code, 'internal', `${name} crashed on its input`);
  }
}

test('every operation, signed in as a manager, refuses hostile arguments with a typed error and writes nothing', async () => {
  const started = Date.now();
  for (const name of OPERATION_NAMES) {
    await fc.assert(
      fc.asyncProperty(argsFor(name), async (args) => {
        const before = await counts();
        const result = await core.dispatch(name, args);
        assertTypedAnswer(name, result);
        if (!result.ok) assert.deepEqual(await counts(), before, `${name} wrote on a refusal`);
        // `lock` is a valid call with any empty object: sign back in for the next one.
        if (!core.auth.current()) {
          assert.ok((await core.dispatch('signIn', { staffId: TEST_MANAGER.id, secret: PIN })).ok);
        }
      }),
      { numRuns: 200 },
    );
  }
  assert.equal(
    ({} as Record<string, unknown>)['polluted'],
    undefined,
    'Object.prototype untouched',
  );
  assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
});

test('with nobody signed in, every operation but the public ones refuses random arguments as not signed in', async () => {
  core.auth.lock();
  try {
    const before = await counts();
    for (const name of OPERATION_NAMES) {
      await fc.assert(
        fc.asyncProperty(hostile, async (args) => {
          const result = await core.dispatch(name, args);
          assertTypedAnswer(name, result);
          if (OPERATION_ACCESS[name].access !== 'public') {
            assert.equal(!result.ok && result.error.code, 'not-signed-in', name);
          }
        }),
        { numRuns: 10 },
      );
    }
    assert.deepEqual(await counts(), before);
  } finally {
    assert.ok((await core.dispatch('signIn', { staffId: TEST_MANAGER.id, secret: PIN })).ok);
  }
});

test('names that are not operations, and non-string names, are refused', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.string(),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
      ),
      hostile,
      async (name, args) => {
        fc.pre(!(OPERATION_NAMES as string[]).includes(name));
        const result = await core.dispatch(name, args);
        assert.equal(!result.ok && result.error.code, 'unknown-operation');
      },
    ),
    { numRuns: 200 },
  );
  for (const name of [undefined, null, 42, {}, ['appInfo']]) {
    const result = await core.dispatch(name as never, {});
    assert.equal(!result.ok && result.error.code, 'unknown-operation');
  }
});
