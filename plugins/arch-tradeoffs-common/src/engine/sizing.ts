import { ANNOTATIONS } from '../annotations';
import type {
  Architecture,
  Assumption,
  ExecutionModel,
  Platform,
  WorkloadSettings,
} from '../model/settings';
import { EC2_INSTANCE_TYPES, Ec2InstanceType } from '../prices/catalog';
import type { PriceBook } from '../prices/types';
import { formatMb as mb, formatQuantity as q } from '../prices/format';
import { targetConcurrency } from './capacity';
import {
  CONTAINER_CONCURRENCY,
  CONTAINER_MB_PER_VCPU,
  CONTAINER_VCPU_STEPS,
  FAAS_MIN_MEMORY_MB,
  HA_FLOOR,
  MB_PER_VCPU,
} from './constants';
import { PLATFORM_TRAITS } from './platforms';
import { averageRps, profileOf, TrafficProfile } from './traffic';
import type { BillingVariant, FrontDoor, SizedWorkload } from './types';
import type { FieldSet } from './fields';

/**
 * Sizing rules: how a workload described for one platform is expressed on another. Every rule is
 * also written into the alternative's `notes`, so a reader sees how it was priced.
 *
 *  1. Its own platform: exactly as stated.
 *  2. Onto a FaaS whose CPU follows memory (Lambda, Cloud Run functions): from a FaaS, keep the
 *     memory; from a container or VM, give each request the CPU share it uses there —
 *     memory = 1,769 MB × cpu-ms / duration-ms (Lambda's 1,769 MB per vCPU), at least 512 MB, in
 *     64 MB steps. Wall time never shrinks; it stretches to cpu-ms ÷ vCPU share when the share is
 *     smaller. No provisioned concurrency (instances 0).
 *  3. Onto Azure Functions: the same memory, capped at the Consumption maximum of 1,536 MB.
 *  4. Onto Workers: same wall time and CPU time; 128 MB isolates.
 *  5. Onto a container (Fargate, Kubernetes, Container Apps, Cloud Run): from a container keep vCPU and
 *     memory; from a VM take the instance type's; from a FaaS, vCPU = function memory ÷ 1,769 MB
 *     rounded to the nearest of 0.25 / 0.5 / 1 / 2 / 4 vCPU, memory = max(function memory rounded up
 *     to 512 MB, 2 GB per vCPU) — e.g. a 1,024 MB function → 0.5 vCPU / 1,024 MB. Cloud Run gets at
 *     least 1 vCPU, because below one vCPU it allows only one request per instance.
 *  6. Onto EC2: the cheapest non-burstable catalog type of the workload's architecture with at least
 *     the container's memory; when the container wants more vCPU than the type has, the floor of
 *     instances grows in proportion.
 *  7. Replicas: an always-on target keeps the current minimum when the workload is always-on today,
 *     otherwise gets the HA floor of 2; an on-demand target (FaaS, Cloud Run request-based, Container
 *     Apps min 0) gets 0. The ceiling is the current one when an always-on container or VM moves to
 *     another always-on platform (like for like), otherwise unbounded.
 *  8. Concurrency per replica: 80 on containers (Cloud Run's default), 1 on Lambda, Azure Functions
 *     and Cloud Run functions.
 */

/**
 * Ceiling of replicas / concurrency on an alternative: unbounded (the platform is assumed to scale
 * as far as the load needs), so an alternative's cost keeps following traffic.
 */
export const UNBOUNDED_INSTANCES = 1e9;

/** Inputs sizing needs besides the settings. */
export interface SizingContext {
  priceBook: PriceBook;
  defaulted: FieldSet;
  frontDoor: FrontDoor;
  /** Profile of the workload, computed once and shared by every sized copy. */
  profile?: TrafficProfile;
}

/** A platform + execution model pairing to size for. */
export interface Target {
  platform: Platform;
  model: ExecutionModel;
}

/** The billing variant of a platform run under a model. */
export function variantOf(
  platform: Platform,
  model: ExecutionModel,
  instances: number,
): BillingVariant {
  switch (platform) {
    case 'aws-lambda':
      return 'lambda';
    case 'aws-fargate':
      return 'fargate';
    case 'aws-ec2':
      return 'ec2';
    case 'kubernetes':
      return 'kubernetes';
    case 'gcp-cloud-run':
      return model === 'always-on' ? 'cloud-run-instance' : 'cloud-run-request';
    case 'gcp-cloud-functions':
      return 'cloud-functions';
    case 'azure-functions':
      return instances > 0 ? 'azure-flex' : 'azure-consumption';
    case 'azure-container-apps':
      return 'container-apps';
    case 'cloudflare-workers':
    default:
      return 'workers';
  }
}

