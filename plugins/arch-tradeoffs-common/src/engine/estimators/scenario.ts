import { MIN_DURATION_MS, MONTH_SECONDS } from '../constants';
import type { ScenarioFactors } from '../traffic';
import type { SizedWorkload } from '../types';

/** The quantities of one scenario (expected, low or high) of a sized workload. */
export interface ScenarioValues {
  requests: number;
  durationMs: number;
  cpuMs: number;
  memoryMb: number;
  vcpu: number;
  instances: number;
  maxInstances: number;
  averageRps: number;
  /** Mean concurrent requests (Little's law): average rps × wall seconds. */
  averageConcurrency: number;
}

/** Applies scenario multipliers to a sized workload. */
export function scenario(w: SizedWorkload, f: ScenarioFactors): ScenarioValues {
  const scaledRequests = w.monthlyRequests * f.traffic;
  const requests = scaledRequests > 0 ? scaledRequests : 0;
  const scaledDurationMs = w.durationMs * f.duration;
  const durationMs =
    scaledDurationMs > MIN_DURATION_MS ? scaledDurationMs : MIN_DURATION_MS;
  const scaledCpuMs = w.cpuMs * f.cpu;
  // A scenario scales the minimum instances, but never to zero a workload that keeps some warm.
  let instances = w.instances;
  if (f.instances !== 1 && instances > 0) {
    instances = Math.max(1, Math.round(instances * f.instances));
  }
  const averageRps = requests / MONTH_SECONDS;
  return {
    requests,
    durationMs,
    cpuMs: scaledCpuMs > 0 ? scaledCpuMs : 0,
    memoryMb: w.memoryMb * f.size,
    vcpu: w.vcpu * f.size,
    instances,
    maxInstances: w.maxInstances > instances ? w.maxInstances : instances,
    averageRps,
    averageConcurrency: (averageRps * durationMs) / 1000,
  };
}
