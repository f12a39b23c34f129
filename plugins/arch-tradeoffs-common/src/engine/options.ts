import type { Alternative } from '../model/assessment';
import { PLATFORMS, type Platform, type WorkloadSettings } from '../model/settings';
import { deepFreeze } from '../deepFreeze';
import { costOnly, costRange } from './estimate';
import { infeasibilityReasons } from './feasibility';
import { PLATFORM_TRAITS } from './platforms';
import { sizeAlternative, type SizingContext } from './sizing';
import type { PlatformOption } from './suggestions';
import type { ScenarioFactors } from './traffic';
import type { SizedWorkload } from './types';

/**
 * The options of an assessment: the workload sized, checked and priced on every other platform, under
 * each model the platform runs (a hybrid such as Cloud Run twice). The migration rules compare them;
 * each platform's cheaper feasible option stands for it among the assessment's alternatives.
 */

/** What every option of one assessment is priced from. */
export interface OptionBasis {
  settings: WorkloadSettings;
  /** The workload on its own platform. */
  current: SizedWorkload;
  ctx: SizingContext;
  range: { low: ScenarioFactors; high: ScenarioFactors };
}

type Providers = 'same provider' | 'other providers';

/** The platforms other than `own`, in PLATFORMS order, on its cloud provider and on the others. */
function platformsBesides(own: Platform): Record<Providers, readonly Platform[]> {
  const provider = PLATFORM_TRAITS[own].provider;
  const others = PLATFORMS.filter(p => p !== own);
  return {
    'same provider': others.filter(p => PLATFORM_TRAITS[p].provider === provider),
    'other providers': others.filter(p => PLATFORM_TRAITS[p].provider !== provider),
  };
}

/** {@link platformsBesides} of every platform, worked out once: every assessment asks. */
const OTHER_PLATFORMS = deepFreeze(
  Object.fromEntries(PLATFORMS.map(p => [p, platformsBesides(p)])) as Record<
    Platform,
    Record<Providers, readonly Platform[]>
  >,
);

/** The platforms other than the workload's own, in PLATFORMS order, on its provider or on the others. */
export function otherPlatforms(own: Platform, providers: Providers): readonly Platform[] {
  return OTHER_PLATFORMS[own][providers];
}

/** One (platform, model) pairing: sized, checked against the hard limits, and priced when feasible. */
function priceOption(
  basis: OptionBasis,
  platform: Platform,
  model: PlatformOption['model'],
): PlatformOption {
  const { settings, current, ctx } = basis;
  const sizing = sizeAlternative(settings, current, { platform, model }, ctx);
  if (!sizing.sized) {
    return { platform, model, feasible: false, expected: 0, reasons: [sizing.infeasible] };
  }
  const reasons = infeasibilityReasons(settings, sizing.sized);
  const feasible = reasons.length === 0;
  return {
    platform,
    model,
    sized: sizing.sized,
    feasible,
    // Options are compared on the expected cost; an infeasible one has none.
    expected: feasible ? costOnly(sizing.sized, ctx.priceBook) : 0,
    reasons,
  };
}

/** The options on `platforms`, every model of each, in that order. */
export function priceOptions(
  basis: OptionBasis,
  platforms: readonly Platform[],
): PlatformOption[] {
  return platforms.flatMap(platform =>
    PLATFORM_TRAITS[platform].models.map(model =>
      priceOption(basis, platform, model),
    ),
  );
}

/**
 * The option that stands for each platform among `options`: its cheaper feasible model (the first
 * model when both or neither are feasible), in the order the platforms first appear.
 */
export function chosenPerPlatform(
  options: readonly PlatformOption[],
): PlatformOption[] {
  const chosen = new Map<Platform, PlatformOption>();
  for (const option of options) {
    const best = chosen.get(option.platform);
    if (
      !best ||
      (option.feasible && (!best.feasible || option.expected < best.expected))
    )
      chosen.set(option.platform, option);
  }
  return [...chosen.values()];
}

/** A platform's chosen option as the assessment shows it: its cost range when feasible, else why not. */
export function alternativeOf(
  option: PlatformOption,
  basis: OptionBasis,
): Alternative {
  return {
    platform: option.platform,
    executionModel: option.model,
    feasible: option.feasible,
    ...(option.feasible
      ? { monthlyCost: costRange(option.sized!, basis.ctx.priceBook, basis.range) }
      : {}),
    infeasible: option.feasible ? [] : option.reasons,
    notes: option.sized ? option.sized.describe() : [],
  };
}

/**
 * The cheapest feasible platform on the component's own provider, its own platform included: the
 * yardstick of the scorecards' cost efficiency. Other providers are left out, as the migration rules
 * leave them out: moving cloud is rarely a cost decision.
 */
export function cheapestOnProvider(
  currentCost: number,
  homeOptions: readonly PlatformOption[],
): number {
  let best = currentCost;
  for (const option of chosenPerPlatform(homeOptions))
    if (option.feasible && option.expected < best) best = option.expected;
  return best;
}

/**
 * The option break-even is found against: the best feasible option of the other execution model on
 * the component's own provider (the move a team would make); else the cheapest platform of the other
 * model on any provider; else the cheapest platform of any model. Every priced option counts on the
 * own provider, not only each platform's cheaper model: Cloud Run always-on is the natural always-on
 * partner of a Cloud Run function even when Cloud Run on demand is cheaper.
 */
export function breakEvenPartner(
  settings: WorkloadSettings,
  homeOptions: readonly PlatformOption[],
  allOptions: readonly PlatformOption[],
): PlatformOption | undefined {
  const model = settings.executionModel;
  const cheaper = (a: PlatformOption | undefined, b: PlatformOption) =>
    !a || b.expected < a.expected;
  let bestHome: PlatformOption | undefined;
  for (const option of homeOptions)
    if (option.model !== model && option.feasible && cheaper(bestHome, option))
      bestHome = option;
  if (bestHome) return bestHome;
  let bestOtherModel: PlatformOption | undefined;
  let bestAny: PlatformOption | undefined;
  for (const chosen of chosenPerPlatform(allOptions)) {
    if (!chosen.feasible) continue;
    if (cheaper(bestAny, chosen)) bestAny = chosen;
    if (chosen.model !== model && cheaper(bestOtherModel, chosen))
      bestOtherModel = chosen;
  }
  return bestOtherModel ?? bestAny;
}