/** Catalog EC2 type by name. */
export function findEc2Type(
  name: string | undefined,
): Ec2InstanceType | undefined {
  if (!name) return undefined;
  const wanted = name.trim().toLowerCase();
  return EC2_INSTANCE_TYPES.find(t => t.name === wanted);
}

/** Default EC2 type per architecture when the stated one is not in the catalog. */
const DEFAULT_EC2: Record<Architecture, string> = {
  x86_64: 'm6i.large',
  arm64: 'm7g.large',
};

/** The VM of an aws-ec2 workload: its stated type, or the default of its architecture. */
export function ec2TypeOf(settings: WorkloadSettings): {
  type: Ec2InstanceType;
  known: boolean;
} {
  const found = findEc2Type(settings.instanceType);
  if (found) return { type: found, known: true };
  return {
    type: findEc2Type(DEFAULT_EC2[settings.architecture] ?? 'm6i.large')!,
    known: false,
  };
}

/** vCPU share a single request gets on a CPU-follows-memory FaaS. */
function faasCpuShare(
  platform: Platform,
  memoryMb: number,
  vcpu: number,
): number {
  if (platform === 'gcp-cloud-functions') return vcpu < 1 ? vcpu : 1;
  const share = memoryMb / MB_PER_VCPU;
  return share < 1 ? share : 1;
}

/** Geometric midpoints between consecutive container vCPU steps: nearest step on a log scale. */
const VCPU_STEP_BOUNDS = CONTAINER_VCPU_STEPS.slice(1).map((step, i) =>
  Math.sqrt(step * CONTAINER_VCPU_STEPS[i]),
);

function nearestVcpuStep(x: number): number {
  for (let i = 0; i < VCPU_STEP_BOUNDS.length; i++)
    if (x < VCPU_STEP_BOUNDS[i]) return CONTAINER_VCPU_STEPS[i];
  return CONTAINER_VCPU_STEPS[CONTAINER_VCPU_STEPS.length - 1];
}

/** Cloud Run functions derive vCPU from memory unless it is stated (0.08–8 vCPU). */
function cloudFunctionsVcpu(
  settings: WorkloadSettings,
  defaulted: FieldSet,
): number {
  if (!defaulted.has('vcpu')) return settings.vcpu;
  const derived = settings.memoryMb / MB_PER_VCPU;
  return Math.min(8, Math.max(0.08, derived));
}

/**
 * The assumptions the engine makes in sizing the workload on its own platform ({@link sizeCurrent}),
 * where something had to be derived: an EC2 type not in the catalog, Cloud Run functions' vCPU from
 * memory, a peak below the average.
 */
export function currentSizingAssumptions(
  settings: WorkloadSettings,
  defaulted: FieldSet,
): Assumption[] {
  const assumptions: Assumption[] = [];
  if (settings.platform === 'aws-ec2') {
    const { type, known } = ec2TypeOf(settings);
    if (!known) {
      assumptions.push({
        field: 'instanceType',
        annotation: ANNOTATIONS.instanceType,
        value: type.name,
        reason: settings.instanceType
          ? `instance type "${settings.instanceType}" is not in the price catalog; priced as ${type.name} (${type.architecture})`
          : `no instance type; priced as ${type.name}, the catalog's general-purpose ${type.architecture} type`,
      });
    }
  } else if (
    settings.platform === 'gcp-cloud-functions' &&
    defaulted.has('vcpu')
  ) {
    assumptions.push({
      field: 'vcpu',
      annotation: ANNOTATIONS.vcpu,
      value: Math.round(cloudFunctionsVcpu(settings, defaulted) * 1000) / 1000,
      reason:
        'Cloud Run functions: vCPU derived from memory at 1,769 MB per vCPU',
    });
  }
  if (settings.peakRps < averageRps(settings.monthlyRequests)) {
    assumptions.push({
      field: 'peakRps',
      annotation: ANNOTATIONS.peakRps,
      value: Math.round(averageRps(settings.monthlyRequests) * 1000) / 1000,
      reason:
        'peak-rps is below the average rate of monthly-requests; the average is used as the peak',
    });
  }
  return assumptions;
}

