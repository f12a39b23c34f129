import type { CurvePoint } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** The cost curves' axes: the curves themselves come from the engine's `costCurves`. */

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
