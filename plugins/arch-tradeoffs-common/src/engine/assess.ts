import { ANNOTATIONS } from '../annotations';
import type {
  Alternative,
  Assessment,
  BreakEven,
  Level,
  MonthlyCost,
  Posture,
  Suggestion,
} from '../model/assessment';
import {
  PLATFORMS,
  type Assumption,
  type Diagnostic,
  type SettingField,
  type ExecutionModel,
  type Platform,
  type ParsedSettings,
  type WorkloadSettings,
} from '../model/settings';
import { createPriceBook } from '../prices/priceBook';
import type { PriceBook, PricingOptions } from '../prices/types';
import { findBreakEven } from './breakEven';
import { costOnly, LazyMonthlyCost, sizeFieldsOf } from './estimate';
import { infeasibilityReasons, isFeasible } from './feasibility';
import { PLATFORM_NAMES } from './names';
import { PLATFORM_TRAITS, PlatformTraits } from './platforms';
import { computePosture } from './posture';
import {
  sizeAlternative,
  sizeCurrent,
  SizingContext,
  SizingResult,
  Target,
} from './sizing';
import type { PlatformOption, Relations } from './suggestions';
import { suggestMigration } from './suggestions';
import { profileOf, scenarioFactors } from './traffic';
import type { FrontDoor, SizedWorkload } from './types';
import { FieldMask, type FieldSet } from './fields';

/**
 * Per-component context the backend knows besides annotations.
 * @public
 */
export interface AssessContext {
  /** Catalog relation counts; more relations mean more integrations to move (raises effort). */
  relations?: Relations;
  /** Front door in front of the service, when known (priced on AWS platforms). */
  frontDoor?: FrontDoor;
}

/**
 * Options of {@link assessWorkload}.
 * @public
 */
export interface EngineOptions extends AssessContext {
  /** A prepared price book (preferred: build it once with {@link createPriceBook}). */
  priceBook?: PriceBook;
  /** Pricing options to build a price book from, when no `priceBook` is given. */
  pricing?: PricingOptions;
}

/** Options of {@link createAssessor}. @public */
export interface AssessorOptions {
  priceBook?: PriceBook;
  pricing?: PricingOptions;
}

/** A prepared assessor: price book built once, fast per call. @public */
export type Assessor = (
  entityRef: string,
  parsed: ParsedSettings,
  context?: AssessContext,
) => Assessment | null;

let defaultBook: PriceBook | undefined;

/**
 * Confidence from the defaulted inputs that drive the current platform's cost: an unknown request
 * volume → low; otherwise count the relevant defaulted inputs (wall time; memory on a function; vCPU,
 * memory, CPU time and minimum replicas on a container; instance type, CPU time and replicas on a VM;
 * CPU time on Workers; the traffic shape where replicas or warm capacity follow it): none → high,
 * one or two → medium, three or more → low.
 * @public
 */
export function confidenceOf(
  defaulted: FieldSet,
  settings: WorkloadSettings,
): Level {
  if (defaulted.has('monthlyRequests')) return 'low';
  const kind = PLATFORM_TRAITS[settings.platform].kind;
  let count = 0;
  const count1 = (field: SettingField) => {
    if (defaulted.has(field)) count++;
  };
  const shape = () => {
    if (defaulted.has('peakRps') || defaulted.has('trafficPattern')) count++;
  };
  if (settings.platform === 'cloudflare-workers') {
    count1('cpuMs');
  } else if (kind === 'faas') {
    count1('avgDurationMs');
    count1('memoryMb');
    if (settings.instances > 0) shape();
  } else {
    count1('avgDurationMs');
    count1('cpuMs');
    count1('instances');
    shape();
    if (kind === 'vm') count1('instanceType');
    else {
      count1('vcpu');
      count1('memoryMb');
    }
  }
  if (count === 0) return 'high';
  return count >= 3 ? 'low' : 'medium';
}

