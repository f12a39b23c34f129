import type { Alternative, MonthlyCost } from '../model/assessment';
import {
  PLATFORMS,
  type ExecutionModel,
  type Platform,
  type WorkloadSettings,
} from '../model/settings';
import { costOnly, LazyMonthlyCost } from './estimate';
import { infeasibilityReasons, isFeasible } from './feasibility';
import { PLATFORM_TRAITS, type PlatformTraits } from './platforms';
import {
  sizeAlternative,
  type SizingContext,
  type SizingResult,
  type Target,
} from './sizing';
import type { PlatformOption } from './suggestions';
import type { ScenarioFactors } from './traffic';
import type { SizedWorkload } from './types';

/**
 * The alternatives of an assessment: every other platform under each model it runs (hybrids twice),
 * each priced when it is first looked at. The bulk refresh looks at few of them: the migration rules
 * and the scorecards' yardstick compare options on the component's own cloud provider, and only a hard
 * limit looks further; the other providers' prices are read when one entity is opened. So the own
 * provider's options are made up front (the rules and the alternatives share them), and another
 * provider's platform makes its options when it is first read. Pricing on read gives the same
 * numbers, from the same sizing, and spares most of an assessment's work.
 */

/** A platform and model to price an alternative on, with the platform's provider at hand. */
export interface AlternativeTarget extends Target {
  provider: PlatformTraits['provider'];
}

/** Every (platform, model) pairing, by platform in PLATFORMS order: built once, shared by all calls. */
export const TARGETS_BY_PLATFORM: readonly (readonly AlternativeTarget[])[] =
  PLATFORMS.map(platform =>
    PLATFORM_TRAITS[platform].models.map(model => ({
      platform,
      model,
      provider: PLATFORM_TRAITS[platform].provider,
    })),
  );

/** What every option of one assessment is priced from. */
export interface OptionBasis {
  settings: WorkloadSettings;
  /** The workload on its own platform. */
  current: SizedWorkload;
  ctx: SizingContext;
  range: { low: ScenarioFactors; high: ScenarioFactors };
}

/**
 * One (platform, model) pairing, sized, checked and priced on first read of `sized`, `feasible` or
 * `expected`. A class so that every option has the same hidden class (the rules read them in loops).
 * The constraint texts (`reasons`) wait until they are read: only the options shown need the words.
 */
export class PricedOption implements PlatformOption {
  readonly platform: Platform;
  readonly model: ExecutionModel;
  /** The cost range, shared by the rules and the alternative that show it (see {@link costOf}). */
  cost: MonthlyCost | undefined = undefined;
  readonly #basis: OptionBasis;
  #sizing: SizingResult | undefined;
  #feasible = false;
  #expected = 0;
  #reasons: string[] | undefined;

  constructor(
    readonly target: AlternativeTarget,
    basis: OptionBasis,
  ) {
    this.platform = target.platform;
    this.model = target.model;
    this.#basis = basis;
  }

  #price(): SizingResult {
    const { settings, current, ctx } = this.#basis;
    const sizing = sizeAlternative(settings, current, this.target, ctx);
    this.#sizing = sizing;
    const sized = sizing.sized;
    this.#feasible = sized !== undefined && isFeasible(settings, sized);
    // Options are compared on the expected cost; the range and breakdown are priced on demand.
    if (this.#feasible) this.#expected = costOnly(sized!, ctx.priceBook);
    return sizing;
  }

