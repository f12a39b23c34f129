import type { LimitDistance, Posture, PostureFlag } from '../model/assessment';
import type { WorkloadSettings } from '../model/settings';
import { formatQuantity as q } from '../prices/format';
import {
  fullCapacityRps,
  replicaSum,
  targetConcurrency,
  warmServedSum,
} from './capacity';
import { type ColdStart, coldStartP99 } from './coldStarts';
import {
  MIN_DURATION_MS,
  MONTH_SECONDS,
  PC_BREAK_EVEN_UTILISATION,
  PROFILE_HOURS,
} from './constants';
import { LAMBDA_NEW_ENVIRONMENTS_PER_10S, PLATFORM_TRAITS } from './platforms';
import { PLATFORM_NAMES, possessive } from './names';
import type { SizedWorkload } from './types';
import { NONE_DEFAULTED, type FieldSet } from './fields';

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

/** The figures a posture's texts quote. */
interface PostureFigures {
  settings: WorkloadSettings;
  sized: SizedWorkload;
  /** Wall time per request, at least MIN_DURATION_MS. */
  durationMs: number;
  avgConcurrency: number;
  peakConcurrency: number;
  /** Requests per second the minimum replicas serve flat out, and all of max-instances. */
  capacityRps: number;
  capacityAtMaxRps: number;
  cold: ColdStart | undefined;
  concurrencyLimit: number;
  utilisation: number;
}

/** Writes one posture text from its figures. */
type WriteText = (f: PostureFigures) => string;

function flag(
  kind: PostureFlag['kind'],
  severity: PostureFlag['severity'],
  message: string,
): PostureFlag {
  return { kind, severity, message };
}

type ColdStartPosture = Posture['coldStart'];

// ---- the texts -------------------------------------------------------------------------------

const maxReplicas = (s: SizedWorkload) => Math.max(s.instances, s.maxInstances);

const headroomBelowPeakAtMax: WriteText = f =>
  `Even at max-instances ${q(maxReplicas(f.sized))} the fleet serves about ${q(f.capacityAtMaxRps)} req/s flat out, below the peak of ${q(f.sized.peakRps)} req/s`;

const headroomNeedsScaleOut: WriteText = f =>
  `The minimum ${q(f.sized.instances)} replicas serve about ${q(f.capacityRps)} req/s; the peak of ${q(f.sized.peakRps)} req/s needs scale-out${f.settings.trafficPattern === 'spiky' ? ', which takes minutes on most platforms while spikes arrive in seconds' : ''}`;

const scaledToZeroAlwaysOn: WriteText = f =>
  `Scaled to zero on an always-on platform: the first request waits for a new ${PLATFORM_NAMES[f.sized.platform]} replica to start (tens of seconds)`;

const warmReplicas: WriteText = () =>
  'Warm replicas serve every request; new replicas start behind the load balancer';

const warmCoverPeak: WriteText = f =>
  `${q(f.sized.instances)} warm instances cover the peak concurrency of ${q(f.peakConcurrency)}: no cold start in the request path`;

const coldNoObjective: WriteText = f =>
  `No latency objective stated; a cold start adds about ${q(f.cold!.p99Ms)} ms at p99 (${f.cold!.source})`;

const coldOverObjective: WriteText = f =>
  `A cold request takes about ${q(f.cold!.p99Ms)} ms init + ${q(f.durationMs)} ms = ${q(f.cold!.p99Ms + f.durationMs)} ms, over the ${q(f.settings.latencySloMs!)} ms p99 objective`;

const coldWithinObjective: WriteText = f =>
  `Cold requests (about ${q(f.cold!.p99Ms)} ms init + ${q(f.durationMs)} ms) stay within the ${q(f.settings.latencySloMs!)} ms objective`;

const overConcurrencyLimit: WriteText = f =>
  `Peak concurrency ${q(f.peakConcurrency)} (peak-rps × duration) exceeds the ${q(f.concurrencyLimit)} concurrency limit: requests will be throttled`;

const nearConcurrencyLimit: WriteText = f =>
  `Peak concurrency ${q(f.peakConcurrency)} is within 20 % of the ${q(f.concurrencyLimit)} concurrency limit`;

const burstOverRampUp: WriteText = f =>
  `A burst needs about ${q(f.peakConcurrency - f.avgConcurrency)} new execution environments; Lambda adds at most 1,000 every 10 s per function`;

const nearTimeout: WriteText = f =>
  `max-duration-s ${q(f.settings.maxDurationS)} is within 20 % of ${possessive(f.sized.platform)} ${q(PLATFORM_TRAITS[f.sized.platform].timeoutS!)} s timeout`;

const nearMaxMemory: WriteText = f =>
  `memory-mb ${q(f.sized.memoryMb)} is within 10 % of ${possessive(f.sized.platform)} ${q(PLATFORM_TRAITS[f.sized.platform].maxMemoryMb!)} MB maximum`;

const warmCapacityUnderused: WriteText = f =>
  `Provisioned warm capacity is ${q(f.utilisation * 100)} % used; below 60 % it costs more than on-demand`;

