import type {
  Alternative,
  Assessment,
  MonthlyCost,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

type PricedAlternative = Alternative & { monthlyCost: MonthlyCost };

/**
 * The cheapest feasible alternative, or undefined when none is feasible. The alternative itself, not
 * a copy: the engine's alternatives compute their fields when read (accessors), which a spread drops.
 */
export function bestAlternative(
  assessment: Assessment,
): PricedAlternative | undefined {
  let best: PricedAlternative | undefined;
  for (const alternative of assessment.alternatives) {
    const cost = alternative.monthlyCost;
    if (!alternative.feasible || !cost) continue;
    if (!best || cost.expected < best.monthlyCost.expected) {
      best = alternative as PricedAlternative;
    }
  }
  return best;
}
