import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import type { ScenarioFactors } from '../traffic';
import type { SizedWorkload } from '../types';
import { fleetLines, fleetReplicaHours, MIN_VCPU, peakReplicas } from './fleet';
import { frontDoorCost } from './frontDoor';
import { q } from './lines';
import { scenario, setUsage } from './scenario';

/**
 * AWS Fargate: each task pays vCPU-hours and GB-hours of its configured size (not its usage), per
 * architecture; tasks autoscale between `instances` and `maxInstances` with load.
 */
export function estimateFargate(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  lines: CostLineItem[] | null,
): number {
  const s = scenario(w, f);
  const arch = w.architecture === 'arm64' ? 'arm64' : 'x86_64';
  // Named reads rather than `fargate[arch]`: a computed key read with two keys is megamorphic.
  const r = arch === 'arm64' ? pb.rates.fargate.arm64 : pb.rates.fargate.x86_64;
  const vcpu = s.vcpu > MIN_VCPU ? s.vcpu : MIN_VCPU;
  const gb = s.memoryMb > 0 ? s.memoryMb / 1024 : 0;
  const perHour = vcpu * r.vcpuHour + gb * r.gbHour;
  const replicaHours = fleetReplicaHours(w, s, vcpu);
  const compute = replicaHours * perHour;
  setUsage(s.requests, 0, replicaHours * 3600 * vcpu, replicaHours * 3600 * gb);
  const total = compute + frontDoorCost(w, pb, s, lines);
  if (lines) {
    fargateLines(
      lines,
      pb,
      arch,
      vcpu,
      gb,
      perHour,
      replicaHours,
      s.instances,
      peakReplicas(w, s, vcpu),
    );
  }
  return total;
}

/** Breakdown lines of a Fargate estimate, built apart from it (see `push`). */
function fargateLines(
  lines: CostLineItem[],
  pb: PriceBook,
  arch: 'x86_64' | 'arm64',
  vcpu: number,
  gb: number,
  perHour: number,
  replicaHours: number,
  instances: number,
  peak: number,
): void {
  fleetLines(
    lines,
    pb,
    'task',
    replicaHours,
    instances,
    peak,
    perHour,
    () =>
      `${pb.unitMoney(perHour)}/h (${q(vcpu)} vCPU × ${pb.unitText(`aws-fargate.vcpu-hour.${arch}`)} + ${q(gb)} GB × ${pb.unitText(`aws-fargate.gb-hour.${arch}`)})`,
  );
}
