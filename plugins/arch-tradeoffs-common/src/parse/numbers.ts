/**
 * Strict number reading for annotation values. `Number()` would accept '', '0x1f' and ' ' and turn them
 * into numbers nobody wrote; an annotation is either a plain decimal number or it is reported.
 *
 * The accepted language is `DECIMAL` below. The common case is read by `decimalValue`, a character
 * scan that accepts exactly the same strings (the regex stays as its specification, and for the
 * diagnostic path): the parser reads half a dozen numbers per component on every refresh, and a
 * regex match plus `Number()` cost several times the scan.
 */
export const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Accepts digit groups written with `_` or `,` (e.g. 25_000_000), which people do write in YAML. */
const GROUPED = /^[+-]?\d{1,3}([_,]\d{3})+(\.\d+)?$/;

/** A number followed by a unit, e.g. `512Mi`, `30s`: worth a hint in the diagnostic. */
const WITH_UNIT = /^[+-]?\d+(\.\d+)?\s*[a-z%]+$/i;

const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const LOWER_E = 0x65;

/** Powers of ten that are exact doubles (10^0 … 10^15). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Most significant digits whose integer is always exact in a double (10^15 < 2^53). */
const EXACT_DIGITS = 15;

/**
 * The value of `text` when it matches `DECIMAL`, NaN when it does not: an optional sign, digits with
 * an optional fraction (or a fraction alone), then an optional exponent (`e` or `E`, optional sign,
 * digits). A character scan that accepts exactly the regex's strings.
 *
 * The value is `Number(text)`, computed on the way for the usual short numbers: with at most 15
 * digits and no exponent, the digits form an exact integer and the power of ten is exact, so one
 * division is correctly rounded (Clinger's fast path), which is exactly what `Number` returns.
 */
export function decimalValue(text: string): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0) {
    const sign = text.charCodeAt(0);
    if (sign === PLUS || sign === MINUS) {
      negative = sign === MINUS;
      i = 1;
    }
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) break;
    mantissa = mantissa * 10 + digit;
    digits++;
  }
  if (i < n && text.charCodeAt(i) === DOT) {
    for (i++; i < n; i++) {
      const digit = text.charCodeAt(i) - ZERO;
      if (digit < 0 || digit > 9) break;
      mantissa = mantissa * 10 + digit;
      fractionDigits++;
    }
    digits += fractionDigits;
  }
  // `.` needs a digit on one side: `5.` and `.5` are numbers, `.` is not.
  if (digits === 0) return NaN;
  if (i === n) {
    if (digits > EXACT_DIGITS) return Number(text);
    const value =
      fractionDigits > 0
        ? mantissa / EXACT_POWERS_OF_TEN[fractionDigits]
        : mantissa;
    return negative ? -value : value;
  }
  // `| 0x20` folds `E` onto `e` (no other character maps there).
  if ((text.charCodeAt(i) | 0x20) !== LOWER_E) return NaN;
  i++;
  if (i < n) {
    const sign = text.charCodeAt(i);
    if (sign === PLUS || sign === MINUS) i++;
  }
  const exponentStart = i;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) break;
  }
  if (i === exponentStart || i !== n) return NaN;
  return Number(text);
}

/**
 * The value of an annotation written as a plain decimal number (digit groups allowed), or undefined
 * when it is not one; {@link numberProblem} then says why. Split from the message so that the common
 * case, a valid number, allocates nothing.
 */
export function plainNumber(raw: string): number | undefined {
  const text = raw.trim();
  // DECIMAL and GROUPED exclude each other (only GROUPED allows `_` and `,`): test the usual one first.
  let value = decimalValue(text);
  if (Number.isNaN(value)) {
    if (!GROUPED.test(text)) return undefined;
    value = Number(text.replace(/[_,]/g, ''));
  }
  return Number.isFinite(value) ? value : undefined;
}

/** Why `raw` is not a plain number, for a value {@link plainNumber} rejected. */
export function numberProblem(raw: string): string {
  const text = raw.trim();
  if (text === '') return 'is empty; expected a number';
  if (DECIMAL.test(text) || GROUPED.test(text))
    return 'is too large to be a meaningful number';
  const unit = WITH_UNIT.test(text)
    ? ' without a unit (the key already names it)'
    : '';
  return `is not a number; write a plain number${unit}`;
}
