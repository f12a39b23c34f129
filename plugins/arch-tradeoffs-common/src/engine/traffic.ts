import type {
  SettingField,
  TrafficPattern,
  WorkloadSettings,
} from '../model/settings';
import { PEAK_TO_AVERAGE } from '../model/defaults';
import { MONTH_SECONDS, PROFILE_HOURS } from './constants';
import type { FieldSet } from './fields';

/**
 * A day of traffic as 24 hourly weights with mean 1: hour h carries `averageRps × weight[h]`.
 *
 * Each pattern has a base shape (below). `buildProfile` bends it so that the busiest hour is
 * `peakRps / averageRps` times the mean, keeping the mean at exactly 1 and no hour negative:
 *  - up to the ratio the shape can reach linearly, `w = 1 + k (s − 1)` (a stretched shape);
 *  - beyond that, the fully stretched shape is blended with a single-hour spike at the busiest hour.
 * An hour cannot be busier than 24× the daily mean (all traffic in one hour), so a stated peak above
 * that is a sub-hour burst: the profile caps at 24 and the peak still drives headroom and burst checks.
 *
 * Hourly resolution is enough for cost (cloud-economics.md §5.5) and keeps the hot loop at 24 steps.
 */

function normalise(shape: number[]): number[] {
  const mean = shape.reduce((a, b) => a + b, 0) / shape.length;
  return shape.map(x => x / mean);
}

const hours = Array.from({ length: PROFILE_HOURS }, (_, h) => h);

/** Hours from the 14:00 peak, wrapping round midnight (0–12), so mirrored hours get equal weights. */
function fromPeak(h: number): number {
  const d = Math.abs(h - 14);
  return d > 12 ? 24 - d : d;
}

/**
 * Base shapes, mean 1, peak hour 14:00 for the daily ones (only the shape matters). Each reaches the
 * parser's default peak-to-average ratio for its pattern (PEAK_TO_AVERAGE: 1.5, 3, 10, 8) by
 * stretching alone.
 */
const BASE_SHAPES: Record<TrafficPattern, number[]> = {
  // Near-flat: ±10 % around the mean.
  steady: normalise(
    hours.map(h => 1 + 0.1 * Math.cos((2 * Math.PI * fromPeak(h)) / 24)),
  ),
  // Business hours: a rounded daytime peak, quiet nights.
  diurnal: normalise(
    hours.map(h => 0.1 + (1 + Math.cos((2 * Math.PI * fromPeak(h)) / 24)) ** 3),
  ),
  // A low baseline with two short bursts.
  spiky: normalise(hours.map(h => (h === 10 || h === 19 ? 4.3 : 0.7))),
  // A nightly job: a day's work in three hours, nothing the rest of the day.
  batch: normalise(hours.map(h => (h >= 1 && h <= 3 ? 8 : 0))),
};

interface ShapeInfo {
  shape: number[];
  max: number;
  min: number;
  argmax: number;
  /** Largest peak / mean ratio reachable by linear stretching without a negative hour. */
  linearLimit: number;
}

const SHAPES: Record<TrafficPattern, ShapeInfo> = Object.fromEntries(
  (Object.keys(BASE_SHAPES) as TrafficPattern[]).map(pattern => {
    const shape = BASE_SHAPES[pattern];
    const max = Math.max(...shape);
    const min = Math.min(...shape);
    return [
      pattern,
      {
        shape,
        max,
        min,
        argmax: shape.indexOf(max),
        linearLimit: 1 + (max - 1) / (1 - min),
      },
    ];
  }),
) as Record<TrafficPattern, ShapeInfo>;

/** A peak / mean ratio between 1 and 24 (NaN → 1). */
function clampRatio(ratio: number): number {
  if (!(ratio >= 1)) return 1;
  return ratio > PROFILE_HOURS ? PROFILE_HOURS : ratio;
}

/**
 * The 24 hourly weights (mean 1, in hour order) of a pattern whose busiest hour is `ratio` × the
 * mean. For display (a daily traffic chart); the engine uses the grouped {@link TrafficProfile}.
 * @public
 */
export function buildProfile(pattern: TrafficPattern, ratio: number): number[] {
  const info = SHAPES[pattern] ?? SHAPES.steady;
  const r = clampRatio(ratio);
  const out: number[] = [];
  if (r <= info.linearLimit) {
    const k = (r - 1) / (info.max - 1);
    for (let h = 0; h < PROFILE_HOURS; h++)
      out.push(1 + k * (info.shape[h] - 1));
  } else {
    const k = (info.linearLimit - 1) / (info.max - 1);
    const t = (r - info.linearLimit) / (PROFILE_HOURS - info.linearLimit);
    for (let h = 0; h < PROFILE_HOURS; h++) {
      const linear = Math.max(0, 1 + k * (info.shape[h] - 1));
      out.push((1 - t) * linear + (h === info.argmax ? t * PROFILE_HOURS : 0));
    }
  }
  return out;
}

/**
 * A day of traffic as the distinct hourly weights and how many hours carry each: only the
 * distribution of load over the day matters for monthly cost, not the order of the hours, and
 * grouping equal hours cuts the estimators' loops from 24 steps to 3–13.
 * @public
 */
export interface TrafficProfile {
  /** Distinct hourly weights; the mean over the 24 hours is 1. */
  weights: number[];
  /** Hours of the day carrying each weight (they sum to 24). */
  hours: number[];
  /** Largest weight: the busiest hour relative to the mean. */
  max: number;
}

/**
 * The grouped profile of a pattern at a peak / mean ratio.
 * @public
 */
