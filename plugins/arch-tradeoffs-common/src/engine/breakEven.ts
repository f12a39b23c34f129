import type { BreakEven } from '../model/assessment';
import type { Platform } from '../model/settings';
import { formatQuantity as q } from '../prices/format';
import type { PriceBook } from '../prices/types';
import {
  BREAK_EVEN_MAX_REQUESTS,
  BREAK_EVEN_MIN_REQUESTS,
  MONTH_SECONDS,
} from './constants';
import { ESTIMATORS } from './estimators';
import { PLATFORM_NAMES } from './names';
import type { ScenarioFactors } from './traffic';
import { UNBOUNDED_INSTANCES } from './sizing';
import type { SizedWorkload } from './types';

/**
 * Break-even: the monthly request volume at which the current platform and an alternative cost the
 * same. Requests and peak rps scale together (the traffic profile keeps its shape), which is what
 * the scenario `traffic` factor does. The search starts at today's volume and walks outwards on both
 * sides two decades at a time across 1e3..1e11 requests/month; the first sign change of the cost
 * difference brackets the crossing nearest today (a pair of crossings inside one step can be missed:
 * costs here cross at most once in practice). It is refined by regula falsi (Illinois variant), with
 * secant steps on requests, until both costs agree within 0.1 %. Costs are continuous in traffic by
 * construction (see capacity.ts), so a sign change always holds a crossing.
 * Only the numbers are computed (no breakdowns): this runs for every component.
 */

const GRID_MIN = Math.log10(BREAK_EVEN_MIN_REQUESTS);
const GRID_MAX = Math.log10(BREAK_EVEN_MAX_REQUESTS);
/** Decades between probes when walking outwards from today's volume. */
const GRID_STEP = 2;
/** Relative cost agreement at which refinement stops. */
const TOLERANCE = 0.001;
const MAX_ITERATIONS = 60;

/**
 * The workload as break-even prices it: scaled from a base volume (1 request when there is none), and
 * with the replica ceiling lifted, because the question is what each platform costs when it scales
 * to the traffic, not what a capped (and then overloaded) fleet would bill.
 */
function withBase(w: SizedWorkload): SizedWorkload {
  if (
    w.monthlyRequests > 0 &&
    (w.maxInstances >= UNBOUNDED_INSTANCES || uncapped(w))
  )
    return w;
  const volume =
    w.monthlyRequests > 0 ? {} : { monthlyRequests: 1, peakRps: 1 / MONTH_SECONDS };
  return { ...w, ...volume, maxInstances: UNBOUNDED_INSTANCES };
}

/** True when lifting the replica ceiling cannot change the workload's cost (so a known cost holds). */
function uncapped(w: SizedWorkload): boolean {
  return (
    w.maxInstances >= UNBOUNDED_INSTANCES ||
    w.variant === 'lambda' ||
    w.variant === 'azure-consumption' ||
    w.variant === 'azure-flex' ||
    w.variant === 'workers'
  );
}

/** Scenario factors that scale a sized workload's traffic to `requests` a month, nothing else. */
function atVolume(w: SizedWorkload, requests: number): ScenarioFactors {
  return { traffic: requests / w.monthlyRequests, duration: 1, cpu: 1, size: 1, instances: 1 };
}

/** Both platforms' costs at one volume of the search. */
interface Probe {
  /** Requests per month (10^x). */
  requests: number;
  current: number;
  alternative: number;
  /** current − alternative. */
  difference: number;
}

function finiteOrZero(cost: number): number {
  return Number.isFinite(cost) ? cost : 0;
}

function probe(
  current: SizedWorkload,
  alternative: SizedWorkload,
  pb: PriceBook,
  log10Requests: number,
): Probe {
  const requests = Math.pow(10, log10Requests);
  const costCurrent = finiteOrZero(
    ESTIMATORS[current.variant](current, pb, atVolume(current, requests), false).cost,
  );
  const costAlternative = finiteOrZero(
    ESTIMATORS[alternative.variant](alternative, pb, atVolume(alternative, requests), false).cost,
  );
  return {
    requests,
    current: costCurrent,
    alternative: costAlternative,
    difference: costCurrent - costAlternative,
  };
}

/** Cost of a sized workload at an absolute monthly volume (fast path; for tests and what-if). @public */
export function costAtRequests(
  w: SizedWorkload,
  pb: PriceBook,
  requests: number,
): number {
  const base = withBase(w);
  const cost = ESTIMATORS[base.variant](base, pb, atVolume(base, requests), false).cost;
  return Number.isFinite(cost) && cost > 0 ? cost : 0;
}

/** The volumes searched, as the no-crossing messages quote them. */
const SEARCHED_RANGE = `${q(BREAK_EVEN_MIN_REQUESTS)} to ${q(BREAK_EVEN_MAX_REQUESTS)} requests/month`;

function requestsText(requests: number): string {
  const rps = requests / MONTH_SECONDS;
  return `${q(requests)} requests/month (${q(rps)} req/s on average)`;
}

function crossingMessage(
  current: Platform,
  against: Platform,
  at: Probe,
  cheaperBelow: 'current' | 'alternative',
  pb: PriceBook,
): string {
  const curName = PLATFORM_NAMES[current];
  const altName = PLATFORM_NAMES[against];
  const below = cheaperBelow === 'current' ? curName : altName;
  const above = cheaperBelow === 'current' ? altName : curName;
  return `${curName} and ${altName} cost the same, about ${pb.money(at.current)} a month, at ${requestsText(at.requests)}; below that ${below} is cheaper, above it ${above}.`;
}