/** Assumptions about the suggestion target's sizing (when it differs from the stated settings). */
function targetAssumptions(
  settings: WorkloadSettings,
  target: SizedWorkload,
): Assumption[] {
  if (target.platform === settings.platform) return [];
  const prefix = `sizing on ${PLATFORM_NAMES[target.platform]} (suggested target)`;
  const out: Assumption[] = [];
  const kind = PLATFORM_TRAITS[target.platform].kind;
  if (
    target.memoryMb !== settings.memoryMb &&
    target.platform !== 'cloudflare-workers'
  ) {
    out.push({
      field: 'memoryMb',
      annotation: ANNOTATIONS.memoryMb,
      value: Math.round(target.memoryMb),
      reason: `${prefix}: memory per ${kind === 'faas' ? 'function' : 'replica'}, mapped by the sizing rules`,
    });
  }
  if (kind !== 'faas' && target.vcpu !== settings.vcpu) {
    out.push({
      field: 'vcpu',
      annotation: ANNOTATIONS.vcpu,
      value: target.vcpu,
      reason: `${prefix}: vCPU per replica`,
    });
  }
  if (target.instances !== settings.instances) {
    out.push({
      field: 'instances',
      annotation: ANNOTATIONS.instances,
      value: target.instances,
      reason: `${prefix}: ${target.instances > 0 ? 'minimum replicas' : 'scales to zero'}`,
    });
  }
  if (target.ec2 && target.ec2.name !== settings.instanceType) {
    out.push({
      field: 'instanceType',
      annotation: ANNOTATIONS.instanceType,
      value: target.ec2.name,
      reason: `${prefix}: cheapest catalog type that fits`,
    });
  }
  return out;
}

/** A platform and model to price an alternative on, with the platform's provider at hand. */
interface AlternativeTarget extends Target {
  provider: PlatformTraits['provider'];
}

/** Every (platform, model) pairing, by platform in PLATFORMS order: built once, shared by all calls. */
const TARGETS_BY_PLATFORM: readonly (readonly AlternativeTarget[])[] =
  PLATFORMS.map(platform =>
    PLATFORM_TRAITS[platform].models.map(model => ({
      platform,
      model,
      provider: PLATFORM_TRAITS[platform].provider,
    })),
  );

/**
 * A priced option as the engine builds it. A class so that every option has the same fields (and so
 * the same hidden class, which keeps the rules' reads of them fast), with whether it is feasible
 * worked out once. The constraint texts (`reasons`) are written on first read: about a fifth of the
 * options break a constraint, and only the ones shown (a platform's chosen model) need the words.
 */
class PricedOption implements PlatformOption {
  readonly platform: Platform;
  readonly model: ExecutionModel;
  readonly feasible: boolean;
  expected = 0;
  cost: MonthlyCost | undefined = undefined;
  readonly sized: SizedWorkload | undefined;
  readonly #settings: WorkloadSettings;
  readonly #sizing: SizingResult;
  #reasons: string[] | undefined;

  constructor(
    readonly target: AlternativeTarget,
    settings: WorkloadSettings,
    sizing: SizingResult,
  ) {
    this.platform = target.platform;
    this.model = target.model;
    this.sized = sizing.sized;
    this.feasible =
      sizing.sized !== undefined && isFeasible(settings, sizing.sized);
    this.#settings = settings;
    this.#sizing = sizing;
  }

  get reasons(): string[] {
    if (this.#reasons === undefined) {
      const sizing = this.#sizing;
      this.#reasons = sizing.sized
        ? infeasibilityReasons(this.#settings, sizing.sized)
        : [sizing.infeasible];
    }
    return this.#reasons;
  }
}

/**
 * The public view of a priced platform. `notes` and `infeasible` are built on first read (sizing notes
 * and constraint texts are text most readers never open); `toJSON` includes them. A class because
 * accessor literals are slow in V8.
 */
class PricedAlternative implements Alternative {
  readonly platform: Platform;
  readonly executionModel: ExecutionModel;
  readonly feasible: boolean;
  monthlyCost?: MonthlyCost;
  readonly #option: PricedOption;
  #infeasible: string[] | undefined;
  #notes: string[] | undefined;

  /** `option` is the platform's chosen (platform, model) pairing, priced when feasible. */
  constructor(option: PricedOption) {
    this.platform = option.platform;
    this.executionModel = option.model;
    this.feasible = option.feasible;
    if (option.feasible) this.monthlyCost = option.cost;
    this.#option = option;
  }

