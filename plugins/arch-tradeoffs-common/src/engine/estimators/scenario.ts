import { MIN_DURATION_MS, MONTH_SECONDS } from '../constants';
import type { ScenarioFactors } from '../traffic';
import type { SizedWorkload, Usage } from '../types';

/**
 * The quantities of one scenario (expected, low or high) of a sized workload. One shared mutable
 * record: estimators are synchronous and never nested, and this keeps the hot path allocation-free.
 */
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

const values: ScenarioValues = {
  requests: 0,
  durationMs: 0,
  cpuMs: 0,
  memoryMb: 0,
  vcpu: 0,
  instances: 0,
  maxInstances: 0,
  averageRps: 0,
  averageConcurrency: 0,
};

/** Applies scenario multipliers to a sized workload; returns the shared record. */
export function scenario(w: SizedWorkload, f: ScenarioFactors): ScenarioValues {
  const requests = w.monthlyRequests * f.traffic;
  const durationMs = w.durationMs * f.duration;
  values.requests = requests > 0 ? requests : 0;
  values.durationMs =
    durationMs > MIN_DURATION_MS ? durationMs : MIN_DURATION_MS;
  const cpuMs = w.cpuMs * f.cpu;
  values.cpuMs = cpuMs > 0 ? cpuMs : 0;
  values.memoryMb = w.memoryMb * f.size;
  values.vcpu = w.vcpu * f.size;
  let instances = w.instances;
  if (f.instances !== 1 && instances > 0) {
    instances = Math.max(1, Math.round(instances * f.instances));
  }
  values.instances = instances;
  values.maxInstances = w.maxInstances > instances ? w.maxInstances : instances;
  values.averageRps = values.requests / MONTH_SECONDS;
  values.averageConcurrency = (values.averageRps * values.durationMs) / 1000;
  return values;
}

/** Usage of the last estimate (shared record, overwritten by every estimator call). */
export const usage: Usage = {
  requests: 0,
  gbSeconds: 0,
  vcpuSeconds: 0,
  gibSeconds: 0,
};

export function setUsage(
  requests: number,
  gbSeconds: number,
  vcpuSeconds: number,
  gibSeconds: number,
): void {
  usage.requests = requests;
  usage.gbSeconds = gbSeconds;
  usage.vcpuSeconds = vcpuSeconds;
  usage.gibSeconds = gibSeconds;
}
