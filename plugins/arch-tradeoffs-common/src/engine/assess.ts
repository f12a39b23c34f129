import { ANNOTATIONS } from '../annotations';
import type {
  Assessment,
  Level,
  Posture,
  Suggestion,
} from '../model/assessment';
import {
  PLATFORMS,
  type Assumption,
  type ExecutionModel,
  type Platform,
  type ParsedSettings,
  type WorkloadSettings,
} from '../model/settings';
import { createPriceBook } from '../prices/priceBook';
import type { PriceBook, PricingOptions } from '../prices/types';
import { findBreakEven } from './breakEven';
import { costBounds, costRange, sizeFieldsOf, type CostBounds } from './estimate';
import { infeasibilityReasons } from './feasibility';
import { defaultedFields, type FieldSet } from './fields';
import { deepFreeze } from '../deepFreeze';
import { PLATFORM_NAMES } from './names';
import {
  alternativeOf,
  breakEvenPartner,
  cheapestOnProvider,
  chosenPerPlatform,
  otherPlatforms,
  priceOptions,
  type OptionBasis,
} from './options';
import { PLATFORM_TRAITS } from './platforms';
import { computePosture } from './posture';
import {
  currentSizingAssumptions,
  sizeCurrent,
  type SizingContext,
} from './sizing';
import type { PlatformOption, Relations } from './suggestions';
import { suggestMigration } from './suggestions';
import { profileOf, scenarioFactors } from './traffic';
import type { FrontDoor, SizedWorkload } from './types';

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
 * Options of {@link assessWorkload} and {@link assessFigures}.
 * @public
 */
export interface EngineOptions extends AssessContext {
  /** A prepared price book: build it once with {@link createPriceBook} when assessing many components. */
  priceBook?: PriceBook;
  /** Pricing options to build a price book from, when no `priceBook` is given. */
  pricing?: PricingOptions;
}

/** Options of {@link createAssessor}. @public */
export interface AssessorOptions {
  priceBook?: PriceBook;
  pricing?: PricingOptions;
}

/** A prepared assessor: {@link assessWorkload} with a price book built once. @public */
export type Assessor = (
  entityRef: string,
  parsed: ParsedSettings,
  context?: AssessContext,
) => Assessment | null;

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

/** Assumptions about the suggestion target's sizing, where it differs from the stated settings. */
function targetAssumptions(
  settings: WorkloadSettings,
  target: SizedWorkload,
): Assumption[] {
  const out: Assumption[] = [];
  if (target.platform === settings.platform) return out;
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
  return out;
}

/** What an assessment and its figures are both computed from. */
interface Basis extends OptionBasis {
  entityRef: string;
  parsed: ParsedSettings;
  defaulted: FieldSet;
  /** The engine's assumptions in sizing the current platform. */
  currentAssumptions: Assumption[];
  currentCost: CostBounds;
  currentInfeasible: string[];
  posture: Posture;
  confidence: Level;
  relations?: Relations;
}

function basisOf(
  entityRef: string,
  parsed: ParsedSettings,
  pb: PriceBook,
  context: AssessContext,
): Basis | null {
  if (!parsed || !parsed.assessable || !parsed.settings) return null;
  const settings = parsed.settings;
  const defaulted = defaultedFields(parsed.assumptions);
  const ctx: SizingContext = {
    priceBook: pb,
    defaulted,
    frontDoor: context.frontDoor ?? 'none',
    profile: profileOf(settings),
  };
  const current = sizeCurrent(settings, ctx);
  const range = scenarioFactors(
    settings.trafficPattern,
    defaulted,
    sizeFieldsOf(settings.platform),
  );
  const currentInfeasible = infeasibilityReasons(settings, current);
  return {
    entityRef,
    parsed,
    settings,
    current,
    ctx,
    range,
    defaulted,
    currentAssumptions: currentSizingAssumptions(settings, defaulted),
    currentCost: costBounds(current, pb, range),
    currentInfeasible,
    posture: computePosture(settings, current, currentInfeasible, defaulted),
    confidence: confidenceOf(defaulted, settings),
    relations: context.relations,
  };
}

/**
 * The one migration suggestion and its target, from the own provider's options (`home`); the other
 * providers' are priced only if a hard limit finds nothing at home.
 */
function suggestionOf(
  basis: Basis,
  home: PlatformOption[],
  otherProviders: () => PlatformOption[],
): { suggestion: Suggestion | null; target?: SizedWorkload } {
  const { settings } = basis;
  return suggestMigration({
    entityRef: basis.entityRef,
    settings,
    current: basis.current,
    currentCost: basis.currentCost,
    currentInfeasible: basis.currentInfeasible,
    options: home,
    otherProviders,
    posture: basis.posture,
    priceBook: basis.ctx.priceBook,
    range: basis.range,
    defaulted: basis.defaulted,
    confidence: basis.confidence,
    relations: basis.relations,
  });
}

