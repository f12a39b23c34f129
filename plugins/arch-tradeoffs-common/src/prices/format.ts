/**
 * Cheap number formatting for `detail` strings and money. Intl / toLocaleString cost microseconds per
 * call, far too much for the bulk assessment path, so these build the text by hand.
 */

/** @internal Two decimals with thousands separators, without Intl (it is slow in hot loops). */
export function formatFixed2(x: number): string {
  const negative = x < 0;
  const cents = Math.round(Math.abs(x) * 100);
  if (!Number.isFinite(cents)) return String(x);
  const whole = Math.floor(cents / 100);
  const frac = cents - whole * 100;
  return `${negative && cents > 0 ? '-' : ''}${groupThousands(whole)}.${frac < 10 ? '0' : ''}${frac}`;
}

/** @internal Integer with thousands separators. */
export function groupThousands(n: number): string {
  if (n < 1000) return String(n);
  if (n >= 1e21) return n.toExponential(3);
  let s = String(n);
  let out = '';
  while (s.length > 3) {
    out = `,${s.slice(s.length - 3)}${out}`;
    s = s.slice(0, s.length - 3);
  }
  return s + out;
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000];

/** `n / 10^decimals` as text with trailing zeros dropped, from an integer `n` (no float printing). */
function scaled(n: number, decimals: number): string {
  if (decimals === 0) return String(n);
  const negative = n < 0;
  const a = negative ? -n : n;
  const div = POWERS_OF_TEN[decimals];
  const whole = Math.floor(a / div);
  let frac = a - whole * div;
  if (frac === 0) return `${negative ? '-' : ''}${whole}`;
  let digits = decimals;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  let fracText = String(frac);
  while (fracText.length < digits) fracText = `0${fracText}`;
  return `${negative ? '-' : ''}${whole}.${fracText}`;
}

/**
 * @internal A number rounded to about three significant digits, as short text. Built from integers:
 * printing a double (shortest round-trip) is several times slower than printing an integer.
 */
function short(x: number): string {
  const a = Math.abs(x);
  if (a >= 100) return String(Math.round(x));
  if (a >= 10) return scaled(Math.round(x * 10), 1);
  if (a >= 1) return scaled(Math.round(x * 100), 2);
  if (a >= 0.001) return scaled(Math.round(x * 10000), 4);
  if (a === 0) return '0';
  return x.toExponential(1);
}

/**
 * @public Compact quantity for arithmetic in `detail` strings: `950`, `12.5k`, `25M`, `1.5B`, `3.2T`.
 */
export function formatQuantity(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a < 1000) return short(n);
  if (a < 1e6) return `${short(n / 1e3)}k`;
  if (a < 1e9) return `${short(n / 1e6)}M`;
  if (a < 1e12) return `${short(n / 1e9)}B`;
  return `${short(n / 1e12)}T`;
}

/** @public Megabytes as a whole number with thousands separators: `1,024`. */
export function formatMb(mb: number): string {
  if (!Number.isFinite(mb)) return String(mb);
  return groupThousands(Math.round(mb));
}
