/**
 * Stable, URL-safe suggestion ids: the same component, rule and target give the same id in every
 * snapshot (so stored decisions stay attached), and ids travel in URLs without escaping entity refs.
 * The id is part of stored data: its derivation must never change (ids.test.ts pins it).
 */

const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of the UTF-16 code units of `text`, from `offsetBasis`, as 8 hex digits. */
function fnv1a(text: string, offsetBasis: number): string {
  let hash = offsetBasis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * `sg-` + 16 hex digits: two 32-bit FNV-1a hashes (offset bases 0x811c9dc5 and 0x050c5d1f) of
 * `lower-case(entityRef)|rule|targetModel|targetPlatform`. Entity refs compare case-insensitively in
 * Backstage, hence the lower case.
 * @public
 */
export function suggestionId(
  entityRef: string,
  rule: string,
  targetModel: string,
  targetPlatform: string,
): string {
  const key = `${entityRef.toLowerCase()}|${rule}|${targetModel}|${targetPlatform}`;
  return `sg-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}`;
}
