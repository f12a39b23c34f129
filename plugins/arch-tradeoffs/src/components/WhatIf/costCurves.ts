import {
  Alternative,
  Assessment,
  costAtRequests,
  FieldMask,
  infeasibilityReasons,
  ParsedSettings,
  PLATFORM_TRAITS,
  Platform,
  PriceBook,
  profileOf,
  SizedWorkload,
  sizeAlternative,
  sizeCurrent,
  SizingContext,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** One sample of both curves. */
export interface CurvePoint {
  requests: number;
  current: number;
  alternative?: number;
}

export interface CostCurves {
  points: CurvePoint[];
  /** The platform the second curve prices (the break-even's counterpart), if any. */
  against?: Platform;
}

/** Samples across the chart; enough for smooth lines at chart width, cheap enough for every keystroke. */
export const SAMPLES = 40;
/** Decades shown on each side of today's traffic. */
export const DECADES_EACH_SIDE = 2;

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
  feasible.sort((a, b) => a.monthlyCost.expected - b.monthlyCost.expected);
  return feasible[0]?.platform;
}

/**
 * Sizes the counterpart as the engine's break-even does: on a hybrid platform the model other than
 * today's is the trade-off in question, so it is preferred when feasible.
 */
function sizeCounterpart(
  parsed: ParsedSettings,
  current: SizedWorkload,
  platform: Platform,
  ctx: SizingContext,
): SizedWorkload | undefined {
  const settings = parsed.settings!;
  const models = [...PLATFORM_TRAITS[platform].models].sort(
    (a, b) =>
      Number(a === settings.executionModel) -
      Number(b === settings.executionModel),
  );
  for (const model of models) {
    const { sized } = sizeAlternative(
      settings,
      current,
      { platform, model },
      ctx,
    );
    if (sized && infeasibilityReasons(settings, sized).length === 0)
      return sized;
  }
  return undefined;
}

/**
 * Both cost curves against monthly requests, computed with the engine's own sizing and estimators
 * (`costAtRequests` scales requests and peak together, the same scaling break-even searches over), so
 * the curves cross exactly where the break-even says. Log-spaced over four decades around today.
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
    defaulted: FieldMask.fromAssumptions(parsed.assumptions),
    frontDoor: 'none',
    profile: profileOf(settings),
  };
  const current = sizeCurrent(settings, ctx);
  const against = counterpart(assessment);
  const alternative = against
    ? sizeCounterpart(parsed, current, against, ctx)
    : undefined;

  const centre = Math.log10(Math.max(settings.monthlyRequests, 1));
  const from = centre - DECADES_EACH_SIDE;
  const step = (2 * DECADES_EACH_SIDE) / (SAMPLES - 1);
  const points: CurvePoint[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const requests = Math.pow(10, from + i * step);
    points.push({
      requests,
      current: costAtRequests(current, priceBook, requests),
      ...(alternative
        ? { alternative: costAtRequests(alternative, priceBook, requests) }
        : {}),
    });
  }
  return { points, against: alternative ? against : undefined };
}

/** Costs below this are drawn at it: a log axis has no zero (a free tier costs nothing). */
export const COST_FLOOR = 0.01;

/** The powers of ten from the one at or below `low` to the one at or above `high`. */
export function decadeTicks(low: number, high: number): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high) || low <= 0) return [];
  const from = Math.floor(Math.log10(Math.max(low, Number.MIN_VALUE)) + 1e-9);
  const to = Math.ceil(Math.log10(Math.max(high, low, Number.MIN_VALUE)) - 1e-9);
  const ticks: number[] = [];
  for (let e = from; e <= Math.max(from, to); e++) ticks.push(Math.pow(10, e));
  return ticks;
}

/** The points with every cost raised to `COST_FLOOR`, for a log-scaled cost axis. */
export function plottable(points: CurvePoint[]): CurvePoint[] {
  return points.map(p => ({
    requests: p.requests,
    current: Math.max(p.current, COST_FLOOR),
    ...(p.alternative === undefined
      ? {}
      : { alternative: Math.max(p.alternative, COST_FLOOR) }),
  }));
}