/** The workload on its own platform, as stated (see {@link currentSizingAssumptions} for what is derived). */
export function sizeCurrent(
  settings: WorkloadSettings,
  ctx: SizingContext,
): SizedWorkload {
  const profile = ctx.profile ?? profileOf(settings);
  const traits = PLATFORM_TRAITS[settings.platform];
  const avg = averageRps(settings.monthlyRequests);
  let vcpu = settings.vcpu;
  let memoryMb = settings.memoryMb;
  let architecture = settings.architecture;
  let ec2: Ec2InstanceType | undefined;
  if (settings.platform === 'aws-ec2') {
    const { type } = ec2TypeOf(settings);
    ec2 = type;
    vcpu = type.vcpu;
    memoryMb = type.memoryGib * 1024;
    architecture = type.architecture;
  } else if (
    settings.platform === 'gcp-cloud-functions' &&
    ctx.defaulted.has('vcpu')
  ) {
    vcpu = cloudFunctionsVcpu(settings, ctx.defaulted);
  }
  let concurrency = traits.singleConcurrency ? 1 : CONTAINER_CONCURRENCY;
  const oneRequestPerInstance =
    settings.platform === 'gcp-cloud-run' && vcpu < 1;
  if (oneRequestPerInstance) concurrency = 1;
  const aws = traits.provider === 'aws';
  return {
    platform: settings.platform,
    model: settings.executionModel,
    variant: variantOf(
      settings.platform,
      settings.executionModel,
      settings.instances,
    ),
    monthlyRequests: settings.monthlyRequests,
    peakRps: settings.peakRps > avg ? settings.peakRps : avg,
    durationMs: settings.avgDurationMs,
    cpuMs: settings.cpuMs,
    memoryMb,
    vcpu,
    architecture,
    instances: settings.instances,
    maxInstances:
      settings.maxInstances > settings.instances
        ? settings.maxInstances
        : settings.instances,
    concurrency,
    ec2,
    frontDoor: aws ? ctx.frontDoor : 'none',
    profile,
    describe: () =>
      oneRequestPerInstance
        ? ['Below 1 vCPU Cloud Run serves one request per instance']
        : [],
  };
}

/** Result of sizing onto an alternative: the sized workload, or why no size fits. */
export type SizingResult =
  | { sized: SizedWorkload; infeasible?: undefined }
  | { sized?: undefined; infeasible: string };

/**
 * The workload expressed on another platform (rules 2–8 above). `current` is the output of
 * {@link sizeCurrent} for the same settings. The plain-language notes are written by `describe()`,
 * when the alternative is shown.
 */
