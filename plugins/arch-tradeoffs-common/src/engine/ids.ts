/**
 * Stable, URL-safe suggestion ids: the same component, rule and target give the same id in every
 * snapshot (so stored decisions stay attached), and ids travel in URLs without escaping entity refs.
 */

/** 32-bit FNV-1a of a string with a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const HEX = '0123456789abcdef';

function hex8(n: number): string {
  let out = '';
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(n >>> shift) & 15];
  return out;
}

/**
 * `sg-` + 16 hex characters from two FNV-1a hashes of `entityRef|rule|targetModel|targetPlatform`.
 * @public
 */
export function suggestionId(
  entityRef: string,
  rule: string,
  targetModel: string,
  targetPlatform: string,
): string {
  const key = `${entityRef.toLowerCase()}|${rule}|${targetModel}|${targetPlatform}`;
  return `sg-${hex8(fnv1a(key, 0x811c9dc5))}${hex8(fnv1a(key, 0x050c5d1f))}`;
}