/**
 * Finds where `current` and `alternative` cost the same. `known` are their expected costs at today's
 * volume when the caller has them (saves two evaluations).
 * @public
 */
export function findBreakEven(
  currentSized: SizedWorkload,
  alternativeSized: SizedWorkload | undefined,
  pb: PriceBook,
  known?: { current: number; alternative: number },
): BreakEven {
  if (!alternativeSized) {
    return {
      status: 'not-applicable',
      message: 'No feasible alternative to compare with.',
    };
  }
  const current = withBase(currentSized);
  const alternative = withBase(alternativeSized);

  // Start at today's volume (clamped into the range) and walk outwards GRID_STEP decades at a time on both
  // sides, so the first sign change found is the crossing nearest to today.
  const today =
    currentSized.monthlyRequests > 0
      ? Math.log10(currentSized.monthlyRequests)
      : GRID_MIN;
  const x0 = Math.min(GRID_MAX, Math.max(GRID_MIN, today));
  const start: Probe =
    known &&
    x0 === today &&
    currentSized.monthlyRequests > 0 &&
    uncapped(currentSized) &&
    uncapped(alternativeSized)
      ? {
          requests: currentSized.monthlyRequests,
          current: known.current,
          alternative: known.alternative,
          difference: known.current - known.alternative,
        }
      : probe(current, alternative, pb, x0);
  const d0 = start.difference;
  let allPositive = d0 > 0;
  let allNegative = d0 < 0;
  let lowX = x0;
  let lowD = d0;
  let highX = x0;
  let highD = d0;
  let a = NaN;
  let b = NaN;
  let fa = 0;
  let fb = 0;
  if (d0 === 0 && start.current > 0) {
    a = b = x0;
  }
  while (Number.isNaN(a) && (lowX > GRID_MIN || highX < GRID_MAX)) {
    if (highX < GRID_MAX) {
      const x = Math.min(GRID_MAX, highX + GRID_STEP);
      const d = probe(current, alternative, pb, x).difference;
      if (d > 0) allNegative = false;
      else if (d < 0) allPositive = false;
      else allPositive = allNegative = false;
      if ((highD < 0 && d >= 0) || (highD > 0 && d <= 0)) {
        a = highX;
        fa = highD;
        b = x;
        fb = d;
        break;
      }
      highX = x;
      highD = d;
    }
    if (lowX > GRID_MIN) {
      const x = Math.max(GRID_MIN, lowX - GRID_STEP);
      const d = probe(current, alternative, pb, x).difference;
      if (d > 0) allNegative = false;
      else if (d < 0) allPositive = false;
      else allPositive = allNegative = false;
      if ((lowD < 0 && d >= 0) || (lowD > 0 && d <= 0)) {
        a = x;
        fa = d;
        b = lowX;
        fb = lowD;
        break;
      }
      lowX = x;
      lowD = d;
    }
  }

  if (Number.isNaN(a)) {
    const curName = PLATFORM_NAMES[current.platform];
    const altName = PLATFORM_NAMES[alternative.platform];
    let cheaper: string | undefined;
    let side: BreakEven['cheaperBelow'];
    if (allPositive) {
      cheaper = altName;
      side = 'alternative';
    } else if (allNegative) {
      cheaper = curName;
      side = 'current';
    }
    return {
      status: 'no-crossing',
      against: alternative.platform,
      ...(side ? { cheaperBelow: side } : {}),
      message: cheaper
        ? `${cheaper} stays cheaper than ${cheaper === altName ? curName : altName} at every volume from ${SEARCHED_RANGE}: they do not cross.`
        : `${curName} and ${altName} cost about the same from ${SEARCHED_RANGE}.`,
    };
  }

  // Which side is cheaper below the crossing: the sign at the lower end of the bracket.
  const lowerD = a < b ? fa : fb;
  const upperD = a < b ? fb : fa;
  const cheaperBelow: 'current' | 'alternative' = (
    lowerD !== 0 ? lowerD < 0 : upperD > 0
  )
    ? 'current'
    : 'alternative';
  // Refine inside [a, b] by Illinois regula falsi. The bracket lives on log10(requests), but each
  // secant step is taken on requests themselves: costs are close to piecewise linear in traffic, so
  // the step lands at or next to the crossing (about three evaluations instead of six on log10).
  let last: Probe;
  if (a === b || fb === 0 || fa === 0) {
    last = probe(current, alternative, pb, fa === 0 ? a : b);
  } else {
    last = start;
    for (let i = 0; i < MAX_ITERATIONS; i++) {
      const requestsA = 10 ** a;
      const requestsB = 10 ** b;
      let x = Math.log10(requestsB - (fb * (requestsB - requestsA)) / (fb - fa));
      if (!(x > Math.min(a, b) && x < Math.max(a, b))) x = (a + b) / 2;
      last = probe(current, alternative, pb, x);
      const fx = last.difference;
      if (
        Math.abs(fx) <= TOLERANCE * Math.max(last.current, last.alternative) ||
        Math.abs(b - a) < 1e-12
      )
        break;
      if (fx < 0 === fb < 0) {
        fa /= 2;
      } else {
        a = b;
        fa = fb;
      }
      b = x;
      fb = fx;
    }
  }
  return {
    status: 'crosses',
    against: alternative.platform,
    monthlyRequests: last.requests,
    averageRps: last.requests / MONTH_SECONDS,
    cheaperBelow,
    message: crossingMessage(current.platform, alternative.platform, last, cheaperBelow, pb),
  };
}
