import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  add,
  abs,
  allocate,
  compare,
  formatMoney,
  isCanonicalAmount,
  isNegative,
  isPositive,
  isZero,
  maxAmount,
  minAmount,
  minorUnitsOf,
  MoneyError,
  multiplyAmount,
  negate,
  parseAmount,
  subtract,
  sumAmounts,
  toAmount,
  zeroAmount,
} from './money.ts';

describe('parseAmount', () => {
  test('accepts decimal strings and pads them to the currency', () => {
    assert.deepEqual(parseAmount('12.5', 'AUD'), { ok: true, amount: '12.50' });
    assert.deepEqual(parseAmount('12', 'AUD'), { ok: true, amount: '12.00' });
    assert.deepEqual(parseAmount('0', 'USD'), { ok: true, amount: '0.00' });
    assert.deepEqual(parseAmount('-3.1', 'GBP'), { ok: true, amount: '-3.10' });
    assert.deepEqual(parseAmount('-0', 'GBP'), { ok: true, amount: '0.00' });
    assert.deepEqual(parseAmount('1200', 'JPY'), { ok: true, amount: '1200' });
    assert.deepEqual(parseAmount('1.25', 'KWD'), { ok: true, amount: '1.250' });
    assert.deepEqual(parseAmount('1.5', 'XTS'), { ok: true, amount: '1.50' });
    assert.deepEqual(parseAmount('123456789012345678901234.99', 'AUD'), {
      ok: true,
      amount: '123456789012345678901234.99',
    });
  });

  const refused: [unknown, string, string][] = [
    ['', 'AUD', 'empty'],
    ['1e3', 'AUD', 'exponent'],
    ['1.5E2', 'AUD', 'exponent'],
    ['12.345', 'AUD', 'too-many-decimals'],
    ['12.5', 'JPY', 'too-many-decimals'],
    ['1.2345', 'BHD', 'too-many-decimals'],
    ['12,50', 'EUR', 'comma'],
    ['1,000.00', 'AUD', 'comma'],
    ['NaN', 'AUD', 'not-a-number'],
    ['Infinity', 'AUD', 'not-a-number'],
    [12.5, 'AUD', 'not-a-string'],
    [Number.NaN, 'AUD', 'not-a-string'],
    [null, 'AUD', 'not-a-string'],
    [undefined, 'AUD', 'not-a-string'],
    ['+5', 'AUD', 'plus-sign'],
    [' 5', 'AUD', 'whitespace'],
    ['5 ', 'AUD', 'whitespace'],
    ['1 000', 'AUD', 'whitespace'],
    ['.5', 'AUD', 'malformed'],
    ['5.', 'AUD', 'malformed'],
    ['$5', 'AUD', 'malformed'],
    ['0x10', 'AUD', 'malformed'],
    ['--5', 'AUD', 'malformed'],
    ['abc', 'AUD', 'malformed'],
  ];
  for (const [input, currency, code] of refused) {
    test(`refuses ${typeof input === 'string' ? JSON.stringify(input) : String(input)} in ${currency} (${code})`, () => {
      const result = parseAmount(input, currency);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.error.code, code);
        assert.ok(result.error.message.length > 0);
      }
    });
  }

  test('messages name the problem', () => {
    const result = parseAmount('12.345', 'AUD');
    assert.ok(!result.ok && result.error.message === '"12.345" has 3 decimal places; AUD allows 2');
  });

  test('toAmount throws a typed MoneyError', () => {
    assert.equal(toAmount('7', 'AUD'), '7.00');
    assert.throws(
      () => toAmount('1e3', 'AUD'),
      (error: unknown) => error instanceof MoneyError && error.code === 'exponent',
    );
  });

  test('isCanonicalAmount', () => {
    assert.equal(isCanonicalAmount('12.50', 'AUD'), true);
    assert.equal(isCanonicalAmount('12.5', 'AUD'), false);
    assert.equal(isCanonicalAmount('-0.00', 'AUD'), false);
    assert.equal(isCanonicalAmount(12.5, 'AUD'), false);
  });
});

