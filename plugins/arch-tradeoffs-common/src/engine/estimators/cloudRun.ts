import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import { busySum, replicaSum, targetConcurrency } from '../capacity';
import { BUCKET_HOURS, BUCKET_SECONDS } from '../constants';
import type { ScenarioFactors } from '../traffic';
import type { Estimate, SizedWorkload } from '../types';
import { billedSize, instanceUsage, fleetLines, peakReplicas } from './fleet';
import { push, pushRequestLine, q } from './lines';
import { scenario } from './scenario';

/** Cloud Run rounds billable time up to 100 ms (cloud-economics.md §1.3). */
const GRANULARITY_MS = 100;

/**
 * Google Cloud Run, request-based billing (the default), and Cloud Run functions (priced as Cloud Run;
 * one request per instance). An instance is billed for vCPU-seconds and GiB-seconds while it has a
 * request in flight (see `busySum`: rarely-overlapping requests each bill at least 100 ms; overlapping
 * ones share an instance up to its concurrency at the 60 % target), + $0.40 per 1M requests, + idle
 * min-instances at the idle rate.
 */
export function estimateCloudRunRequest(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const s = scenario(w, f);
  const { requests, durationMs, cpuMs: cpuMsPerRequest, instances } = s;
  const r = pb.rates.cloudRun;
  const { vcpu, gib } = billedSize(s);
  // Busy time can never exceed the requests' own time, so at least one request per busy instance.
  const k0 = targetConcurrency(
    vcpu,
    durationMs,
    cpuMsPerRequest,
    w.concurrency,
  );
  const k = k0 > 1 ? k0 : 1;
  const billedMs = Math.ceil(durationMs / GRANULARITY_MS) * GRANULARITY_MS;
  const billedConcurrency = (s.averageConcurrency * billedMs) / durationMs;
  const busy = busySum(
    w.profile,
    s.averageConcurrency,
    billedConcurrency,
    k,
    instances,
    s.maxInstances,
  );
  const busySeconds = busy.sum * BUCKET_SECONDS;
  const idleSeconds = busy.idle * BUCKET_SECONDS;
  const activePerSecond = vcpu * r.cpuSecond + gib * r.memorySecond;
  const idlePerSecond = vcpu * r.idleCpuSecond + gib * r.idleMemorySecond;
  const requestCost = requests * r.request;
  const activeCost = busySeconds * activePerSecond;
  const idleCost = idleSeconds * idlePerSecond;
  const usage = instanceUsage(requests, busySeconds, { vcpu, gib });
  const breakdown = withBreakdown
    ? cloudRunRequestLines(pb, {
        requests,
        concurrency: w.concurrency,
        vcpu,
        gib,
        instances,
        busySeconds,
        idleSeconds,
        requestCost,
        activeCost,
        idleCost,
      })
    : [];
  return { cost: requestCost + activeCost + idleCost, usage, breakdown };
}

/** The quantities of one Cloud Run request-based estimate that its breakdown shows. */
interface CloudRunRequestFigures {
  requests: number;
  concurrency: number;
  vcpu: number;
  gib: number;
  instances: number;
  busySeconds: number;
  idleSeconds: number;
  requestCost: number;
  activeCost: number;
  idleCost: number;
}

/** Breakdown lines of a Cloud Run request-based estimate. */
function cloudRunRequestLines(
  pb: PriceBook,
  figures: CloudRunRequestFigures,
): CostLineItem[] {
  const {
    requests,
    concurrency,
    vcpu,
    gib,
    instances,
    busySeconds,
    idleSeconds,
    requestCost,
    activeCost,
    idleCost,
  } = figures;
  const lines: CostLineItem[] = [];
  pushRequestLine(lines, pb, 'gcp-cloud-run.request', requests, requestCost);
  push(
    lines,
    'compute',
    'Busy instance time',
    activeCost,
    `${q(busySeconds)} instance-s with a request in flight (concurrency ${q(concurrency)}, ≥ 100 ms per request) × (${q(vcpu)} vCPU × ${pb.unitText('gcp-cloud-run.cpu-second')} + ${q(gib)} GiB × ${pb.unitText('gcp-cloud-run.memory-second')}) = ${pb.money(activeCost)}`,
  );
  if (instances > 0) {
    push(
      lines,
      'idle',
      'Idle min-instances',
      idleCost,
      `${q(idleSeconds)} idle instance-s of ${q(instances)} min instances × (${q(vcpu)} vCPU × ${pb.unitText('gcp-cloud-run.idle-cpu-second')} + ${q(gib)} GiB × ${pb.unitText('gcp-cloud-run.idle-memory-second')}) = ${pb.money(idleCost)}`,
    );
  }
  return lines;
}

/**
 * Google Cloud Run, instance-based billing (formerly "CPU always allocated"): every running instance
 * is billed for its whole lifetime at the lower instance rate, with no request fee. Instances
 * autoscale like an always-on fleet between min and max instances.
 */
export function estimateCloudRunInstance(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const s = scenario(w, f);
  const { requests, durationMs, cpuMs: cpuMsPerRequest, instances } = s;
  const r = pb.rates.cloudRun;
  const { vcpu, gib } = billedSize(s);
  const k = targetConcurrency(vcpu, durationMs, cpuMsPerRequest, w.concurrency);
  const instanceHours =
    replicaSum(w.profile, s.averageConcurrency / k, instances, s.maxInstances) *
    BUCKET_HOURS;
  const perHour =
    3600 * (vcpu * r.instanceCpuSecond + gib * r.instanceMemorySecond);
  const cost = instanceHours * perHour;
  const usage = instanceUsage(requests, instanceHours * 3600, { vcpu, gib });
  const breakdown = withBreakdown
    ? cloudRunInstanceLines(pb, {
        vcpu,
        gib,
        perHour,
        instanceHours,
        instances,
        peak: peakReplicas(w, s, vcpu),
      })
    : [];
  return { cost, usage, breakdown };
}

/** The quantities of one Cloud Run instance-based estimate that its breakdown shows. */
interface CloudRunInstanceFigures {
  vcpu: number;
  gib: number;
  perHour: number;
  instanceHours: number;
  instances: number;
  peak: number;
}

/** Breakdown lines of a Cloud Run instance-based estimate. */
function cloudRunInstanceLines(
  pb: PriceBook,
  figures: CloudRunInstanceFigures,
): CostLineItem[] {
  const { vcpu, gib, perHour, instanceHours, instances, peak } = figures;
  return fleetLines(pb, {
    unit: 'instance',
    replicaHours: instanceHours,
    instances,
    peak,
    perHour,
    perHourText: `${pb.unitMoney(perHour)}/h (3,600 s × (${q(vcpu)} vCPU × ${pb.unitText('gcp-cloud-run.instance-cpu-second')} + ${q(gib)} GiB × ${pb.unitText('gcp-cloud-run.instance-memory-second')}))`,
  });
}