export function sizeAlternative(
  settings: WorkloadSettings,
  current: SizedWorkload,
  target: Target,
  ctx: SizingContext,
): SizingResult {
  const platform = target.platform;
  const traits = PLATFORM_TRAITS[platform];
  const sourceIsFaas = PLATFORM_TRAITS[settings.platform].kind === 'faas';
  const sourceAlwaysOn = settings.executionModel === 'always-on';
  const durationMs = current.durationMs > 0 ? current.durationMs : 0.001;
  // CPU per request as the source ran it: a single-request FaaS cannot use more than its share.
  let cpuMs = current.cpuMs;
  if (
    settings.platform === 'aws-lambda' ||
    settings.platform === 'gcp-cloud-functions'
  ) {
    const share = faasCpuShare(
      settings.platform,
      current.memoryMb,
      current.vcpu,
    );
    if (cpuMs > durationMs * share) cpuMs = durationMs * share;
  }
  let memoryMb = current.memoryMb;
  let vcpu = current.vcpu;
  let wallMs = durationMs;
  let instances = 0;
  let maxInstances = current.maxInstances;
  let concurrency = traits.singleConcurrency ? 1 : CONTAINER_CONCURRENCY;
  let ec2: Ec2InstanceType | undefined;
  let architecture = current.architecture;
  const alwaysOnTarget = target.model === 'always-on';
  let containerVcpu = 0;
  let peakReplicas = 0;
  let containerMemoryMb = 0;
  let raisedForCloudRun = false;

  if (traits.kind === 'faas') {
    if (platform === 'cloudflare-workers') {
      memoryMb = 128;
    } else {
      if (!sourceIsFaas) {
        const byCpu =
          MB_PER_VCPU * (cpuMs / durationMs < 1 ? cpuMs / durationMs : 1);
        memoryMb =
          Math.ceil(
            (byCpu > FAAS_MIN_MEMORY_MB ? byCpu : FAAS_MIN_MEMORY_MB) / 64,
          ) * 64;
        if (platform === 'azure-functions' && memoryMb > 1536) memoryMb = 1536;
      }
      vcpu =
        platform === 'gcp-cloud-functions'
          ? Math.min(8, Math.max(0.08, memoryMb / MB_PER_VCPU))
          : memoryMb / MB_PER_VCPU;
      if (platform === 'aws-lambda' || platform === 'gcp-cloud-functions') {
        const stretched = cpuMs / faasCpuShare(platform, memoryMb, vcpu);
        if (stretched > wallMs) wallMs = stretched;
      }
    }
    maxInstances = UNBOUNDED_INSTANCES;
  } else {
    // Container or VM target: from a FaaS, rule 5's container size; otherwise the current one.
    if (sourceIsFaas) {
      vcpu = nearestVcpuStep(current.memoryMb / MB_PER_VCPU);
      const rounded = Math.ceil(current.memoryMb / 512) * 512;
      const floor = vcpu * CONTAINER_MB_PER_VCPU;
      memoryMb = rounded > floor ? rounded : floor;
    }
    containerVcpu = vcpu;
    containerMemoryMb = memoryMb;
    if (platform === 'gcp-cloud-run' && vcpu < 1) {
      vcpu = 1;
      if (memoryMb < 512) memoryMb = 512;
      raisedForCloudRun = true;
    }
    let instanceFloor = 1;
    if (platform === 'aws-ec2') {
      const pick = pickEc2(architecture, memoryMb, ctx.priceBook);
      if (!pick) {
        return {
          infeasible: `memory-mb ${mb(memoryMb)} per replica exceeds every ${architecture} EC2 type in the price catalog (largest ${largestEc2Gib(architecture)} GiB)`,
        };
      }
      ec2 = pick;
      architecture = pick.architecture;
      instanceFloor = Math.ceil(vcpu / pick.vcpu - 1e-9);
      vcpu = pick.vcpu;
      memoryMb = pick.memoryGib * 1024;
    }
    instances = alwaysOnTarget
      ? (sourceAlwaysOn ? Math.max(1, settings.instances) : HA_FLOOR) *
        instanceFloor
      : 0;
    const k = targetConcurrency(vcpu, wallMs, cpuMs, concurrency);
    peakReplicas = Math.ceil((current.peakRps * wallMs) / 1000 / k) + 1;
    if (!Number.isFinite(peakReplicas)) peakReplicas = UNBOUNDED_INSTANCES;
    if (peakReplicas < instances) peakReplicas = instances;
    maxInstances =
      sourceAlwaysOn && !sourceIsFaas
        ? Math.max(instances, current.maxInstances * instanceFloor)
        : UNBOUNDED_INSTANCES;
  }

  if (platform === 'gcp-cloud-run' && vcpu < 1) concurrency = 1;

  // The figures the notes quote beyond the sized workload's own.
  const basis: SizingBasis = {
    source: current,
    sourceIsFaas,
    sourceAlwaysOn,
    sourceDurationMs: durationMs,
    containerVcpu,
    containerMemoryMb,
    raisedForCloudRun,
    peakReplicas,
    requestedFrontDoor: ctx.frontDoor,
    priceBook: ctx.priceBook,
  };
  const sized: SizedWorkload = {
    platform,
    model: target.model,
    variant: variantOf(platform, target.model, instances),
    monthlyRequests: current.monthlyRequests,
    peakRps: current.peakRps,
    durationMs: wallMs,
    cpuMs,
    memoryMb,
    vcpu,
    architecture,
    instances,
    maxInstances,
    concurrency,
    ec2,
    frontDoor:
      ctx.frontDoor !== 'none' && traits.provider === 'aws'
        ? ctx.frontDoor
        : 'none',
    profile: current.profile,
    describe: () => alternativeNotes(sized, basis),
  };
  return { sized };
}

/** What an alternative's notes quote besides its sized figures (see {@link sizeAlternative}). */
interface SizingBasis {
  /** The workload on its own platform. */
  source: SizedWorkload;
  sourceIsFaas: boolean;
  sourceAlwaysOn: boolean;
  /** Wall time per request on the source platform (at least 0.001 ms). */
  sourceDurationMs: number;
  /** Size per replica by rule 5, before Cloud Run's 1 vCPU minimum and the EC2 type. */
  containerVcpu: number;
  containerMemoryMb: number;
  raisedForCloudRun: boolean;
  /** Replicas at today's peak (containers and VMs). */
  peakReplicas: number;
  /** The front door the caller stated, which the platform may not need. */
  requestedFrontDoor: FrontDoor;
  priceBook: PriceBook;
}

