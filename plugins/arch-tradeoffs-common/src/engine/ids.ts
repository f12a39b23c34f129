/**
 * Stable, URL-safe suggestion ids: the same component, rule and target give the same id in every
 * snapshot (so stored decisions stay attached), and ids travel in URLs without escaping entity refs.
 * The id is part of stored data: its derivation must never change (ids.test.ts pins it).
 */

const FNV_PRIME = 0x01000193;
const BASIS_A = 0x811c9dc5;
const BASIS_B = 0x050c5d1f;

/** The two running hashes (module scratch: an id is computed for every suggestion of every refresh). */
let hashA = 0;
let hashB = 0;

/**
 * Feeds `text` to both FNV-1a hashes, lower-casing ASCII letters when `lower`. Returns false when the
 * text has a non-ASCII character (whose lower case may differ in length) so the caller can feed
 * `toLowerCase()` instead.
 */
function feed(text: string, lower: boolean): boolean {
  let a = hashA;
  let b = hashB;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c > 0x7f && lower) return false;
    if (lower && c >= 0x41 && c <= 0x5a) c += 0x20;
    a = Math.imul(a ^ c, FNV_PRIME) >>> 0;
    b = Math.imul(b ^ c, FNV_PRIME) >>> 0;
  }
  hashA = a;
  hashB = b;
  return true;
}

/** Every byte as two hex digits. */
const HEX_PAIRS = Array.from({ length: 256 }, (_, n) =>
  n.toString(16).padStart(2, '0'),
);

function hex8(n: number): string {
  return (
    HEX_PAIRS[n >>> 24] +
    HEX_PAIRS[(n >>> 16) & 0xff] +
    HEX_PAIRS[(n >>> 8) & 0xff] +
    HEX_PAIRS[n & 0xff]
  );
}

/**
 * `sg-` + 16 hex characters: two 32-bit FNV-1a hashes (offset bases 0x811c9dc5 and 0x050c5d1f) of
 * `lower-case(entityRef)|rule|targetModel|targetPlatform`, computed in one pass without building that
 * text.
 * @public
 */
export function suggestionId(
  entityRef: string,
  rule: string,
  targetModel: string,
  targetPlatform: string,
): string {
  hashA = BASIS_A;
  hashB = BASIS_B;
  if (!feed(entityRef, true)) {
    hashA = BASIS_A;
    hashB = BASIS_B;
    feed(entityRef.toLowerCase(), false);
  }
  feed('|', false);
  feed(rule, false);
  feed('|', false);
  feed(targetModel, false);
  feed('|', false);
  feed(targetPlatform, false);
  return `sg-${hex8(hashA)}${hex8(hashB)}`;
}
