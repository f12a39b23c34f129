import type { Alternative, MonthlyCost } from '../model/assessment';
import {
  PLATFORMS,
  type ExecutionModel,
  type Platform,
  type SettingField,
  type WorkloadSettings,
} from '../model/settings';
import type { PriceBook } from '../prices/types';
import { deepFreeze } from '../deepFreeze';
import { costOnly, costRange, sizeFieldsOf } from './estimate';
import { infeasibilityReasons } from './feasibility';
import type { FieldSet } from './fields';
import { PLATFORM_TRAITS } from './platforms';
import { sizeAlternative, sizeCurrent, type SizingContext } from './sizing';
import type { PlatformOption } from './suggestions';
import { scenarioFactors, type ScenarioFactors } from './traffic';
import type { FrontDoor, SizedWorkload } from './types';

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
function platformsBesides(
  own: Platform,
): Record<Providers, readonly Platform[]> {
  const provider = PLATFORM_TRAITS[own].provider;
  const others = PLATFORMS.filter(p => p !== own);
  return {
    'same provider': others.filter(
      p => PLATFORM_TRAITS[p].provider === provider,
    ),
    'other providers': others.filter(
      p => PLATFORM_TRAITS[p].provider !== provider,
    ),
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
export function otherPlatforms(
  own: Platform,
  providers: Providers,
): readonly Platform[] {
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
    return {
      platform,
      model,
      feasible: false,
      expected: 0,
      reasons: [sizing.infeasible],
    };
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
      ? {
          monthlyCost: costRange(
            option.sized!,
            basis.ctx.priceBook,
            basis.range,
          ),
        }
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

/** Options of {@link estimatePlatformCost}. */
export interface EstimatePlatformOptions {
  /** Execution model on a hybrid platform (Cloud Run, Container Apps); default: the cheaper feasible one. */
  model?: ExecutionModel;
  frontDoor?: FrontDoor;
  /** Fields that were defaulted (widen low / high). */
  defaulted?: readonly SettingField[];
}

/** Result of pricing a workload on one platform. */
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
 * by the sizing rules (see sizing.ts), the platform's option as an assessment chooses it. The cost is
 * returned even when the platform is infeasible (see `infeasible`). The engine's tests price workloads
 * through it.
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
  // The option an assessment shows for the platform: its cheaper feasible model, unless one is asked for.
  const [chosen] = chosenPerPlatform(
    priceOptions({ settings, current, ctx, range }, [platform]).filter(
      o => !options.model || o.model === options.model,
    ),
  );
  return {
    platform,
    executionModel: chosen.model,
    monthlyCost: chosen.sized
      ? costRange(chosen.sized, priceBook, range)
      : {
          low: 0,
          expected: 0,
          high: 0,
          currency: priceBook.currency,
          breakdown: [],
        },
    feasible: chosen.feasible,
    infeasible: chosen.reasons,
    notes: chosen.sized ? chosen.sized.describe() : [],
  };
}