  get infeasible(): string[] {
    if (this.#infeasible === undefined)
      this.#infeasible = this.feasible ? [] : this.#option.reasons;
    return this.#infeasible;
  }

  set infeasible(value: string[]) {
    this.#infeasible = value;
  }

  get notes(): string[] {
    if (this.#notes === undefined) {
      const sized = this.#option.sized;
      this.#notes = sized ? sized.describe() : [];
    }
    return this.#notes;
  }

  set notes(value: string[]) {
    this.#notes = value;
  }

  toJSON(): Alternative {
    return {
      platform: this.platform,
      executionModel: this.executionModel,
      feasible: this.feasible,
      ...(this.monthlyCost ? { monthlyCost: this.monthlyCost } : {}),
      infeasible: this.infeasible,
      notes: this.notes,
    };
  }
}

/** What the break-even search of an assessment needs, kept until it is first read. */
interface BreakEvenInputs {
  current: SizedWorkload;
  /** The option it is found against (see the choice above); none when nothing else is feasible. */
  against: PricedOption | undefined;
  pb: PriceBook;
  currentExpected: number;
}

/**
 * An assessment whose break-even is searched on first read. The search prices both platforms at half
 * a dozen volumes, about a quarter of an assessment's work, and the bulk refresh stores only the cost,
 * posture and suggestion figures; the break-even is read when one entity is opened or exported, when
 * it is computed from the same sized workloads, so it is the same number. `toJSON` includes it, in
 * the declared key order. (A class: object literals with accessors are slow to create in V8.)
 */
class EngineAssessment implements Assessment {
  readonly executionModel: ExecutionModel;
  readonly platform: Platform;
  #breakEven: BreakEven | undefined;
  #breakEvenInputs: BreakEvenInputs | undefined;

  constructor(
    readonly entityRef: string,
    readonly settings: WorkloadSettings,
    readonly monthlyCost: MonthlyCost,
    readonly alternatives: Alternative[],
    breakEvenInputs: BreakEvenInputs,
    readonly posture: Posture,
    readonly assumptions: Assumption[],
    readonly diagnostics: Diagnostic[],
    readonly suggestion: Suggestion | null,
    readonly confidence: Level,
  ) {
    this.executionModel = settings.executionModel;
    this.platform = settings.platform;
    this.#breakEvenInputs = breakEvenInputs;
  }

  get breakEven(): BreakEven {
    if (this.#breakEven === undefined) {
      const { current, against, pb, currentExpected } = this.#breakEvenInputs!;
      this.#breakEven = findBreakEven(
        current,
        against?.sized,
        pb,
        against && { current: currentExpected, alternative: against.expected },
      );
      this.#breakEvenInputs = undefined;
    }
    return this.#breakEven;
  }

  set breakEven(value: BreakEven) {
    this.#breakEven = value;
    this.#breakEvenInputs = undefined;
  }

  toJSON(): Assessment {
    return {
      entityRef: this.entityRef,
      executionModel: this.executionModel,
      platform: this.platform,
      settings: this.settings,
      monthlyCost: this.monthlyCost,
      alternatives: this.alternatives,
      breakEven: this.breakEven,
      posture: this.posture,
      assumptions: this.assumptions,
      diagnostics: this.diagnostics,
      suggestion: this.suggestion,
      confidence: this.confidence,
    };
  }
}

function assessWithBook(
  entityRef: string,
  parsed: ParsedSettings,
  pb: PriceBook,
  context: AssessContext,
): Assessment | null {
  if (!parsed || !parsed.assessable || !parsed.settings) return null;
  const settings = parsed.settings;
  const defaulted = FieldMask.fromAssumptions(parsed.assumptions);
  const engineAssumptions: Assumption[] = [];
  const ctx: SizingContext = {
    priceBook: pb,
    defaulted,
    frontDoor: context.frontDoor ?? 'none',
    profile: profileOf(settings),
    assumptions: engineAssumptions,
  };
  const current = sizeCurrent(settings, ctx);
  const range = scenarioFactors(
    settings.trafficPattern,
    defaulted,
    sizeFieldsOf(settings.platform),
  );
  // Priced like every alternative: the expected cost now, the range and breakdown when read (the bulk
  // refresh keeps the expected cost; a suggestion's savings read the range).
  const monthlyCost = new LazyMonthlyCost(current, pb, range);
  const currentInfeasible = infeasibilityReasons(settings, current);

  // Every other platform, under each model it can run (hybrids twice); the cheaper feasible model
  // of a platform represents it among the alternatives.
  const options: PricedOption[] = [];
  const alternatives: Alternative[] = [];
  let bestOtherModel: PricedOption | undefined;
  let bestAny: PricedOption | undefined;
  for (let p = 0; p < PLATFORMS.length; p++) {
    const platform = PLATFORMS[p];
    if (platform === settings.platform) continue;
    const targets = TARGETS_BY_PLATFORM[p];
    let chosen: PricedOption | undefined;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      const option = new PricedOption(
        target,
        settings,
        sizeAlternative(settings, current, target, ctx),
      );
      // Options are compared on the expected cost; the range and breakdown are priced on demand.
      if (option.feasible) option.expected = costOnly(option.sized!, pb);
      options.push(option);
      if (
        !chosen ||
        (option.feasible &&
          (!chosen.feasible || option.expected < chosen.expected))
      )
        chosen = option;
    }
    const c = chosen!;
    if (c.feasible) {
      c.cost ??= new LazyMonthlyCost(c.sized!, pb, range, c.expected);
      if (!bestAny || c.expected < bestAny.expected) bestAny = c;
      if (
        c.model !== settings.executionModel &&
        (!bestOtherModel || c.expected < bestOtherModel.expected)
      ) {
        bestOtherModel = c;
      }
    }
    alternatives.push(new PricedAlternative(c));
  }