describe('arithmetic', () => {
  test('minor units', () => {
    assert.equal(minorUnitsOf('AUD'), 2);
    assert.equal(minorUnitsOf('jpy'), 0);
    assert.equal(minorUnitsOf('KRW'), 0);
    assert.equal(minorUnitsOf('BHD'), 3);
    assert.equal(minorUnitsOf('KWD'), 3);
    assert.equal(minorUnitsOf('ZZZ'), 2);
    assert.equal(zeroAmount('AUD'), '0.00');
    assert.equal(zeroAmount('JPY'), '0');
  });

  test('add, subtract, negate keep the scale and never show -0', () => {
    assert.equal(add('0.10', '0.20'), '0.30');
    assert.equal(subtract('10.00', '10.00'), '0.00');
    assert.equal(subtract('1.00', '2.50'), '-1.50');
    assert.equal(negate('0.00'), '0.00');
    assert.equal(negate('4.20'), '-4.20');
    assert.equal(abs('-4.20'), '4.20');
    assert.equal(multiplyAmount('71.43', 7), '500.01');
    assert.equal(multiplyAmount('1.00', -2), '-2.00');
    assert.equal(sumAmounts(['1.00', '2.25', '-0.25'], 'AUD'), '3.00');
    assert.equal(sumAmounts([], 'AUD'), '0.00');
  });

  test('comparisons', () => {
    assert.equal(compare('2.00', '10.00'), -1);
    assert.equal(compare('10.00', '10.0'), 0);
    assert.equal(compare('-1.00', '-2.00'), 1);
    assert.equal(isZero('0.00'), true);
    assert.equal(isNegative('-0.01'), true);
    assert.equal(isNegative('0.00'), false);
    assert.equal(isPositive('0.01'), true);
    assert.equal(minAmount('3.00', '2.00'), '2.00');
    assert.equal(maxAmount('3.00', '2.00'), '3.00');
  });

  test('operations refuse what is not a decimal string', () => {
    assert.throws(() => add('1e3', '1.00'), MoneyError);
    assert.throws(() => add(5 as unknown as string, '1.00'), MoneyError);
  });
});

describe('allocate', () => {
  test('a 7-session package of 500.00', () => {
    const shares = allocate('500.00', 7);
    assert.deepEqual(shares, ['71.43', '71.43', '71.43', '71.43', '71.43', '71.43', '71.42']);
    assert.equal(sumAmounts(shares, 'AUD'), '500.00');
  });

  test('zero-decimal and three-decimal currencies, negative amounts', () => {
    assert.deepEqual(allocate('100', 3), ['34', '33', '33']);
    assert.deepEqual(allocate('1.000', 3), ['0.334', '0.333', '0.333']);
    assert.deepEqual(allocate('-0.05', 2), ['-0.03', '-0.02']);
    assert.deepEqual(allocate('0.00', 2), ['0.00', '0.00']);
    assert.throws(() => allocate('1.00', 0), RangeError);
  });

  const minorAmount = fc
    .bigInt({ min: -(10n ** 15n), max: 10n ** 15n })
    .map((minor) =>
      add(
        '0.00',
        `${minor < 0n ? '-' : ''}${abs0(minor) / 100n}.${String(abs0(minor) % 100n).padStart(2, '0')}`,
      ),
    );

  test('property: shares sum exactly and differ by at most one minor unit', () => {
    fc.assert(
      fc.property(minorAmount, fc.integer({ min: 1, max: 60 }), (amount, parts) => {
        const shares = allocate(amount, parts);
        assert.equal(shares.length, parts);
        assert.equal(compare(sumAmounts(shares, 'AUD'), amount), 0);
        let low = shares[0] ?? '0.00';
        let high = low;
        for (const share of shares) {
          low = minAmount(low, share);
          high = maxAmount(high, share);
        }
        assert.ok(compare(subtract(high, low), '0.01') <= 0);
      }),
    );
  });

  test('property: add and subtract round-trip', () => {
    fc.assert(
      fc.property(minorAmount, minorAmount, (a, b) => {
        assert.equal(subtract(add(a, b), b), a);
        assert.equal(add(subtract(a, b), b), a);
        assert.equal(add(a, negate(a)), '0.00');
        assert.equal(compare(a, b), -compare(b, a) || 0);
      }),
    );
  });
});

function abs0(value: bigint): bigint {
  return value < 0n ? -value : value;
}

describe('formatMoney', () => {
  test('formats for the locale and currency', () => {
    assert.equal(formatMoney('1234.50', 'AUD', 'en-AU'), '$1,234.50');
    assert.equal(formatMoney('-12.00', 'USD', 'en-US'), '-$12.00');
    assert.equal(formatMoney('1200', 'JPY', 'en-US'), '¥1,200');
    assert.equal(formatMoney('1.250', 'KWD', 'en-US'), 'KWD\u00a01.250');
  });

  test('keeps every digit of amounts a JavaScript number cannot hold', () => {
    assert.equal(formatMoney('12345678901234567.89', 'AUD', 'en-AU'), '$12,345,678,901,234,567.89');
  });

  test('refuses what is not an amount', () => {
    assert.throws(() => formatMoney('abc', 'AUD', 'en-AU'), MoneyError);
  });
});
