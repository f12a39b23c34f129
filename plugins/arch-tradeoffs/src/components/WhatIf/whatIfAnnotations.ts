import {
  ANNOTATIONS,
  PLATFORM_EXECUTION_MODEL,
  Platform,
  WorkloadSettings,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** What the panel lets a user move. */
export interface WhatIfInputs {
  monthlyRequests: number;
  avgDurationMs: number;
  memoryMb: number;
  platform: Platform;
}

/** The panel starts where the entity is today (its resolved settings, defaults included). */
export function initialInputs(settings: WorkloadSettings): WhatIfInputs {
  return {
    monthlyRequests: settings.monthlyRequests,
    avgDurationMs: settings.avgDurationMs,
    memoryMb: settings.memoryMb,
    platform: settings.platform,
  };
}

/**
 * The entity's annotations with the panel's values written over them, so the what-if runs through the
 * same parser (and raises the same diagnostics) as the real estimate. Besides the four values:
 *  - a stated peak-rps scales with the requests: the traffic keeps its shape, as break-even assumes;
 *  - a stated cpu-ms is capped at the new duration (a request cannot use more CPU than wall time);
 *  - a new platform brings its own execution model; on a hybrid (Cloud Run, Container Apps) the
 *    stated model is kept. When the model changes, replica counts and vCPU meant for the old model are
 *    dropped (2 replicas are not 2 provisioned Lambdas), and so is an EC2 instance type off EC2.
 */
export function whatIfAnnotations(
  annotations: Record<string, string>,
  base: WorkloadSettings,
  inputs: WhatIfInputs,
): Record<string, string> {
  const out: Record<string, string> = { ...annotations };
  out[ANNOTATIONS.monthlyRequests] = String(Math.round(inputs.monthlyRequests));
  out[ANNOTATIONS.avgDurationMs] = String(inputs.avgDurationMs);
  out[ANNOTATIONS.memoryMb] = String(inputs.memoryMb);

  const statedPeak = Number(annotations[ANNOTATIONS.peakRps]);
  if (
    annotations[ANNOTATIONS.peakRps] &&
    statedPeak > 0 &&
    base.monthlyRequests > 0
  ) {
    const scaled = (statedPeak * inputs.monthlyRequests) / base.monthlyRequests;
    out[ANNOTATIONS.peakRps] = String(Number(scaled.toPrecision(6)));
  }
  const statedCpu = Number(annotations[ANNOTATIONS.cpuMs]);
  if (annotations[ANNOTATIONS.cpuMs] && statedCpu > inputs.avgDurationMs) {
    out[ANNOTATIONS.cpuMs] = String(inputs.avgDurationMs);
  }

  if (inputs.platform !== base.platform) {
    out[ANNOTATIONS.platform] = inputs.platform;
    const implied = PLATFORM_EXECUTION_MODEL[inputs.platform];
    const model = implied ?? base.executionModel;
    out[ANNOTATIONS.executionModel] = model;
    if (model !== base.executionModel) {
      delete out[ANNOTATIONS.instances];
      delete out[ANNOTATIONS.maxInstances];
      delete out[ANNOTATIONS.vcpu];
    }
    if (inputs.platform !== 'aws-ec2') delete out[ANNOTATIONS.instanceType];
  }
  return out;
}
