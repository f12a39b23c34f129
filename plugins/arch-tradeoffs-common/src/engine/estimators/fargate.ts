import type { PriceBook } from '../../prices/types';
import type { ScenarioFactors } from '../traffic';
import type { Estimate, SizedWorkload } from '../types';
import { billedSize, instanceUsage, fleetLines, fleetReplicaHours, peakReplicas } from './fleet';
import { frontDoorCost, frontDoorLines } from './frontDoor';
import { q } from './lines';
import { scenario } from './scenario';

/**
 * AWS Fargate: each task pays vCPU-hours and GB-hours of its configured size (not its usage), per
 * architecture; tasks autoscale between `instances` and `maxInstances` with load.
 */
export function estimateFargate(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const s = scenario(w, f);
  const arch = w.architecture === 'arm64' ? 'arm64' : 'x86_64';
  const r = pb.rates.fargate[arch];
  const { vcpu, gib } = billedSize(s);
  const perHour = vcpu * r.vcpuHour + gib * r.gbHour;
  const replicaHours = fleetReplicaHours(w, s, vcpu);
  const compute = replicaHours * perHour;
  const frontDoor = frontDoorCost(w, pb, s);
  const total = compute + frontDoor;
  const usage = instanceUsage(s.requests, replicaHours * 3600, { vcpu, gib });
  const breakdown = withBreakdown
    ? [
        ...frontDoorLines(w, pb, s, frontDoor),
        ...fleetLines(pb, {
          unit: 'task',
          replicaHours,
          instances: s.instances,
          peak: peakReplicas(w, s, vcpu),
          perHour,
          perHourText: `${pb.unitMoney(perHour)}/h (${q(vcpu)} vCPU × ${pb.unitText(`aws-fargate.vcpu-hour.${arch}`)} + ${q(gib)} GB × ${pb.unitText(`aws-fargate.gb-hour.${arch}`)})`,
        }),
      ]
    : [];
  return { cost: total, usage, breakdown };
}
