import type { MonthlyCost } from '../model/assessment';
import type {
  ExecutionModel,
  Platform,
  SettingField,
  WorkloadSettings,
} from '../model/settings';
import type { PriceBook } from '../prices/types';
import { ESTIMATORS } from './estimators';
import type { FieldSet } from './fields';
import { PLATFORM_TRAITS } from './platforms';
import { infeasibilityReasons } from './feasibility';
import { sizeAlternative, sizeCurrent, SizingContext } from './sizing';
import { EXPECTED_FACTORS, ScenarioFactors, scenarioFactors } from './traffic';
import type { FrontDoor, SizedWorkload } from './types';

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

/** Options of {@link estimatePlatformCost}. @public */
export interface EstimatePlatformOptions {
  /** Execution model on a hybrid platform (Cloud Run, Container Apps); default: the cheaper feasible one. */
  model?: ExecutionModel;
  frontDoor?: FrontDoor;
  /** Fields that were defaulted (widen low / high). */
  defaulted?: readonly SettingField[];
}

/** Result of pricing a workload on one platform. @public */
export interface PlatformEstimate {
  platform: Platform;
  executionModel: ExecutionModel;
  monthlyCost: MonthlyCost;
  feasible: boolean;
  infeasible: string[];
  notes: string[];
}

/**
 * Prices `settings` on `platform`: as stated when it is the workload's own platform, otherwise mapped
 * by the sizing rules (see sizing.ts). Pure and cheap enough to call per point of a what-if curve.
 * The cost is returned even when the platform is infeasible (see `infeasible`).
 * @public
 */
export function estimatePlatformCost(
  settings: WorkloadSettings,
  platform: Platform,
  priceBook: PriceBook,
  options: EstimatePlatformOptions = {},
): PlatformEstimate {
  const defaulted: FieldSet = new Set(options.defaulted ?? []);
  const ctx: SizingContext = {
    priceBook,
    defaulted,
    frontDoor: options.frontDoor ?? 'none',
  };
  const current = sizeCurrent(settings, ctx);
  const range = scenarioFactors(
    settings.trafficPattern,
    defaulted,
    sizeFieldsOf(settings.platform),
  );
  if (
    platform === settings.platform &&
    (!options.model || options.model === settings.executionModel)
  ) {
    const infeasible = infeasibilityReasons(settings, current);
    return {
      platform,
      executionModel: settings.executionModel,
      monthlyCost: costRange(current, priceBook, range),
      feasible: infeasible.length === 0,
      infeasible,
      notes: current.describe(),
    };
  }
  const choice = priceOn(settings, current, platform, ctx, options.model);
  if (!choice.sized) {
    return {
      platform,
      executionModel: options.model ?? PLATFORM_TRAITS[platform].models[0],
      monthlyCost: {
        low: 0,
        expected: 0,
        high: 0,
        currency: priceBook.currency,
        breakdown: [],
      },
      feasible: false,
      infeasible: [choice.reason],
      notes: [],
    };
  }
  return {
    platform,
    executionModel: choice.sized.model,
    monthlyCost: costRange(choice.sized, priceBook, range),
    feasible: choice.reasons.length === 0,
    infeasible: choice.reasons,
    notes: choice.sized.describe(),
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

/** The sized workload chosen on a platform, its hard-constraint violations, and its expected cost. */
export type PricedChoice =
  | {
      sized: SizedWorkload;
      reasons: string[];
      expected: number;
      reason?: undefined;
    }
  | { sized?: undefined; reasons: string[]; expected: number; reason: string };

/**
 * Sizes the workload onto `platform`. A hybrid (Cloud Run, Container Apps) is tried under both
 * models and the cheaper feasible one kept (on-demand when equal): an idle service is cheapest
 * scaled to zero, a busy one with instance-based billing or warm replicas.
 */
export function priceOn(
  settings: WorkloadSettings,
  current: SizedWorkload,
  platform: Platform,
  ctx: SizingContext,
  model?: ExecutionModel,
): PricedChoice {
  const models = model ? [model] : PLATFORM_TRAITS[platform].models;
  let best: PricedChoice | undefined;
  for (const m of models) {
    const result = sizeAlternative(
      settings,
      current,
      { platform, model: m },
      ctx,
    );
    if (!result.sized) {
      if (!best)
        best = {
          reasons: [result.infeasible],
          expected: 0,
          reason: result.infeasible,
        };
      continue;
    }
    const reasons = infeasibilityReasons(settings, result.sized);
    const expected = costOnly(result.sized, ctx.priceBook);
    const candidate: PricedChoice = { sized: result.sized, reasons, expected };
    if (!best || !best.sized) {
      best = candidate;
      continue;
    }
    const bestFeasible = best.reasons.length === 0;
    const feasible = reasons.length === 0;
    if (
      (feasible && !bestFeasible) ||
      (feasible === bestFeasible && expected < best.expected)
    )
      best = candidate;
  }
  return best!;
}
