import {
  DEFAULT_INFERENCE,
  inferFromCatalog,
  type InferenceOptions,
} from '../infer/catalogInference';
import type { Alternative, Assessment } from '../model/assessment';
import type { Platform, ParsedSettings, WorkloadSettings } from '../model/settings';
import { parseArchAnnotations } from '../parse/parseAnnotations';
import type { PriceBook } from '../prices/types';
import { assessWorkload } from './assess';
import { costAtRequests } from './breakEven';
import { infeasibilityReasons } from './feasibility';
import { defaultedFields } from './fields';
import { PLATFORM_TRAITS } from './platforms';
import { sizeAlternative, sizeCurrent, type SizingContext } from './sizing';
import type { SizedWorkload } from './types';

/**
 * The what-if: annotations as a user edits them, read and assessed as the backend reads a catalog
 * component. One function for the browser's what-if and `POST /v1/estimate`, so both give the same
 * result by construction.
 */

/** What the what-if is computed with: the configuration both halves read (see `readArchTradeoffsConfig`). @public */
export interface WhatIfOptions {
  priceBook: PriceBook;
  /** `archTradeoffs.defaults`. */
  defaults?: Partial<WorkloadSettings>;
  /** `archTradeoffs.inference`; the built-in rules when absent. */
  inference?: InferenceOptions;
}

/** A what-if's input: the component's annotations (its own and other plugins'), edited or not. @public */
export interface WhatIfInput {
  /** Used for the suggestion id; default `component:default/what-if`. */
  entityRef?: string;
  annotations: Record<string, string>;
}

/** A what-if's result. @public */
export interface WhatIf {
  /** The settings read from the annotations, with their assumptions and diagnostics. */
  parsed: ParsedSettings;
  /** Null when the annotations do not make an assessable workload (see `parsed.diagnostics`). */
  assessment: Assessment | null;
}

/**
 * Reads `annotations` as the backend reads a component's (its own keys over what other plugins'
 * annotations imply, then the configured defaults) and assesses the result.
 * @public
 */
export function estimateWhatIf(input: WhatIfInput, options: WhatIfOptions): WhatIf {
  const inference = inferFromCatalog(
    { annotations: input.annotations },
    options.inference ?? DEFAULT_INFERENCE,
  );
  const parsed = parseArchAnnotations(input.annotations, {
    defaults: options.defaults,
    inferred: inference.applicable ? inference.platform : undefined,
  });
  const assessment = assessWorkload(
    input.entityRef ?? 'component:default/what-if',
    parsed,
    { priceBook: options.priceBook },
  );
  return { parsed, assessment };
}

/** One sample of both cost curves. @public */
export interface CurvePoint {
  requests: number;
  current: number;
  alternative?: number;
}

/** The monthly cost against monthly requests, on the current platform and on its counterpart. @public */
export interface CostCurves {
  points: CurvePoint[];
  /** The platform the second curve prices (the break-even's counterpart), if any. */
  against?: Platform;
}

/** Samples across the chart: smooth lines at chart width, cheap enough for every keystroke. */
export const CURVE_SAMPLES = 40;
/** Decades shown on each side of today's traffic. */
export const CURVE_DECADES_EACH_SIDE = 2;

/** The platform the curves compare with: the one break-even uses, else the cheapest feasible one. */
function counterpart(assessment: Assessment): Platform | undefined {
  if (assessment.breakEven.against) return assessment.breakEven.against;
  const feasible = assessment.alternatives.filter(
    (
      a,
    ): a is Alternative & {
      monthlyCost: NonNullable<Alternative['monthlyCost']>;
    } => a.feasible && a.monthlyCost !== undefined,
  );
  const cheapest = [...feasible].sort(
    (a, b) => a.monthlyCost.expected - b.monthlyCost.expected,
  );
  return cheapest[0]?.platform;
}

/**
 * Sizes the counterpart as the engine's break-even does: on a hybrid platform the model other than
 * today's is the trade-off in question, so it is preferred when feasible.
 */
function sizeCounterpart(
  settings: WorkloadSettings,
  current: SizedWorkload,
  platform: Platform,
  ctx: SizingContext,
): SizedWorkload | undefined {
  const models = [...PLATFORM_TRAITS[platform].models].sort(
    (a, b) =>
      Number(a === settings.executionModel) -
      Number(b === settings.executionModel),
  );
  for (const model of models) {
    const { sized } = sizeAlternative(settings, current, { platform, model }, ctx);
    if (sized && infeasibilityReasons(settings, sized).length === 0)
      return sized;
  }
  return undefined;
}

/**
 * Both cost curves against monthly requests, computed with the engine's own sizing and estimators
 * (requests and peak scale together, as the break-even search scales them), so the curves cross
 * exactly where the break-even says. Log-spaced over four decades around today.
 * @public
 */
export function costCurves(
  parsed: ParsedSettings,
  assessment: Assessment,
  priceBook: PriceBook,
): CostCurves {
  const settings = parsed.settings;
  if (!settings) return { points: [] };
  const ctx: SizingContext = {
    priceBook,
    defaulted: defaultedFields(parsed.assumptions),
    frontDoor: 'none',
  };
  const current = sizeCurrent(settings, ctx);
  const against = counterpart(assessment);
  const alternative = against
    ? sizeCounterpart(settings, current, against, ctx)
    : undefined;

  const centre = Math.log10(Math.max(settings.monthlyRequests, 1));
  const from = centre - CURVE_DECADES_EACH_SIDE;
  const step = (2 * CURVE_DECADES_EACH_SIDE) / (CURVE_SAMPLES - 1);
  const points: CurvePoint[] = [];
  for (let i = 0; i < CURVE_SAMPLES; i++) {
    const requests = Math.pow(10, from + i * step);
    points.push({
      requests,
      current: costAtRequests(current, priceBook, requests),
      ...(alternative
        ? { alternative: costAtRequests(alternative, priceBook, requests) }
        : {}),
    });
  }
  return { points, ...(alternative ? { against } : {}) };
}
