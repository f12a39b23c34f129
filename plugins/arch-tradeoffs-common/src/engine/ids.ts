/**
 * Stable, URL-safe suggestion ids: the same component, rule and target give the same id in every
 * snapshot (so stored decisions stay attached), and ids travel in URLs without escaping entity refs.
 * The id is part of stored data: its derivation must never change (ids.test.ts pins it).
 */

const FNV_PRIME = 0x01000193;
const PIPE = 0x7c;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;

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

/** The two running FNV-1a hashes of the key, advanced one part at a time. */
let hashA = 0;
let hashB = 0;

/** Advances both hashes over `text`, then over the `|` that ends a part when `separator` is set. */
function mix(text: string, separator: boolean): void {
  let a = hashA;
  let b = hashB;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, FNV_PRIME);
  }
  if (separator) {
    a = Math.imul(a ^ PIPE, FNV_PRIME);
    b = Math.imul(b ^ PIPE, FNV_PRIME);
  }
  hashA = a;
  hashB = b;
}

/**
 * Advances both hashes over `lower-case(entityRef)|`. ASCII is folded while hashing; a ref with any
 * other character is lower-cased by `toLowerCase` (whose rules beyond ASCII are not one-for-one).
 */
function mixRef(entityRef: string): void {
  let a = hashA;
  let b = hashB;
  for (let i = 0; i < entityRef.length; i++) {
    let c = entityRef.charCodeAt(i);
    if (c >= 0x80) {
      mix(entityRef.toLowerCase(), true);
      return;
    }
    if (c >= UPPER_A && c <= UPPER_Z) c += 0x20;
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, FNV_PRIME);
  }
  hashA = Math.imul(a ^ PIPE, FNV_PRIME);
  hashB = Math.imul(b ^ PIPE, FNV_PRIME);
}

/**
 * `sg-` + 16 hex characters: two 32-bit FNV-1a hashes (offset bases 0x811c9dc5 and 0x050c5d1f) of
 * `lower-case(entityRef)|rule|targetModel|targetPlatform`. The key is hashed part by part rather than
 * built: every suggestion of every refresh gets an id, and the joined, lower-cased copy cost more than
 * the hashing.
 * @public
 */
export function suggestionId(
  entityRef: string,
  rule: string,
  targetModel: string,
  targetPlatform: string,
): string {
  hashA = 0x811c9dc5;
  hashB = 0x050c5d1f;
  mixRef(entityRef);
  mix(rule, true);
  mix(targetModel, true);
  mix(targetPlatform, false);
  return `sg-${hex8(hashA >>> 0)}${hex8(hashB >>> 0)}`;
}
