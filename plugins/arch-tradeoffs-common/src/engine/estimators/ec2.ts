import type { PriceBook } from '../../prices/types';
import type { ScenarioFactors } from '../traffic';
import type { Estimate, SizedWorkload, Usage } from '../types';
import { fleetLines, fleetReplicaHours, peakReplicas } from './fleet';
import { frontDoorCost, frontDoorLines } from './frontDoor';
import { scenario } from './scenario';

/**
 * AWS EC2: instances of one type (the sizing picks it), on-demand hourly price, autoscaled between
 * `instances` and `maxInstances` like an auto scaling group. Capacity per instance comes from the
 * type's vCPU, so the size scenario factor does not apply.
 */
export function estimateEc2(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const s = scenario(w, f);
  const type = w.ec2;
  const vcpu = type ? type.vcpu : 2;
  const perHour = type ? (pb.rates.ec2[type.name] ?? 0) : 0;
  const replicaHours = fleetReplicaHours(w, s, vcpu);
  const compute = replicaHours * perHour;
  const frontDoor = frontDoorCost(w, pb, s);
  const total = compute + frontDoor;
  const usage: Usage = {
    requests: s.requests,
    gbSeconds: 0,
    vcpuSeconds: replicaHours * 3600 * vcpu,
    gibSeconds: 0,
  };
  const breakdown = withBreakdown
    ? [
        ...frontDoorLines(w, pb, s, frontDoor),
        // Without an instance type there is no price, so no fleet lines.
        ...(type
          ? fleetLines(pb, {
              unit: 'instance',
              replicaHours,
              instances: s.instances,
              peak: peakReplicas(w, s, vcpu),
              perHour,
              perHourText: `${pb.unitText(type.priceKey)} (${type.name}, ${type.vcpu} vCPU, ${type.memoryGib} GiB)`,
            })
          : []),
      ]
    : [];
  return { cost: total, usage, breakdown };
}