export function trafficProfile(
  pattern: TrafficPattern,
  ratio: number,
): TrafficProfile {
  const hourly = buildProfile(pattern, clampRatio(ratio));
  const weights: number[] = [];
  const counts: number[] = [];
  let max = 0;
  for (const w of hourly) {
    const i = weights.indexOf(w);
    if (i >= 0) counts[i]++;
    else {
      weights.push(w);
      counts.push(1);
    }
    if (w > max) max = w;
  }
  return { weights, hours: counts, max };
}

/** Average requests per second of a monthly volume. @public */
export function averageRps(monthlyRequests: number): number {
  return monthlyRequests / MONTH_SECONDS;
}

/** The profile of a workload: its pattern bent to its peak / average ratio. @public */
export function profileOf(
  settings: Pick<
    WorkloadSettings,
    'trafficPattern' | 'monthlyRequests' | 'peakRps'
  >,
): TrafficProfile {
  const avg = averageRps(settings.monthlyRequests);
  // With no traffic there is no ratio to take; the pattern's typical one keeps a shape for scaling.
  const ratio =
    avg > 0
      ? settings.peakRps / avg
      : (PEAK_TO_AVERAGE[settings.trafficPattern] ?? 1);
  return trafficProfile(settings.trafficPattern, ratio);
}

/**
 * Multipliers applied to a sized workload when pricing a scenario: traffic (requests and peak
 * together), wall time, CPU time, size (memory and vCPU) and minimum instances. `expected` is all 1;
 * low / high widen with the pattern's uncertainty and with every cost-driving input that was defaulted.
 * @public
 */
export interface ScenarioFactors {
  traffic: number;
  duration: number;
  cpu: number;
  size: number;
  instances: number;
}

/** @public */
export const EXPECTED_FACTORS: Readonly<ScenarioFactors> = Object.freeze({
  traffic: 1,
  duration: 1,
  cpu: 1,
  size: 1,
  instances: 1,
});

/**
 * How far real traffic strays from a stated monthly figure, per pattern: steady services are
 * predictable, spiky ones are not. These are judgement calls (documented, not sourced).
 */
const TRAFFIC_SPREAD: Record<TrafficPattern, [number, number]> = {
  steady: [0.85, 1.15],
  diurnal: [0.75, 1.3],
  spiky: [0.6, 1.6],
  batch: [0.7, 1.4],
};

/** The fields whose defaulting widens the range, and by how much (low, high multipliers). */
const DEFAULTED_SPREAD = {
  // An unknown request volume is the largest uncertainty there is: a factor of 4 either way.
  monthlyRequests: [0.25, 4],
  // peak-rps or traffic-pattern defaulted: the shape is a guess.
  peakRps: [0.8, 1.25],
  avgDurationMs: [0.5, 2],
  // cpu-ms defaults to the wall time (treated as CPU-bound); the service may well be I/O-bound.
  cpuMs: [0.3, 1],
  // memory (FaaS) or vCPU / memory (containers) defaulted.
  size: [0.5, 2],
  instances: [0.5, 1],
} as const;

/**
 * Low and high scenario multipliers for a workload, given which fields were defaulted. `sizeFields`
 * are the fields that size the current platform (memory for FaaS; vCPU and memory for containers).
 * @public
 */
export function scenarioFactors(
  pattern: TrafficPattern,
  defaulted: FieldSet,
  sizeFields: readonly SettingField[] = ['memoryMb', 'vcpu'],
): { low: ScenarioFactors; high: ScenarioFactors } {
  const [tl, th] = TRAFFIC_SPREAD[pattern] ?? TRAFFIC_SPREAD.steady;
  let trafficLow = tl;
  let trafficHigh = th;
  if (defaulted.has('monthlyRequests')) {
    trafficLow *= DEFAULTED_SPREAD.monthlyRequests[0];
    trafficHigh *= DEFAULTED_SPREAD.monthlyRequests[1];
  }
  if (defaulted.has('peakRps') || defaulted.has('trafficPattern')) {
    trafficLow *= DEFAULTED_SPREAD.peakRps[0];
    trafficHigh *= DEFAULTED_SPREAD.peakRps[1];
  }
  const durationDefaulted = defaulted.has('avgDurationMs');
  const durationLow = durationDefaulted ? DEFAULTED_SPREAD.avgDurationMs[0] : 1;
  const durationHigh = durationDefaulted
    ? DEFAULTED_SPREAD.avgDurationMs[1]
    : 1;
  // A defaulted cpu-ms is derived from the wall time, so it moves with it.
  const cpuDefaulted = defaulted.has('cpuMs');
  let sizeDefaulted = false;
  for (let i = 0; i < sizeFields.length; i++)
    if (defaulted.has(sizeFields[i])) sizeDefaulted = true;
  const instancesDefaulted = defaulted.has('instances');
  return {
    low: {
      traffic: trafficLow,
      duration: durationLow,
      cpu: cpuDefaulted ? DEFAULTED_SPREAD.cpuMs[0] * durationLow : 1,
      size: sizeDefaulted ? DEFAULTED_SPREAD.size[0] : 1,
      instances: instancesDefaulted ? DEFAULTED_SPREAD.instances[0] : 1,
    },
    high: {
      traffic: trafficHigh,
      duration: durationHigh,
      cpu: cpuDefaulted ? DEFAULTED_SPREAD.cpuMs[1] * durationHigh : 1,
      size: sizeDefaulted ? DEFAULTED_SPREAD.size[1] : 1,
      instances: instancesDefaulted ? DEFAULTED_SPREAD.instances[1] : 1,
    },
  };
}
