import fc from 'fast-check';
import { suggestionId } from './ids';

/** The id's definition, written the plain way: the fast implementation must agree with it exactly. */
function reference(ref: string, rule: string, model: string, platform: string) {
  const key = `${ref.toLowerCase()}|${rule}|${model}|${platform}`;
  const fnv = (basis: number) => {
    let hash = basis >>> 0;
    for (let i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return `sg-${fnv(0x811c9dc5)}${fnv(0x050c5d1f)}`;
}

describe('suggestionId', () => {
  it('is pinned: stored decisions are keyed by it, so it never changes', () => {
    expect(
      suggestionId(
        'Component:Default/Payments-API',
        'idle-always-on-to-on-demand',
        'on-demand',
        'aws-lambda',
      ),
    ).toBe('sg-8c03661618c4492c');
  });

  it('equals the plain definition for any text, upper case and non-ASCII included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string(),
        fc.string(),
        fc.string(),
        (ref, rule, model, platform) => {
          expect(suggestionId(ref, rule, model, platform)).toBe(
            reference(ref, rule, model, platform),
          );
        },
      ),
      { numRuns: 5000 },
    );
    // Entity refs from the characters around the ASCII case boundaries (random code points seldom hit
    // them), mixed with some whose lower case is not one character for one.
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'@AMZ[`amz{-:/0İßΣ'.split('')),
          maxLength: 40,
        }),
        ref => {
          expect(suggestionId(ref, 'r', 'm', 'p')).toBe(
            reference(ref, 'r', 'm', 'p'),
          );
        },
      ),
      { numRuns: 2000 },
    );
    // Characters whose lower case is longer than they are.
    expect(suggestionId('component:default/İSTANBUL', 'r', 'm', 'p')).toBe(
      reference('component:default/İSTANBUL', 'r', 'm', 'p'),
    );
  });
});