const fleetMostlyIdle: WriteText = f =>
  `The fleet is ${q(f.utilisation * 100)} % utilised on average: mostly paying for idle capacity`;

const fleetUtilisation: WriteText = f =>
  `The fleet is ${q(f.utilisation * 100)} % utilised on average`;

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
  const cold = coldStartP99(
    sized.platform,
    settings.runtime,
    sized.architecture,
  );
  // The figures the texts quote; the capacity, limit and utilisation are filled in as they are found.
  const figures: PostureFigures = {
    settings,
    sized,
    durationMs,
    avgConcurrency,
    peakConcurrency,
    capacityRps: 0,
    capacityAtMaxRps: 0,
    cold,
    concurrencyLimit: 0,
    utilisation: 0,
  };

  for (const reason of infeasible)
    flags.push(flag('feasibility', 'critical', reason));

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
    const atMax = maxReplicas(sized) * perReplica;
    figures.capacityRps = capacityRps;
    figures.capacityAtMaxRps = atMax;
    headroom = {
      capacityRps,
      peakRps,
      ratio: ratio(capacityRps, peakRps),
      ratioAtMax: ratio(atMax, peakRps),
    };
    if (headroom.ratioAtMax < 1) {
      flags.push(
        flag('headroom', 'critical', headroomBelowPeakAtMax(figures)),
      );
    } else if (headroom.ratio < 1) {
      const severity = settings.trafficPattern === 'spiky' ? 'warning' : 'info';
      flags.push(
        flag('headroom', severity, headroomNeedsScaleOut(figures)),
      );
    }
  }

  // Cold starts against the latency objective.
  const sloMs = settings.latencySloMs;
  let coldStart: ColdStartPosture;
  if (!cold || (!toZero && !faas)) {
    coldStart = {
      exposed: toZero && !faas && sloMs !== undefined,
      p99Ms: undefined,
      sloMs,
      source: undefined,
      message: (toZero ? scaledToZeroAlwaysOn : warmReplicas)(figures),
    };
  } else {
    const warmCoversPeak =
      sized.instances > 0 &&
      peakConcurrency <= sized.instances * sized.concurrency;
    const exposed =
      sloMs !== undefined && !warmCoversPeak && cold.p99Ms + durationMs > sloMs;
    let write: WriteText;
    if (warmCoversPeak) write = warmCoverPeak;
    else if (sloMs === undefined) write = coldNoObjective;
    else if (exposed) write = coldOverObjective;
    else write = coldWithinObjective;
    coldStart = {
      exposed,
      p99Ms: cold.p99Ms,
      sloMs,
      source: cold.source,
      message: write(figures),
    };
    if (exposed) {
      // Sparse traffic (under one request in flight on average) recycles environments often, so cold
      // starts land in the p99; at higher rates they are a smaller share of requests.
      flags.push(
        flag('cold-start', avgConcurrency < 1 ? 'critical' : 'warning', coldStart.message),
      );
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
    figures.concurrencyLimit = concurrencyLimit;
    limits.push({
      limit: 'concurrency',
      value: peakConcurrency,
      max: concurrencyLimit,
      unit: 'concurrent requests',
      ratio: ratio(peakConcurrency, concurrencyLimit),
    });
    if (peakConcurrency > concurrencyLimit) {
      flags.push(
        flag('concurrency', 'critical', overConcurrencyLimit(figures)),
      );
    } else if (peakConcurrency > 0.8 * concurrencyLimit) {
      flags.push(
        flag('concurrency', 'warning', nearConcurrencyLimit(figures)),
      );
    }
    const burst = peakConcurrency - avgConcurrency;
    if (
      (settings.trafficPattern === 'spiky' ||
        settings.trafficPattern === 'batch') &&
      burst > LAMBDA_NEW_ENVIRONMENTS_PER_10S
    ) {
      flags.push(flag('burst', 'warning', burstOverRampUp(figures)));
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
    if (r <= 1 && r > 0.8)
      flags.push(flag('timeout', 'warning', nearTimeout(figures)));
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
    if (r <= 1 && r > 0.9)
      flags.push(flag('memory', 'warning', nearMaxMemory(figures)));
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
    figures.utilisation = utilisation;
    if (faas && utilisation < PC_BREAK_EVEN_UTILISATION) {
      flags.push(
        flag('utilisation', 'warning', warmCapacityUnderused(figures)),
      );
    } else if (!faas && utilisation < 0.1) {
      flags.push(flag('idle', 'warning', fleetMostlyIdle(figures)));
    } else if (!faas && utilisation < 0.4) {
      flags.push(
        flag('utilisation', 'info', fleetUtilisation(figures)),
      );
    }
  }

  return {
    scaleToZero: toZero,
    headroom,
    coldStart,
    concurrency: {
      average: avgConcurrency,
      peak: peakConcurrency,
      limit: concurrencyLimit,
    },
    utilisation,
    limits,
    flags,
  };
}
