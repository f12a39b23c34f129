import fc from 'fast-check';
import { DECIMAL, decimalValue, plainNumber } from './numbers';

/** What decimalValue must return: the regex (its specification) and then `Number`. */
const specified = (text: string) => (DECIMAL.test(text) ? Number(text) : NaN);

/** Strings made of the characters a decimal number is built from, so most are near misses. */
const numberish = fc
  .array(
    fc.constantFrom(
      ...'0123456789+-.eE'.split(''),
      '0',
      '9',
      '5',
      ' ',
      '_',
      ',',
      'x',
    ),
    { maxLength: 24 },
  )
  .map(chars => chars.join(''));

describe('decimalValue', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['+7', 7],
    ['5.', 5],
    ['.5', 0.5],
    ['0.1', 0.1],
    ['123.456', 123.456],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['999999999999999', 999999999999999],
    ['0.30000000000000004', 0.30000000000000004],
    ['1234567890123456789', 1234567890123456789],
  ])('reads %s as %d, as Number does', (text, value) => {
    expect(decimalValue(text)).toBe(value);
    expect(decimalValue(text)).toBe(Number(text));
  });

  it.each([
    '',
    '.',
    '+',
    '-',
    'e5',
    '1e',
    '1e+',
    '1.2.3',
    '0x1f',
    ' 1',
    '1 ',
    '1_000',
    'Infinity',
    'NaN',
  ])('rejects %j', text => {
    expect(decimalValue(text)).toBeNaN();
  });

  it('accepts exactly the strings DECIMAL accepts, with the value Number gives', () => {
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string()), text => {
        expect(Object.is(decimalValue(text), specified(text))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('agrees with Number on every double written out by JavaScript', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), x => {
        const text = String(x);
        expect(Object.is(decimalValue(text), Number(text))).toBe(true);
        const fixed = Math.abs(x) < 1e15 ? x.toFixed(6) : text;
        expect(Object.is(decimalValue(fixed), Number(fixed))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});

describe('plainNumber', () => {
  it('reads grouped digits and rejects what is not a finite number', () => {
    expect(plainNumber(' 1,250,000 ')).toBe(1250000);
    expect(plainNumber('2_000.5')).toBe(2000.5);
    expect(plainNumber('1e999')).toBeUndefined();
    expect(plainNumber('12ms')).toBeUndefined();
    expect(plainNumber('')).toBeUndefined();
  });
});
