import type { LimitDistance, Posture, PostureFlag } from '../model/assessment';
import type { WorkloadSettings } from '../model/settings';
import { formatQuantity as q } from '../prices/format';
import {
  fullCapacityRps,
  replicaSum,
  targetConcurrency,
  warmServedSum,
} from './capacity';
import { coldStartP99 } from './coldStarts';
import {
  MIN_DURATION_MS,
  MONTH_SECONDS,
  PC_BREAK_EVEN_UTILISATION,
  PROFILE_HOURS,
} from './constants';
import { LAMBDA_NEW_ENVIRONMENTS_PER_10S, PLATFORM_TRAITS } from './platforms';
import { PLATFORM_NAMES, possessive } from './names';
import type { SizedWorkload } from './types';
import type { FieldSet } from './fields';

const NONE_DEFAULTED: FieldSet = { has: () => false };

/** Ratios are capped so that "no peak" never yields Infinity (JSON has no Infinity). */
const MAX_RATIO = 1e6;

function ratio(a: number, b: number): number {
  if (!(b > 0)) return a > 0 ? MAX_RATIO : 0;
  const r = a / b;
  return r < MAX_RATIO ? r : MAX_RATIO;
}

/** True when the platform scales this workload to zero between requests. */
export function scalesToZero(sized: SizedWorkload): boolean {
  return sized.platform === 'cloudflare-workers' || sized.instances <= 0;
}

/**
 * Average utilisation of the capacity the workload keeps provisioned: the fleet's mean load over its
 * mean running capacity (always-on and hybrids with warm instances), or the share of provisioned
 * concurrency / always-ready instances in use. Undefined when nothing is provisioned.
 */
export function provisionedUtilisation(
  sized: SizedWorkload,
): number | undefined {
  const avgRps = sized.monthlyRequests / MONTH_SECONDS;
  const durationMs =
    sized.durationMs > MIN_DURATION_MS ? sized.durationMs : MIN_DURATION_MS;
  const avgConcurrency = (avgRps * durationMs) / 1000;
  const kind = PLATFORM_TRAITS[sized.platform].kind;
  if (kind === 'faas') {
    if (sized.instances <= 0 || sized.platform === 'cloudflare-workers')
      return undefined;
    return (
      warmServedSum(sized.profile, avgConcurrency, sized.instances) /
      (PROFILE_HOURS * sized.instances)
    );
  }
  if (sized.instances <= 0 && sized.model === 'on-demand') return undefined;
  const k = targetConcurrency(
    sized.vcpu,
    durationMs,
    sized.cpuMs,
    sized.concurrency,
  );
  const meanReplicas =
    replicaSum(
      sized.profile,
      avgConcurrency / k,
      sized.instances,
      Math.max(sized.instances, sized.maxInstances),
    ) / PROFILE_HOURS;
  const capacity =
    meanReplicas *
    fullCapacityRps(sized.vcpu, durationMs, sized.cpuMs, sized.concurrency);
  return capacity > 0 ? Math.min(1, avgRps / capacity) : 0;
}

/**
 * Scaling posture of the workload on its current platform: scale-to-zero, headroom at peak,
 * cold-start exposure against the latency objective, concurrency (Little's law) and burst limits,
 * distance to hard limits. `infeasible` are the current platform's hard-constraint violations.
 * @public
 */
