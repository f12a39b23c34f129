import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import { busySum, replicaSumWithIdle, targetConcurrency } from '../capacity';
import { BUCKET_SECONDS } from '../constants';
import type { ScenarioFactors } from '../traffic';
import type { Estimate, SizedWorkload } from '../types';
import { billedSize, instanceUsage } from './fleet';
import { push, pushRequestLine, q } from './lines';
import { scenario } from './scenario';

/**
 * Azure Container Apps, Consumption plan: replicas bill per second on allocated vCPU and GiB, at the
 * active rate, or at the idle rate while scaled to min-replicas with no request in flight; + $0.40 per
 * 1M requests. With min-replicas 0 the app scales to zero and replicas exist only while busy (the
 * scale-in cool-down is not priced). With min-replicas > 0 the fleet autoscales like an always-on one
 * and is idle a fraction e^(−concurrency) of each hour.
 */
export function estimateContainerApps(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const s = scenario(w, f);
  const { requests, durationMs, cpuMs: cpuMsPerRequest, instances } = s;
  const r = pb.rates.containerApps;
  const { vcpu, gib } = billedSize(s);
  const k = targetConcurrency(vcpu, durationMs, cpuMsPerRequest, w.concurrency);
  // With min-replicas 0 the busy sum's idle part is zero: replicas exist only while busy.
  const replicas =
    instances > 0
      ? replicaSumWithIdle(
          w.profile,
          s.averageConcurrency / k,
          s.averageConcurrency,
          instances,
          s.maxInstances,
        )
      : busySum(
          w.profile,
          s.averageConcurrency,
          s.averageConcurrency,
          k > 1 ? k : 1,
          0,
          s.maxInstances,
        );
  const runningSeconds = replicas.sum * BUCKET_SECONDS;
  const idleSeconds = replicas.idle * BUCKET_SECONDS;
  const activeSeconds = runningSeconds - idleSeconds;
  const requestCost = requests * r.request;
  const activeCost =
    activeSeconds * (vcpu * r.activeCpuSecond + gib * r.activeMemorySecond);
  const idleCost =
    idleSeconds * (vcpu * r.idleCpuSecond + gib * r.idleMemorySecond);
  const usage = instanceUsage(requests, runningSeconds, { vcpu, gib });
  const breakdown = withBreakdown
    ? containerAppsLines(pb, {
        requests,
        vcpu,
        gib,
        instances,
        activeSeconds,
        idleSeconds,
        requestCost,
        activeCost,
        idleCost,
      })
    : [];
  return { cost: requestCost + activeCost + idleCost, usage, breakdown };
}

/** The quantities of one Container Apps estimate that its breakdown shows. */
interface ContainerAppsFigures {
  requests: number;
  vcpu: number;
  gib: number;
  instances: number;
  activeSeconds: number;
  idleSeconds: number;
  requestCost: number;
  activeCost: number;
  idleCost: number;
}

/** Breakdown lines of a Container Apps estimate. */
function containerAppsLines(
  pb: PriceBook,
  figures: ContainerAppsFigures,
): CostLineItem[] {
  const {
    requests,
    vcpu,
    gib,
    instances,
    activeSeconds,
    idleSeconds,
    requestCost,
    activeCost,
    idleCost,
  } = figures;
  const lines: CostLineItem[] = [];
  pushRequestLine(
    lines,
    pb,
    'azure-container-apps.request',
    requests,
    requestCost,
  );
  push(
    lines,
    'compute',
    'Active replica time',
    activeCost,
    `${q(activeSeconds)} active replica-s × (${q(vcpu)} vCPU × ${pb.unitText('azure-container-apps.active-cpu-second')} + ${q(gib)} GiB × ${pb.unitText('azure-container-apps.active-memory-second')}) = ${pb.money(activeCost)}`,
  );
  if (instances > 0) {
    push(
      lines,
      'idle',
      'Idle min-replicas',
      idleCost,
      `${q(idleSeconds)} idle replica-s (min ${q(instances)} replicas, no request in flight) × (${q(vcpu)} vCPU × ${pb.unitText('azure-container-apps.idle-cpu-second')} + ${q(gib)} GiB × ${pb.unitText('azure-container-apps.idle-memory-second')}) = ${pb.money(idleCost)}`,
    );
  }
  return lines;
}
