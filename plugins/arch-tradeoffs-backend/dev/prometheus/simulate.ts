/*
 * The sample values of one synthetic service, computed once so that the OpenMetrics writer and the
 * truth read the very same numbers: request counts are whole requests, so every figure derived from
 * them is exact for the data written (not merely close to the continuous rate shape).
 */
import { requestsBetween } from './shapes';

/** Which metric names a service exports its requests under (see usage-sources.md, section 2). */
export type MetricFamily = 'otel' | 'prometheus' | 'micrometer' | 'lambda';

/** One service to synthesise metrics for. Times are unix seconds. */
export interface SyntheticService {
  /** Key of its truth; default: its labels as `name=value` pairs joined by commas, in key order. */
  id?: string;
  /** The labels of its series (e.g. `{ job: 'checkout' }`); non-Lambda series also get `instance`. */
  labels: Record<string, string>;
  family: MetricFamily;
  /** Requests per second at time t: a shape from shapes.ts (exact integrals) or any function. */
  rps: (t: number) => number;
  avgDurationMs: number;
  /** Process CPU per request. Default: a quarter of `avgDurationMs`. Not for Lambda. */
  cpuMsPerRequest?: number;
  /** Resident memory of each instance, constant. Default 256. Not for Lambda. */
  memoryMb?: number;
  /** Scraped instances (rounded, at least 1) at time t; default 1. Not for Lambda. */
  instances?: number | ((t: number) => number);
  /** Samples are written at the multiples of `step` from `start` to `end`. */
  start: number;
  end: number;
  step: number;
  /** Instance 0 restarts at the first sample at or after this time: its counters start again from 0. */
  counterResetAt?: number;
}

/** The request metric's name (the summary family; its series are `<name>_count` and `<name>_sum`). */
export const REQUEST_METRIC: Record<Exclude<MetricFamily, 'lambda'>, string> = {
  otel: 'http_server_request_duration_seconds',
  prometheus: 'http_request_duration_seconds',
  micrometer: 'http_server_requests_seconds',
};

/** CloudWatch-exporter gauges: invocations, and milliseconds of duration, in each period. */
export const LAMBDA_INVOCATIONS = 'aws_lambda_invocations_sum';
export const LAMBDA_DURATION = 'aws_lambda_duration_sum';

export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_CPU_SHARE_OF_DURATION = 0.25;

/** One scraped process: its `instance` label and its request counter at each sample (NaN: not up). */
export interface SimulatedInstance {
  label: string;
  requests: Float64Array;
}

export interface Simulation {
  /** Sample times t0 … tN (unix seconds). */
  times: number[];
  /**
   * Whole requests in each step: `periodRequests[k]` between times[k - 1] and times[k] (index 0 is 0).
   * A Lambda gauge sample at times[k - 1] reports `periodRequests[k]`, as CloudWatch stamps a period
   * with its start.
   */
  periodRequests: Float64Array;
  /** Instances up at each sample (non-Lambda). */
  instancesUp: Int32Array;
  instances: SimulatedInstance[];
  /** The sample at which instance 0 restarted, if it did. */
  resetAt?: number;
}

/** The id a service's truth is keyed by. */
export function serviceId(service: SyntheticService): string {
  return (
    service.id ??
    Object.keys(service.labels)
      .sort()
      .map(key => `${key}=${service.labels[key]}`)
      .join(',')
  );
}

function instancesAt(service: SyntheticService, t: number): number {
  const { instances = 1 } = service;
  return Math.max(1, Math.round(typeof instances === 'function' ? instances(t) : instances));
}

/**
 * Samples the service. Requests: the cumulative integral of `rps` since `start`, rounded to whole
 * requests, so each step's count is that step's share of the integral. Each step's requests go to
 * the instances up both before and after it, split evenly (a remainder goes round-robin); an instance
 * that appears starts at 0, as a new process does, and an instance gone for a while comes back as a
 * new process. So PromQL's `increase()` over the data returns exactly the requests written.
 */
export function simulate(service: SyntheticService): Simulation {
  const { step } = service;
  if (!(step > 0)) throw new Error(`step must be positive (got ${step})`);
  const first = Math.ceil(service.start / step) * step;
  const count = Math.floor((service.end - first) / step) + 1;
  if (count < 2) throw new Error(`${serviceId(service)}: start to end must hold at least two samples`);
  const times = Array.from({ length: count }, (_, k) => first + k * step);

  const periodRequests = new Float64Array(count);
  let integral = 0;
  for (let k = 1; k < count; k++) {
    const before = Math.round(integral);
    integral += requestsBetween(service.rps, times[k - 1], times[k]);
    periodRequests[k] = Math.round(integral) - before;
  }

  const instancesUp = new Int32Array(count);
  const instances: SimulatedInstance[] = [];
  const base = service.labels.job ?? serviceId(service);
  if (service.family === 'lambda') return { times, periodRequests, instancesUp, instances };

  for (let k = 0; k < count; k++) instancesUp[k] = instancesAt(service, times[k]);
  const most = instancesUp.reduce((a, b) => Math.max(a, b), 0);
  for (let i = 0; i < most; i++) {
    instances.push({ label: `${base}-${i}`, requests: new Float64Array(count).fill(NaN) });
  }
  let resetAt: number | undefined;
  for (let i = 0; i < instancesUp[0]; i++) instances[i].requests[0] = 0;
  for (let k = 1; k < count; k++) {
    const continuing = Math.min(instancesUp[k - 1], instancesUp[k]);
    const share = Math.floor(periodRequests[k] / continuing);
    const remainder = periodRequests[k] - share * continuing;
    const restart = resetAt === undefined && service.counterResetAt !== undefined && times[k] >= service.counterResetAt;
    if (restart) resetAt = times[k];
    for (let i = 0; i < instancesUp[k]; i++) {
      const counter = instances[i].requests;
      if (i >= continuing) {
        counter[k] = 0; // a new process: PromQL cannot count requests before its first sample
        continue;
      }
      const mine = share + ((i - (k % continuing) + continuing) % continuing < remainder ? 1 : 0);
      counter[k] = (restart && i === 0 ? 0 : counter[k - 1]) + mine;
    }
  }
  return { times, periodRequests, instancesUp, instances, resetAt };
}
