import type { MonthlyCost } from '../model/assessment';
import type { Platform, SettingField } from '../model/settings';
import type { PriceBook } from '../prices/types';
import { ESTIMATORS } from './estimators';
import { PLATFORM_TRAITS } from './platforms';
import { EXPECTED_FACTORS, ScenarioFactors } from './traffic';
import type { SizedWorkload } from './types';

/** A finite, non-negative amount: NaN and negatives become 0, overflow the largest double. */
export function clean(x: number): number {
  if (!(x > 0)) return 0;
  return x < Number.MAX_VALUE ? x : Number.MAX_VALUE;
}

/** Monthly cost of a sized workload in one scenario, without a breakdown. */
export function costOnly(
  sized: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors = EXPECTED_FACTORS,
): number {
  return clean(ESTIMATORS[sized.variant](sized, pb, f, false).cost);
}

/** A monthly cost range without its breakdown: what comparisons and savings need. */
export type CostBounds = Omit<MonthlyCost, 'breakdown'>;

/**
 * Monthly cost of a sized workload as a range: `expected` at the stated inputs; `low` / `high`
 * re-estimated under the low / high scenarios (less / more traffic, shorter / longer requests,
 * smaller / larger sizes where those were defaulted). Re-estimating rather than scaling the cost keeps
 * fixed floors fixed: two always-on replicas cost the same at half the traffic.
 */
export function costBounds(
  sized: SizedWorkload,
  pb: PriceBook,
  range: { low: ScenarioFactors; high: ScenarioFactors },
): CostBounds {
  const expected = costOnly(sized, pb);
  const low = costOnly(sized, pb, range.low);
  const high = costOnly(sized, pb, range.high);
  return {
    low: low < expected ? low : expected,
    expected,
    high: high > expected ? high : expected,
    currency: pb.currency,
  };
}

/** {@link costBounds} with the expected scenario's breakdown, the arithmetic a user can check. */
export function costRange(
  sized: SizedWorkload,
  pb: PriceBook,
  range: { low: ScenarioFactors; high: ScenarioFactors },
): MonthlyCost {
  const { breakdown } = ESTIMATORS[sized.variant](sized, pb, EXPECTED_FACTORS, true);
  return {
    ...costBounds(sized, pb, range),
    breakdown: breakdown.map(line => ({ ...line, amount: clean(line.amount) })),
  };
}

const FAAS_SIZE_FIELDS: readonly SettingField[] = ['memoryMb'];
const VM_SIZE_FIELDS: readonly SettingField[] = [];
const CONTAINER_SIZE_FIELDS: readonly SettingField[] = ['vcpu', 'memoryMb'];

/** The fields that size a platform (their defaulting widens the size scenario). */
export function sizeFieldsOf(platform: Platform): readonly SettingField[] {
  const kind = PLATFORM_TRAITS[platform].kind;
  if (kind === 'faas') return FAAS_SIZE_FIELDS;
  if (kind === 'vm') return VM_SIZE_FIELDS;
  return CONTAINER_SIZE_FIELDS;
}