function assessWithBook(
  entityRef: string,
  parsed: ParsedSettings,
  pb: PriceBook,
  context: AssessContext,
): Assessment | null {
  const basis = basisOf(entityRef, parsed, pb, context);
  if (!basis) return null;
  const { settings, current, currentCost, range } = basis;
  const own = settings.platform;
  const home = priceOptions(basis, otherPlatforms(own, 'same provider'));
  const others = priceOptions(basis, otherPlatforms(own, 'other providers'));
  const all = [...home, ...others].sort(
    (a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform),
  );
  const { suggestion, target } = suggestionOf(basis, home, () => others);
  const partner = breakEvenPartner(settings, home, all);
  // Frozen whole, so the parts that come from the caller's parsed settings are copied first.
  return deepFreeze({
    entityRef,
    executionModel: settings.executionModel,
    platform: settings.platform,
    settings: { ...settings },
    monthlyCost: costRange(current, pb, range),
    alternatives: chosenPerPlatform(all).map(option => alternativeOf(option, basis)),
    breakEven: findBreakEven(
      current,
      partner?.sized,
      pb,
      partner && { current: currentCost.expected, alternative: partner.expected },
    ),
    posture: basis.posture,
    assumptions: [
      ...parsed.assumptions.map(a => ({ ...a })),
      ...basis.currentAssumptions,
      ...(target ? targetAssumptions(settings, target) : []),
    ],
    diagnostics: parsed.diagnostics.map(d => ({ ...d })),
    suggestion,
    confidence: basis.confidence,
  });
}

/**
 * The figures of an assessment that a snapshot stores for lists, filters, the map and scorecards,
 * computed without the parts only a single component's page shows (the alternatives' ranges and
 * breakdowns, the other providers' prices, the break-even search). {@link assessFigures} gives the
 * same values as {@link assessWorkload} (a property test holds them equal).
 * @public
 */
export interface AssessmentFigures {
  entityRef: string;
  executionModel: ExecutionModel;
  platform: Platform;
  /** The expected monthly cost on the current platform (`Assessment.monthlyCost.expected`). */
  monthlyCost: number;
  /**
   * The cheapest feasible platform on the component's own cloud provider, its current one included:
   * the scorecards' yardstick of cost efficiency.
   */
  cheapestOnProvider: number;
  posture: Posture;
  suggestion: Suggestion | null;
  confidence: Level;
}

function figuresWithBook(
  entityRef: string,
  parsed: ParsedSettings,
  pb: PriceBook,
  context: AssessContext,
): AssessmentFigures | null {
  const basis = basisOf(entityRef, parsed, pb, context);
  if (!basis) return null;
  const own = basis.settings.platform;
  const home = priceOptions(basis, otherPlatforms(own, 'same provider'));
  const { suggestion } = suggestionOf(basis, home, () =>
    priceOptions(basis, otherPlatforms(own, 'other providers')),
  );
  return deepFreeze({
    entityRef,
    executionModel: basis.settings.executionModel,
    platform: own,
    monthlyCost: basis.currentCost.expected,
    cheapestOnProvider: cheapestOnProvider(basis.currentCost.expected, home),
    posture: basis.posture,
    suggestion,
    confidence: basis.confidence,
  });
}

/**
 * The cheapest feasible platform on the assessment's own provider, its current one included (see
 * {@link AssessmentFigures.cheapestOnProvider}).
 * @public
 */
export function cheapestOnProviderOf(assessment: Assessment): number {
  const provider = PLATFORM_TRAITS[assessment.platform].provider;
  let best = assessment.monthlyCost.expected;
  for (const alternative of assessment.alternatives) {
    if (
      PLATFORM_TRAITS[alternative.platform].provider === provider &&
      alternative.monthlyCost &&
      alternative.monthlyCost.expected < best
    )
      best = alternative.monthlyCost.expected;
  }
  return best;
}

function priceBookOf(options: EngineOptions): PriceBook {
  return options.priceBook ?? createPriceBook(options.pricing);
}

/**
 * Assesses one component: cost on its platform and on every alternative, break-even, scaling posture,
 * assumptions and at most one migration suggestion. Null when the parsed settings are not
 * assessable. Never throws on settings the parser produces. The result is plain, frozen data: spread
 * it, clone it, serialise it. Pass a `priceBook` (or use {@link createAssessor}) when assessing many.
 * @public
 */
export function assessWorkload(
  entityRef: string,
  parsed: ParsedSettings,
  options: EngineOptions = {},
): Assessment | null {
  return assessWithBook(entityRef, parsed, priceBookOf(options), options);
}

/**
 * The stored figures of {@link assessWorkload}'s assessment, at about a fifth of its work: what the
 * backend's refresh keeps for every component. Plain, frozen data.
 * @public
 */
export function assessFigures(
  entityRef: string,
  parsed: ParsedSettings,
  options: EngineOptions = {},
): AssessmentFigures | null {
  return figuresWithBook(entityRef, parsed, priceBookOf(options), options);
}

/**
 * {@link assessWorkload} with the price book built once (throws on invalid pricing options).
 * @public
 */
export function createAssessor(options: AssessorOptions = {}): Assessor {
  const priceBook = options.priceBook ?? createPriceBook(options.pricing);
  return (entityRef, parsed, context) =>
    assessWithBook(entityRef, parsed, priceBook, context ?? {});
}