export function computePosture(
  settings: WorkloadSettings,
  sized: SizedWorkload,
  infeasible: string[],
  defaulted: FieldSet = NONE_DEFAULTED,
): Posture {
  const traits = PLATFORM_TRAITS[sized.platform];
  const name = PLATFORM_NAMES[sized.platform];
  const flags: PostureFlag[] = [];
  const limits: LimitDistance[] = [];
  const durationMs =
    sized.durationMs > MIN_DURATION_MS ? sized.durationMs : MIN_DURATION_MS;
  const avgRps = sized.monthlyRequests / MONTH_SECONDS;
  const peakRps = sized.peakRps;
  const avgConcurrency = (avgRps * durationMs) / 1000;
  const peakConcurrency = (peakRps * durationMs) / 1000;
  const toZero = scalesToZero(sized);
  const faas = traits.kind === 'faas';

  for (const reason of infeasible)
    flags.push({ kind: 'feasibility', severity: 'critical', message: reason });

  // Headroom: capacity of the warm fleet against the peak (replica platforms only).
  let headroom: Posture['headroom'] = null;
  if (!faas && !toZero) {
    const perReplica = fullCapacityRps(
      sized.vcpu,
      durationMs,
      sized.cpuMs,
      sized.concurrency,
    );
    const capacityRps = sized.instances * perReplica;
    const atMax = Math.max(sized.instances, sized.maxInstances) * perReplica;
    headroom = {
      capacityRps,
      peakRps,
      ratio: ratio(capacityRps, peakRps),
      ratioAtMax: ratio(atMax, peakRps),
    };
    if (headroom.ratioAtMax < 1) {
      flags.push({
        kind: 'headroom',
        severity: 'critical',
        message: `Even at max-instances ${q(Math.max(sized.instances, sized.maxInstances))} the fleet serves about ${q(atMax)} req/s flat out, below the peak of ${q(peakRps)} req/s`,
      });
    } else if (headroom.ratio < 1) {
      flags.push({
        kind: 'headroom',
        severity: settings.trafficPattern === 'spiky' ? 'warning' : 'info',
        message: `The minimum ${q(sized.instances)} replicas serve about ${q(capacityRps)} req/s; the peak of ${q(peakRps)} req/s needs scale-out${settings.trafficPattern === 'spiky' ? ', which takes minutes on most platforms while spikes arrive in seconds' : ''}`,
      });
    }
  }

  // Cold starts against the latency objective.
  const cold = coldStartP99(
    sized.platform,
    settings.runtime,
    sized.architecture,
  );
  const sloMs = settings.latencySloMs;
  let coldStart: Posture['coldStart'];
  if (!cold || (!toZero && !faas)) {
    coldStart = {
      exposed: false,
      sloMs,
      message: toZero
        ? `Scaled to zero on an always-on platform: the first request waits for a new ${name} replica to start (tens of seconds)`
        : 'Warm replicas serve every request; new replicas start behind the load balancer',
    };
    if (toZero && !faas && sloMs !== undefined) coldStart.exposed = true;
  } else {
    const warmCoversPeak =
      sized.instances > 0 &&
      peakConcurrency <= sized.instances * sized.concurrency;
    const worst = cold.p99Ms + durationMs;
    const exposed = sloMs !== undefined && !warmCoversPeak && worst > sloMs;
    let message: string;
    if (warmCoversPeak) {
      message = `${q(sized.instances)} warm instances cover the peak concurrency of ${q(peakConcurrency)}: no cold start in the request path`;
    } else if (sloMs === undefined) {
      message = `No latency objective stated; a cold start adds about ${q(cold.p99Ms)} ms at p99 (${cold.source})`;
    } else if (exposed) {
      message = `A cold request takes about ${q(cold.p99Ms)} ms init + ${q(durationMs)} ms = ${q(worst)} ms, over the ${q(sloMs)} ms p99 objective`;
    } else {
      message = `Cold requests (about ${q(cold.p99Ms)} ms init + ${q(durationMs)} ms) stay within the ${q(sloMs)} ms objective`;
    }
    coldStart = {
      exposed,
      p99Ms: cold.p99Ms,
      sloMs,
      source: cold.source,
      message,
    };
    if (exposed) {
      // Sparse traffic (under one request in flight on average) recycles environments often, so cold
      // starts land in the p99; at higher rates they are a smaller share of requests.
      flags.push({
        kind: 'cold-start',
        severity: avgConcurrency < 1 ? 'critical' : 'warning',
        message,
      });
    }
  }

  // Concurrency and burst limits (Little's law).
  let concurrencyLimit: number | undefined;
  if (sized.platform === 'aws-lambda') {
    concurrencyLimit = traits.concurrencyLimit ?? 1000;
    // A stated max-instances on Lambda is its reserved concurrency; a defaulted one says nothing.
    if (
      !defaulted.has('maxInstances') &&
      sized.maxInstances > 0 &&
      sized.maxInstances < concurrencyLimit
    ) {
      concurrencyLimit = sized.maxInstances;
    }
  }
  if (concurrencyLimit !== undefined) {
    limits.push({
      limit: 'concurrency',
      value: peakConcurrency,
      max: concurrencyLimit,
      unit: 'concurrent requests',
      ratio: ratio(peakConcurrency, concurrencyLimit),
    });
    if (peakConcurrency > concurrencyLimit) {
      flags.push({
        kind: 'concurrency',
        severity: 'critical',
        message: `Peak concurrency ${q(peakConcurrency)} (peak-rps × duration) exceeds the ${q(concurrencyLimit)} concurrency limit: requests will be throttled`,
      });
    } else if (peakConcurrency > 0.8 * concurrencyLimit) {
      flags.push({
        kind: 'concurrency',
        severity: 'warning',
        message: `Peak concurrency ${q(peakConcurrency)} is within 20 % of the ${q(concurrencyLimit)} concurrency limit`,
      });
    }
    const burst = peakConcurrency - avgConcurrency;
    if (
      (settings.trafficPattern === 'spiky' ||
        settings.trafficPattern === 'batch') &&
      burst > LAMBDA_NEW_ENVIRONMENTS_PER_10S
    ) {
      flags.push({
        kind: 'burst',
        severity: 'warning',
        message: `A burst needs about ${q(burst)} new execution environments; Lambda adds at most 1,000 every 10 s per function`,
      });
    }
  }

  // Distance to hard limits.
  if (traits.timeoutS !== undefined) {
    const r = ratio(settings.maxDurationS, traits.timeoutS);
    limits.push({
      limit: 'timeout',
      value: settings.maxDurationS,
      max: traits.timeoutS,
      unit: 's',
      ratio: r,
    });
    if (r <= 1 && r > 0.8) {
      flags.push({
        kind: 'timeout',
        severity: 'warning',
        message: `max-duration-s ${q(settings.maxDurationS)} is within 20 % of ${possessive(sized.platform)} ${q(traits.timeoutS)} s timeout`,
      });
    }
  }
  if (traits.maxMemoryMb !== undefined) {
    const r = ratio(sized.memoryMb, traits.maxMemoryMb);
    limits.push({
      limit: 'memory',
      value: sized.memoryMb,
      max: traits.maxMemoryMb,
      unit: 'MB',
      ratio: r,
    });
    if (r <= 1 && r > 0.9) {
      flags.push({
        kind: 'memory',
        severity: 'warning',
        message: `memory-mb ${q(sized.memoryMb)} is within 10 % of ${possessive(sized.platform)} ${q(traits.maxMemoryMb)} MB maximum`,
      });
    }
  }
  if (traits.cpuTimeLimitS !== undefined) {
    const share =
      settings.avgDurationMs > 0
        ? Math.min(1, settings.cpuMs / settings.avgDurationMs)
        : 1;
    const cpuS = settings.maxDurationS * share;
    limits.push({
      limit: 'cpu-time',
      value: cpuS,
      max: traits.cpuTimeLimitS,
      unit: 's',
      ratio: ratio(cpuS, traits.cpuTimeLimitS),
    });
  }

  // Utilisation of what is provisioned.
  const utilisation = provisionedUtilisation(sized);
  if (utilisation !== undefined) {
    if (faas && utilisation < PC_BREAK_EVEN_UTILISATION) {
      flags.push({
        kind: 'utilisation',
        severity: 'warning',
        message: `Provisioned warm capacity is ${q(utilisation * 100)} % used; below 60 % it costs more than on-demand`,
      });
    } else if (!faas && utilisation < 0.1) {
      flags.push({
        kind: 'idle',
        severity: 'warning',
        message: `The fleet is ${q(utilisation * 100)} % utilised on average: mostly paying for idle capacity`,
      });
    } else if (!faas && utilisation < 0.4) {
      flags.push({
        kind: 'utilisation',
        severity: 'info',
        message: `The fleet is ${q(utilisation * 100)} % utilised on average`,
      });
    }
  }

  return {
    scaleToZero: toZero,
    headroom,
    coldStart,
    concurrency: {
      average: avgConcurrency,
      peak: peakConcurrency,
      ...(concurrencyLimit !== undefined ? { limit: concurrencyLimit } : {}),
    },
    ...(utilisation !== undefined ? { utilisation } : {}),
    limits,
    flags,
  };
}
