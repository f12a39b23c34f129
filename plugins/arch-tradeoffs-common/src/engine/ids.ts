/**
 * Stable, URL-safe suggestion ids: the same component, rule and target give the same id in every
 * snapshot (so stored decisions stay attached), and ids travel in URLs without escaping entity refs.
 * The id is part of stored data: its derivation must never change (ids.test.ts pins it).
 */

const FNV_PRIME = 0x01000193;

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
 * `lower-case(entityRef)|rule|targetModel|targetPlatform`, taken in one pass over the key.
 * @public
 */
export function suggestionId(
  entityRef: string,
  rule: string,
  targetModel: string,
  targetPlatform: string,
): string {
  const key = `${entityRef.toLowerCase()}|${rule}|${targetModel}|${targetPlatform}`;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, FNV_PRIME);
  }
  return `sg-${hex8(a >>> 0)}${hex8(b >>> 0)}`;
}