  // Break-even against the best feasible alternative of the other execution model (the trade-off the
  // product is about) on the same provider, which is the move a team would make; on any provider when
  // its own offers none; against the best of any model when the other model is ruled out everywhere.
  // Every priced option counts here, not only each platform's cheaper model: Cloud Run always-on is the
  // natural always-on partner of a Cloud Run function even when Cloud Run on demand is cheaper.
  const homeProvider = PLATFORM_TRAITS[settings.platform].provider;
  let bestOtherModelHome: PricedOption | undefined;
  for (let i = 0; i < options.length; i++) {
    const option = options[i];
    if (
      option.feasible &&
      option.model !== settings.executionModel &&
      option.target.provider === homeProvider &&
      (!bestOtherModelHome || option.expected < bestOtherModelHome.expected)
    ) {
      bestOtherModelHome = option;
    }
  }
  const against = bestOtherModelHome ?? bestOtherModel ?? bestAny;
  const posture = computePosture(
    settings,
    current,
    currentInfeasible,
    defaulted,
  );
  const confidence = confidenceOf(defaulted, settings);
  const { suggestion, target } = suggestMigration({
    entityRef,
    settings,
    current,
    currentCost: monthlyCost,
    currentInfeasible,
    options,
    posture,
    priceBook: pb,
    range,
    defaulted,
    confidence,
    relations: context.relations,
  });
  if (target) engineAssumptions.push(...targetAssumptions(settings, target));

  return new EngineAssessment(
    entityRef,
    settings,
    monthlyCost,
    alternatives,
    { current, against, pb, currentExpected: monthlyCost.expected },
    posture,
    engineAssumptions.length
      ? [...parsed.assumptions, ...engineAssumptions]
      : parsed.assumptions.slice(),
    parsed.diagnostics.slice(),
    suggestion,
    confidence,
  );
}

/**
 * Assesses one component: cost on its platform and on every alternative, break-even, scaling posture,
 * assumptions and at most one migration suggestion. Null when the parsed settings are not
 * assessable. Never throws on settings the parser produces. For many components use
 * {@link createAssessor}, which builds the price book once.
 * @public
 */
export function assessWorkload(
  entityRef: string,
  parsed: ParsedSettings,
  options: EngineOptions = {},
): Assessment | null {
  let pb = options.priceBook;
  if (!pb) {
    if (options.pricing) pb = createPriceBook(options.pricing);
    else pb = defaultBook ??= createPriceBook();
  }
  return assessWithBook(entityRef, parsed, pb, options);
}

/**
 * Builds the price book once (throws on invalid pricing options) and returns a fast assessor for the
 * backend's bulk refresh.
 * @public
 */
export function createAssessor(options: AssessorOptions = {}): Assessor {
  const pb = options.priceBook ?? createPriceBook(options.pricing);
  const empty: AssessContext = {};
  return (entityRef, parsed, context) =>
    assessWithBook(entityRef, parsed, pb, context ?? empty);
}
