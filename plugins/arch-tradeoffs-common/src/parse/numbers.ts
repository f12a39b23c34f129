/**
 * Strict number reading for annotation values. `Number()` would accept '', '0x1f' and ' ' and turn them
 * into numbers nobody wrote; an annotation is either a plain decimal number or it is reported.
 *
 * The accepted language is `DECIMAL` below.
 */
export const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Accepts digit groups written with `_` or `,` (e.g. 25_000_000), which people do write in YAML. */
const GROUPED = /^[+-]?\d{1,3}([_,]\d{3})+(\.\d+)?$/;

/** A number followed by a unit, e.g. `512Mi`, `30s`: worth a hint in the diagnostic. */
const WITH_UNIT = /^[+-]?\d+(\.\d+)?\s*[a-z%]+$/i;

/** The value of `text` when it matches {@link DECIMAL}, NaN when it does not. */
export function decimalValue(text: string): number {
  return DECIMAL.test(text) ? Number(text) : NaN;
}

/**
 * The value of an annotation written as a plain decimal number (digit groups allowed), or undefined
 * when it is not one; {@link numberProblem} then says why.
 */
export function plainNumber(raw: string): number | undefined {
  const text = raw.trim();
  // DECIMAL and GROUPED exclude each other (only GROUPED allows `_` and `,`).
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
