/**
 * Strict number reading for annotation values. `Number()` would accept '', '0x1f' and ' ' and turn them
 * into numbers nobody wrote; an annotation is either a plain decimal number or it is reported.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Accepts digit groups written with `_` or `,` (e.g. 25_000_000), which people do write in YAML. */
const GROUPED = /^[+-]?\d{1,3}([_,]\d{3})+(\.\d+)?$/;

export type NumberReading =
  | { ok: true; value: number }
  | { ok: false; problem: string };

export function readNumber(raw: string): NumberReading {
  const text = raw.trim();
  if (text === '') {
    return { ok: false, problem: 'is empty; expected a number' };
  }
  let candidate = text;
  if (GROUPED.test(text)) {
    candidate = text.replace(/[_,]/g, '');
  }
  if (!DECIMAL.test(candidate)) {
    const unit = /^[+-]?\d+(\.\d+)?\s*[a-z%]+$/i.test(text)
      ? ' without a unit (the key already names it)'
      : '';
    return { ok: false, problem: `is not a number; write a plain number${unit}` };
  }
  const value = Number(candidate);
  if (!Number.isFinite(value)) {
    return { ok: false, problem: 'is too large to be a meaningful number' };
  }
  return { ok: true, value };
}