  get sized(): SizedWorkload | undefined {
    return (this.#sizing ?? this.#price()).sized;
  }

  get feasible(): boolean {
    if (this.#sizing === undefined) this.#price();
    return this.#feasible;
  }

  /** The expected monthly cost; 0 when infeasible. */
  get expected(): number {
    if (this.#sizing === undefined) this.#price();
    return this.#expected;
  }

  get reasons(): string[] {
    if (this.#reasons === undefined) {
      const sizing = this.#sizing ?? this.#price();
      this.#reasons = sizing.sized
        ? infeasibilityReasons(this.#basis.settings, sizing.sized)
        : [sizing.infeasible];
    }
    return this.#reasons;
  }

  /** The cost range of a feasible option, created once. */
  costOf(): MonthlyCost {
    this.cost ??= new LazyMonthlyCost(
      this.sized!,
      this.#basis.ctx.priceBook,
      this.#basis.range,
      this.expected,
    );
    return this.cost;
  }
}

/** A platform's option: its cheaper feasible model (the first model when both or neither are). */
function chosenOf(first: PricedOption, second?: PricedOption): PricedOption {
  if (
    second &&
    second.feasible &&
    (!first.feasible || second.expected < first.expected)
  )
    return second;
  return first;
}

/**
 * The public view of one platform: its chosen option, chosen on first read. `notes` and `infeasible`
 * are text most readers never open, so they too are written on first read; `toJSON` includes all of
 * it. (A class: object literals with accessors are slow to create in V8.)
 */
export class PricedAlternative implements Alternative {
  readonly platform: Platform;
  readonly #targets: readonly AlternativeTarget[];
  readonly #basis: OptionBasis;
  #first: PricedOption | undefined;
  #second: PricedOption | undefined;
  #chosen: PricedOption | undefined;
  #infeasible: string[] | undefined;
  #notes: string[] | undefined;

  /**
   * `targets` are the platform's pairings (a hybrid platform has two); `first` and `second` their
   * options when already made (the own provider's, shared with the rules), else made on first read.
   */
  constructor(
    targets: readonly AlternativeTarget[],
    basis: OptionBasis,
    first?: PricedOption,
    second?: PricedOption,
  ) {
    this.platform = targets[0].platform;
    this.#targets = targets;
    this.#basis = basis;
    this.#first = first;
    this.#second = second;
  }

  /** The platform's options, one per model it runs. */
  get options(): PricedOption[] {
    const first = this.#firstOption();
    return this.#second ? [first, this.#second] : [first];
  }

  /** The option that represents the platform. */
  get chosen(): PricedOption {
    this.#chosen ??= chosenOf(this.#firstOption(), this.#second);
    return this.#chosen;
  }

  #firstOption(): PricedOption {
    if (this.#first === undefined) {
      const targets = this.#targets;
      this.#first = new PricedOption(targets[0], this.#basis);
      if (targets.length > 1)
        this.#second = new PricedOption(targets[1], this.#basis);
    }
    return this.#first;
  }

  get executionModel(): ExecutionModel {
    return this.chosen.model;
  }

  get feasible(): boolean {
    return this.chosen.feasible;
  }

  get monthlyCost(): MonthlyCost | undefined {
    const chosen = this.chosen;
    return chosen.feasible ? chosen.costOf() : undefined;
  }

  get infeasible(): string[] {
    if (this.#infeasible === undefined)
      this.#infeasible = this.feasible ? [] : this.chosen.reasons;
    return this.#infeasible;
  }

  set infeasible(value: string[]) {
    this.#infeasible = value;
  }

  get notes(): string[] {
    if (this.#notes === undefined) {
      const sized = this.chosen.sized;
      this.#notes = sized ? sized.describe() : [];
    }
    return this.#notes;
  }

  set notes(value: string[]) {
    this.#notes = value;
  }

  toJSON(): Alternative {
    const monthlyCost = this.monthlyCost;
    return {
      platform: this.platform,
      executionModel: this.executionModel,
      feasible: this.feasible,
      ...(monthlyCost ? { monthlyCost } : {}),
      infeasible: this.infeasible,
      notes: this.notes,
    };
  }
}

/** An assessment's priced choices: see {@link pricedChoices}. */
export interface PricedChoices {
  /** The own provider's options (every model of its other platforms), in PLATFORMS order. */
  home: PricedOption[];
  /** One per other platform, in PLATFORMS order; other providers' make their options when read. */
  alternatives: PricedAlternative[];
}

/** The options and alternatives of an assessment (see the top of this file). */
export function pricedChoices(basis: OptionBasis): PricedChoices {
  const home: PricedOption[] = [];
  const alternatives: PricedAlternative[] = [];
  const own = basis.settings.platform;
  const provider = PLATFORM_TRAITS[own].provider;
  for (let p = 0; p < PLATFORMS.length; p++) {
    if (PLATFORMS[p] === own) continue;
    const targets = TARGETS_BY_PLATFORM[p];
    if (targets[0].provider !== provider) {
      alternatives.push(new PricedAlternative(targets, basis));
      continue;
    }
    const first = new PricedOption(targets[0], basis);
    home.push(first);
    let second: PricedOption | undefined;
    if (targets.length > 1) {
      second = new PricedOption(targets[1], basis);
      home.push(second);
    }
    alternatives.push(new PricedAlternative(targets, basis, first, second));
  }
  return { home, alternatives };
}

/** Every option of other providers' platforms, in PLATFORMS order (made now where not yet made). */
export function otherProvidersOptions(
  alternatives: readonly PricedAlternative[],
  provider: PlatformTraits['provider'],
): PricedOption[] {
  const options: PricedOption[] = [];
  for (const alternative of alternatives)
    if (PLATFORM_TRAITS[alternative.platform].provider !== provider)
      options.push(...alternative.options);
  return options;
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
  { home, alternatives }: PricedChoices,
): PricedOption | undefined {
  const model = settings.executionModel;
  let bestHome: PricedOption | undefined;
  for (const option of home) {
    if (
      option.model !== model &&
      option.feasible &&
      (!bestHome || option.expected < bestHome.expected)
    )
      bestHome = option;
  }
  if (bestHome) return bestHome;
  let bestOtherModel: PricedOption | undefined;
  let bestAny: PricedOption | undefined;
  for (const alternative of alternatives) {
    const chosen = alternative.chosen;
    if (!chosen.feasible) continue;
    if (!bestAny || chosen.expected < bestAny.expected) bestAny = chosen;
    if (
      chosen.model !== model &&
      (!bestOtherModel || chosen.expected < bestOtherModel.expected)
    )
      bestOtherModel = chosen;
  }
  return bestOtherModel ?? bestAny;
}
