import { ANNOTATIONS } from '../annotations';
import type {
  Assessment,
  BreakEven,
  Level,
  MonthlyCost,
  Posture,
  Suggestion,
} from '../model/assessment';
import {
  type Assumption,
  type Diagnostic,
  type ExecutionModel,
  type Platform,
  type ParsedSettings,
  type WorkloadSettings,
} from '../model/settings';
import { createPriceBook } from '../prices/priceBook';
import type { PriceBook, PricingOptions } from '../prices/types';
import { findBreakEven } from './breakEven';
import { LazyMonthlyCost, sizeFieldsOf } from './estimate';
import { infeasibilityReasons } from './feasibility';
import { PLATFORM_NAMES } from './names';
import {
  breakEvenPartner,
  otherProvidersOptions,
  pricedChoices,
  PricedAlternative,
  type PricedChoices,
} from './options';
import { PLATFORM_TRAITS } from './platforms';
import { computePosture } from './posture';
import { sizeCurrent, SizingContext } from './sizing';
import type { Relations } from './suggestions';
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
  const shapeDefaulted =
    defaulted.has('peakRps') || defaulted.has('trafficPattern');
  let count = 0;
  if (settings.platform === 'cloudflare-workers') {
    if (defaulted.has('cpuMs')) count++;
  } else if (kind === 'faas') {
    if (defaulted.has('avgDurationMs')) count++;
    if (defaulted.has('memoryMb')) count++;
    if (settings.instances > 0 && shapeDefaulted) count++;
  } else {
    if (defaulted.has('avgDurationMs')) count++;
    if (defaulted.has('cpuMs')) count++;
    if (defaulted.has('instances')) count++;
    if (shapeDefaulted) count++;
    if (kind === 'vm') {
      if (defaulted.has('instanceType')) count++;
    } else {
      if (defaulted.has('vcpu')) count++;
      if (defaulted.has('memoryMb')) count++;
    }
  }
  if (count === 0) return 'high';
  return count >= 3 ? 'low' : 'medium';
}

/** Adds assumptions about the suggestion target's sizing (where it differs from the stated settings) to `out`. */
function addTargetAssumptions(
  settings: WorkloadSettings,
  target: SizedWorkload,
  out: Assumption[],
): void {
  if (target.platform === settings.platform) return;
  const prefix = `sizing on ${PLATFORM_NAMES[target.platform]} (suggested target)`;
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
}

/** What the break-even search needs besides the assessment's own fields, kept until it is first read. */
interface BreakEvenInputs {
  current: SizedWorkload;
  choices: PricedChoices;
  pb: PriceBook;
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
    readonly alternatives: PricedAlternative[],
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
      const { current, choices, pb } = this.#breakEvenInputs!;
      const against = breakEvenPartner(this.settings, choices);
      this.#breakEven = findBreakEven(
        current,
        against?.sized,
        pb,
        against && {
          current: this.monthlyCost.expected,
          alternative: against.expected,
        },
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

  // Every other platform, under each model it can run (hybrids twice), priced when first read; the
  // cheaper feasible model of a platform represents it among the alternatives.
  const choices = pricedChoices({ settings, current, ctx, range });
  const alternatives = choices.alternatives;
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
    options: choices.home,
    otherProviders: () =>
      otherProvidersOptions(
        alternatives,
        PLATFORM_TRAITS[settings.platform].provider,
      ),
    posture,
    priceBook: pb,
    range,
    defaulted,
    confidence,
    relations: context.relations,
  });
  if (target) addTargetAssumptions(settings, target, engineAssumptions);

  return new EngineAssessment(
    entityRef,
    settings,
    monthlyCost,
    alternatives,
    { current, choices, pb },
    posture,
    engineAssumptions.length
      ? parsed.assumptions.concat(engineAssumptions)
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
 *
 * The parts a bulk reader seldom opens are computed on first read, from the same inputs and so to the
 * same values: the break-even, every cost range and breakdown, the other providers' alternatives,
 * and the texts of reasons and notes. They are accessors on the returned objects: read them by name
 * or serialise with JSON (`toJSON` includes everything); an object spread copies none of them.
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