/** The plain-language sizing notes of an alternative (its `describe()`). */
function alternativeNotes(sized: SizedWorkload, basis: SizingBasis): string[] {
  const { platform, cpuMs, memoryMb, ec2, instances, maxInstances } = sized;
  const { sourceIsFaas, sourceAlwaysOn, containerVcpu, containerMemoryMb } =
    basis;
  const durationMs = basis.sourceDurationMs;
  const wallMs = sized.durationMs;
  const concurrency = sized.concurrency;
  const peakReplicas = basis.peakReplicas;
  const alwaysOnTarget = sized.model === 'always-on';
  const notes: string[] = [];
  if (PLATFORM_TRAITS[platform].kind === 'faas') {
    if (platform === 'cloudflare-workers') {
      notes.push(
        `Billed on CPU time: ${q(cpuMs)} CPU-ms per request; runs as a 128 MB V8 isolate`,
      );
    } else {
      notes.push(
        sourceIsFaas
          ? `Same memory as today: ${mb(memoryMb)} MB`
          : `Sized at ${mb(memoryMb)} MB: the CPU share a request uses (${q(cpuMs)} of ${q(durationMs)} ms) at 1,769 MB per vCPU, at least 512 MB${platform === 'azure-functions' && memoryMb === 1536 ? ', capped at the Consumption maximum of 1,536 MB' : ''}`,
      );
      if (wallMs > durationMs * 1.001) {
        notes.push(
          `Wall time stretches to ${q(wallMs)} ms at ${q(Math.min(1, memoryMb / MB_PER_VCPU))} vCPU per request`,
        );
      }
    }
    notes.push(
      'On demand: no provisioned concurrency or always-ready instances (instances 0)',
    );
  } else {
    notes.push(
      sourceIsFaas
        ? `Sized at ${q(containerVcpu)} vCPU / ${mb(containerMemoryMb)} MB per replica: ${mb(basis.source.memoryMb)} MB ÷ 1,769 MB per vCPU, nearest container size, ≥ 2 GB per vCPU`
        : `Same size per replica as today: ${q(containerVcpu)} vCPU / ${mb(containerMemoryMb)} MB`,
    );
    if (basis.raisedForCloudRun)
      notes.push(
        'Raised to 1 vCPU: below one vCPU Cloud Run serves one request per instance',
      );
    if (ec2) {
      notes.push(
        `Instance type ${ec2.name} (${ec2.vcpu} vCPU, ${ec2.memoryGib} GiB), the cheapest non-burstable ${ec2.architecture} type in the catalog that fits`,
      );
    }
    if (!alwaysOnTarget) notes.push('Scales to zero (min instances 0)');
    else if (sourceAlwaysOn)
      notes.push(`Minimum ${q(instances)} replicas, as today`);
    else
      notes.push(
        `Minimum ${q(instances)} replicas: high-availability floor of 2`,
      );
    notes.push(
      maxInstances < UNBOUNDED_INSTANCES
        ? `Autoscales up to ${q(maxInstances)} replicas at a 60 % target, ${concurrency} concurrent requests per replica`
        : `Autoscales with load at a 60 % target, ${concurrency} concurrent requests per replica (about ${q(peakReplicas)} ${peakReplicas === 1 ? 'replica' : 'replicas'} at today's peak)`,
    );
    if (platform === 'kubernetes') {
      const kubernetes = basis.priceBook.rates.kubernetes;
      const node =
        kubernetes.nodeType[
          sized.architecture === 'arm64' ? 'arm64' : 'x86_64'
        ];
      notes.push(
        `Node capacity priced from ${node}; control-plane fee shared by ${q(kubernetes.servicesPerCluster)} services`,
      );
    }
    if (platform === 'gcp-cloud-run') {
      notes.push(
        alwaysOnTarget
          ? 'Instance-based billing (CPU always allocated)'
          : 'Request-based billing',
      );
    }
  }
  if (basis.requestedFrontDoor !== 'none' && sized.frontDoor === 'none') {
    notes.push(
      `Built-in HTTPS ingress: the ${basis.requestedFrontDoor} front door is not needed`,
    );
  }
  return notes;
}

function pickEc2(
  architecture: Architecture,
  memoryMb: number,
  pb: PriceBook,
): Ec2InstanceType | undefined {
  let best: Ec2InstanceType | undefined;
  for (const type of EC2_INSTANCE_TYPES) {
    if (type.burstable || type.architecture !== architecture) continue;
    if (type.memoryGib * 1024 < memoryMb) continue;
    if (
      !best ||
      (pb.rates.ec2[type.name] ?? Infinity) <
        (pb.rates.ec2[best.name] ?? Infinity)
    )
      best = type;
  }
  return best;
}

function largestEc2Gib(architecture: Architecture): number {
  let max = 0;
  for (const type of EC2_INSTANCE_TYPES) {
    if (
      type.architecture === architecture &&
      !type.burstable &&
      type.memoryGib > max
    )
      max = type.memoryGib;
  }
  return max;
}
