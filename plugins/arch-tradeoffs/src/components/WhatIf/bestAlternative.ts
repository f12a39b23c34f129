import type {
  Alternative,
  Assessment,
  MonthlyCost,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** The cheapest feasible alternative, or undefined when none is feasible. */
export function bestAlternative(
  assessment: Assessment,
): (Alternative & { monthlyCost: MonthlyCost }) | undefined {
  let best: (Alternative & { monthlyCost: MonthlyCost }) | undefined;
  for (const alternative of assessment.alternatives) {
    const cost = alternative.monthlyCost;
    if (!alternative.feasible || !cost) continue;
    if (!best || cost.expected < best.monthlyCost.expected) {
      best = { ...alternative, monthlyCost: cost };
    }
  }
  return best;
}
