import fc from 'fast-check';
import { suggestionId } from './ids';

describe('suggestionId', () => {
  it('is pinned: stored decisions are keyed by it, so it never changes', () => {
    // Computed by the implementation that wrote the stored decisions (an earlier, hand-optimised
    // version of the same FNV-1a definition, checked equal to this one on 250,000 random inputs).
    const pinned: Array<[[string, string, string, string], string]> = [
      [['Component:Default/Payments-API', 'idle-always-on-to-on-demand', 'on-demand', 'aws-lambda'], 'sg-8c03661618c4492c'],
      [['component:default/İSTANBUL', 'r', 'm', 'p'], 'sg-25ee33ae53321848'],
      [['component:payments/ΣΙΓΜΑ-service', 'right-size-replicas', 'always-on', 'kubernetes'], 'sg-f2e5839b30b6a7dd'],
      [['component:default/x', 'cloud-run-billing-mode', 'always-on', 'gcp-cloud-run'], 'sg-a9c7ec9682207330'],
    ];
    for (const [args, id] of pinned) expect(suggestionId(...args)).toBe(id);
  });

  it('is URL-safe and ignores the case of the entity ref only', () => {
    // ASCII refs: beyond ASCII, upper- then lower-casing is not always the identity ('ß' → 'SS' → 'ss').
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        (ref, rule, model, platform) => {
          const id = suggestionId(ref, rule, model, platform);
          expect(id).toMatch(/^sg-[0-9a-f]{16}$/);
          expect(suggestionId(ref.toUpperCase(), rule, model, platform)).toBe(
            suggestionId(ref.toLowerCase(), rule, model, platform),
          );
        },
      ),
      { numRuns: 2000 },
    );
    expect(suggestionId('c:d/a', 'R', 'm', 'p')).not.toBe(
      suggestionId('c:d/a', 'r', 'm', 'p'),
    );
  });
});
