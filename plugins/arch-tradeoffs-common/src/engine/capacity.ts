import { TARGET_UTILISATION } from './constants';
import type { TrafficProfile } from './traffic';

/**
 * Capacity and autoscaling arithmetic shared by the estimators. These are the hot loops of the
 * engine: one step per distinct hourly weight of the traffic profile (3–13).
 *
 * Notation: `c` is concurrent requests in flight (Little's law: rps × wall seconds), `k` is how many
 * of them one replica holds at its autoscaling target.
 */

/**
 * Two sums over the 24 hours of a day: `sum`, the instances billed each hour (running, or busy under
 * per-request billing), and `idle`, the part of them with no request in flight. Multiply by
 * BUCKET_HOURS for instance-hours, or by BUCKET_SECONDS for instance-seconds.
 */
export interface ReplicaHours {
  sum: number;
  idle: number;
}

/**
 * Concurrent requests one replica holds at the autoscaling target: the lower of the concurrency limit
 * (60 % of it, as Cloud Run scales) and the CPU limit (60 % of vCPU: a request keeps
 * cpuMs / durationMs of a vCPU busy, so a replica holds 0.6 × vCPU × durationMs / cpuMs of them).
 * CPU-bound work hits the CPU limit first, I/O-bound work the concurrency limit. A single-concurrency
 * platform holds exactly one.
 */
export function targetConcurrency(
  vcpu: number,
  durationMs: number,
  cpuMs: number,
  concurrency: number,
): number {
  const byConcurrency = concurrency > 1 ? TARGET_UTILISATION * concurrency : 1;
  const byCpu =
    cpuMs > 0 ? (TARGET_UTILISATION * vcpu * durationMs) / cpuMs : Infinity;
  const k = byConcurrency < byCpu ? byConcurrency : byCpu;
  return k > 1e-9 ? k : 1e-9;
}

/** Requests per second one replica serves flat out (100 % CPU or full concurrency). */
export function fullCapacityRps(
  vcpu: number,
  durationMs: number,
  cpuMs: number,
  concurrency: number,
): number {
  const byConcurrency = (concurrency * 1000) / durationMs;
  const byCpu = cpuMs > 0 ? (vcpu * 1000) / cpuMs : Infinity;
  return byConcurrency < byCpu ? byConcurrency : byCpu;
}

/**
 * Replicas running in one hour for a load of `q` replicas' worth of work, as a continuous function:
 * autoscalers run ceil(load) replicas and load wanders within the hour, and the mean of ceil(x) for
 * x spread over a unit interval is x + ½. Below one replica of load we ramp the ½ in (1.5 q) so that
 * a scale-to-zero fleet costs nothing at no traffic. Continuous and non-decreasing in q, which keeps
 * break-even search and monotonicity sound; clamped to [min, max] replicas.
 */
function replicas(q: number, min: number, max: number): number {
  let n = q < 1 ? 1.5 * q : q + 0.5;
  if (n < min) n = min;
  if (n > max) n = max;
  return n;
}

/**
 * Σ over the 24 hours of replicas running, for a fleet that needs `meanLoad` replicas' worth of work at
 * the mean hour, never below `min` nor above `max` replicas. Multiply by BUCKET_HOURS for replica-hours.
 */
export function replicaSum(
  profile: TrafficProfile,
  meanLoad: number,
  min: number,
  max: number,
): number {
  const weights = profile.weights;
  const hours = profile.hours;
  let sum = 0;
  for (let i = 0; i < weights.length; i++)
    sum += hours[i] * replicas(meanLoad * weights[i], min, max);
  return sum;
}

/**
 * 1 − e^(−x), the chance that at least one request is in flight when `x` are on average (Poisson),
 * through the rational approximation 1 − 1 / (1 + x + x²/2 + x³/6) (the exponential's Taylor
 * denominator): within 0.03 of the exact value, continuous and increasing like it, and several
 * times cheaper than Math.exp in the estimators' loops.
 */
export function someInFlight(x: number): number {
  return 1 - 1 / (1 + x * (1 + x * (0.5 + x / 6)));
}

/**
 * Like {@link replicaSum}, and also the part of it that sits idle (no request in flight). With `c`
 * concurrent requests on average in an hour (Poisson arrivals), the fleet has none in flight a
 * fraction ≈ e^(−c) of the time. Returns the running sum and its idle part.
 */
export function replicaSumWithIdle(
  profile: TrafficProfile,
  meanLoad: number,
  meanConcurrency: number,
  min: number,
  max: number,
): ReplicaHours {
  const weights = profile.weights;
  const hours = profile.hours;
  let sum = 0;
  let idle = 0;
  for (let i = 0; i < weights.length; i++) {
    const n = hours[i] * replicas(meanLoad * weights[i], min, max);
    sum += n;
    idle += n * (1 - someInFlight(meanConcurrency * weights[i]));
  }
  return { sum, idle };
}

/**
 * Σ over the 24 hours of busy instances under per-request billing (Cloud Run request-based, Cloud Run
 * functions, Container Apps scaled from zero): an instance is billed while it has a request in flight.
 * At low concurrency requests rarely overlap and the busy fraction is the chance that at least one is
 * in flight, 1 − e^(−c) (computed on the billed duration, e.g. rounded up to 100 ms); at high
 * concurrency it is c / k instances. Capped at `max` instances. The idle part is the remainder of
 * `min` warm instances, Σ max(0, min − busy). Returns the busy sum and that idle remainder.
 */
export function busySum(
  profile: TrafficProfile,
  meanConcurrency: number,
  meanBilledConcurrency: number,
  k: number,
  min: number,
  max: number,
): ReplicaHours {
  const weights = profile.weights;
  const hours = profile.hours;
  let sum = 0;
  let idle = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    const overlap = someInFlight(meanBilledConcurrency * w);
    const shared = (meanConcurrency * w) / k;
    let busy = overlap > shared ? overlap : shared;
    if (busy > max) busy = max;
    sum += hours[i] * busy;
    if (busy < min) idle += hours[i] * (min - busy);
  }
  return { sum, idle };
}

/**
 * Σ over the 24 hours of concurrency served by `warm` pre-initialised environments (Provisioned
 * Concurrency, always-ready instances): min(c, warm) each hour.
 */
export function warmServedSum(
  profile: TrafficProfile,
  meanConcurrency: number,
  warm: number,
): number {
  const weights = profile.weights;
  const hours = profile.hours;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const c = meanConcurrency * weights[i];
    sum += hours[i] * (c < warm ? c : warm);
  }
  return sum;
}

/** Cost of `units` through volume tiers (`prices.length === sizes.length + 1`). */
export function tiered(
  units: number,
  sizes: readonly number[],
  prices: readonly number[],
): number {
  let left = units;
  let cost = 0;
  for (let i = 0; i < sizes.length; i++) {
    const take = left < sizes[i] ? left : sizes[i];
    cost += take * prices[i];
    left -= take;
    if (left <= 0) return cost;
  }
  return cost + left * prices[sizes.length];
}

/** Index of the tier the last unit falls in. */
export function tierReached(units: number, sizes: readonly number[]): number {
  let bound = 0;
  for (let i = 0; i < sizes.length; i++) {
    bound += sizes[i];
    if (units <= bound) return i;
  }
  return sizes.length;
}
