/*
 * What a correct reader of the synthetic metrics must find, computed from the very samples written
 * (simulate.ts), so it is exact for the data rather than for the continuous rate shape.
 */
import {
  DEFAULT_CPU_SHARE_OF_DURATION,
  DEFAULT_MEMORY_MB,
  LAMBDA_INVOCATIONS,
  REQUEST_METRIC,
  serviceId,
  simulate,
  type MetricFamily,
  type SyntheticService,
} from './simulate';

/** Seconds in the 730-hour month the example catalog uses for `monthly-requests`. */
const MONTH_SECONDS = 730 * 3_600;
const PEAK_WINDOW = 300;

export interface SyntheticTruth {
  id: string;
  labels: Record<string, string>;
  family: MetricFamily;
  /** The series requests are counted in: `<request metric>_count`, or the Lambda invocations gauge. */
  requestSeries: string;
  /** First and last sample (unix seconds). */
  firstSample: number;
  lastSample: number;
  /**
   * Seconds the requests cover: last − first sample for counters; for Lambda gauges, whose samples
   * each stand for the period after them, last − first + step.
   */
  spanSeconds: number;
  /** Requests written: `sum(increase(<x>_count[W]))`, or `sum_over_time` of the Lambda gauge. */
  totalRequests: number;
  /** totalRequests / spanSeconds. */
  meanRps: number;
  /** meanRps over a 730-hour month, as the catalog's `monthly-requests` annotation states it. */
  monthlyRequests: number;
  /**
   * The busiest 5-minute rate: the most requests in a window (t − 300, t] with t a multiple of 300
   * (unix time), over 300. That is `max_over_time(sum(rate(<x>_count[5m]))[W:5m])` when the step
   * divides 300 (Prometheus 2.x includes the sample at t − 300, so rate sees the whole window and
   * need not extrapolate). When the step does not divide 300: the busiest step's requests / step.
   */
  peakRps5m: number;
  meanDurationMs: number;
  /** Not for Lambda. */
  cpuMsPerRequest?: number;
  memoryMb?: number;
  /** Instances up, averaged and at most, over the samples (`count(up == 1)` at each sample time). */
  instancesAvg?: number;
  instancesMax?: number;
  /**
   * Mean requests per second in each UTC hour of the day, [h:00, h+1:00), averaged over the days with
   * data (weighted by the seconds covered); NaN for an hour without data. PromQL: `sum(rate(
   * <x>_count[1h]))` evaluated at (h+1):00, averaged per hour. Each step counts in the hour it starts in.
   */
  hourlyRps: number[];
  /** Counter resets written (0 or 1: see SyntheticService.counterResetAt). */
  counterResets: number;
}

/** Math.max without spreading: a month of 10-second samples is too many arguments for one call. */
function maxOf(values: Iterable<number>): number {
  let most = -Infinity;
  for (const value of values) most = Math.max(most, value);
  return most;
}

function peakRate(times: number[], periodRequests: Float64Array, step: number): number {
  if (PEAK_WINDOW % step !== 0) return maxOf(periodRequests) / step;
  const windows = new Map<number, number>();
  for (let k = 1; k < times.length; k++) {
    // The step (times[k-1], times[k]] lies in the window that ends at the next multiple of 300.
    const end = Math.ceil(times[k] / PEAK_WINDOW) * PEAK_WINDOW;
    windows.set(end, (windows.get(end) ?? 0) + periodRequests[k]);
  }
  return maxOf(windows.values()) / PEAK_WINDOW;
}

function hourlyRates(times: number[], periodRequests: Float64Array, step: number): number[] {
  const requests = new Array<number>(24).fill(0);
  const seconds = new Array<number>(24).fill(0);
  for (let k = 1; k < times.length; k++) {
    const hour = Math.floor(times[k - 1] / 3_600) % 24;
    requests[hour] += periodRequests[k];
    seconds[hour] += step;
  }
  return requests.map((r, h) => (seconds[h] > 0 ? r / seconds[h] : NaN));
}

function truthOf(service: SyntheticService): SyntheticTruth {
  const sim = simulate(service);
  const { times, periodRequests } = sim;
  const lambda = service.family === 'lambda';
  const totalRequests = periodRequests.reduce((a, b) => a + b, 0);
  const spanSeconds = times[times.length - 1] - times[0];
  const meanRps = totalRequests / spanSeconds;
  const truth: SyntheticTruth = {
    id: serviceId(service),
    labels: service.labels,
    family: service.family,
    requestSeries: lambda ? LAMBDA_INVOCATIONS : `${REQUEST_METRIC[service.family as keyof typeof REQUEST_METRIC]}_count`,
    firstSample: times[0],
    // A Lambda gauge at times[k - 1] reports period k, so its last sample is one step earlier.
    lastSample: lambda ? times[times.length - 2] : times[times.length - 1],
    spanSeconds,
    totalRequests,
    meanRps,
    monthlyRequests: meanRps * MONTH_SECONDS,
    peakRps5m: peakRate(times, periodRequests, service.step),
    meanDurationMs: service.avgDurationMs,
    hourlyRps: hourlyRates(times, periodRequests, service.step),
    counterResets: sim.resetAt === undefined ? 0 : 1,
  };
  if (lambda) return truth;
  const up = Array.from(sim.instancesUp);
  return {
    ...truth,
    cpuMsPerRequest: service.cpuMsPerRequest ?? service.avgDurationMs * DEFAULT_CPU_SHARE_OF_DURATION,
    memoryMb: service.memoryMb ?? DEFAULT_MEMORY_MB,
    instancesAvg: up.reduce((a, b) => a + b, 0) / up.length,
    instancesMax: maxOf(up),
  };
}

/** The truth of each service, keyed by its id (see serviceId). */
export function syntheticTruth(services: SyntheticService[]): Record<string, SyntheticTruth> {
  const truths: Record<string, SyntheticTruth> = {};
  for (const service of services) {
    const truth = truthOf(service);
    if (truths[truth.id]) throw new Error(`two synthetic services have the id ${truth.id}`);
    truths[truth.id] = truth;
  }
  return truths;
}
