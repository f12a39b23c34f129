import type { CostLineItem } from '../../model/assessment';
import type { Ec2InstanceType } from '../../prices/catalog';
import type { PriceBook } from '../../prices/types';
import type { ScenarioFactors } from '../traffic';
import type { SizedWorkload } from '../types';
import { fleetLines, fleetReplicaHours, peakReplicas } from './fleet';
import { frontDoorCost } from './frontDoor';
import { scenario, setUsage } from './scenario';

/**
 * AWS EC2: instances of one type (the sizing picks it), on-demand hourly price, autoscaled between
 * `instances` and `maxInstances` like an auto scaling group. Capacity per instance comes from the
 * type's vCPU, so the size scenario factor does not apply.
 */
export function estimateEc2(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  lines: CostLineItem[] | null,
): number {
  const s = scenario(w, f);
  const type = w.ec2;
  const vcpu = type ? type.vcpu : 2;
  const perHour = type ? (pb.rates.ec2[type.name] ?? 0) : 0;
  const replicaHours = fleetReplicaHours(w, s, vcpu);
  const compute = replicaHours * perHour;
  setUsage(s.requests, 0, replicaHours * 3600 * vcpu, 0);
  const total = compute + frontDoorCost(w, pb, s, lines);
  if (lines && type) {
    ec2Lines(
      lines,
      pb,
      type,
      perHour,
      replicaHours,
      s.instances,
      peakReplicas(w, s, vcpu),
    );
  }
  return total;
}

/** Breakdown lines of an EC2 estimate, built apart from it (see `push`). */
function ec2Lines(
  lines: CostLineItem[],
  pb: PriceBook,
  type: Ec2InstanceType,
  perHour: number,
  replicaHours: number,
  instances: number,
  peak: number,
): void {
  fleetLines(
    lines,
    pb,
    'instance',
    replicaHours,
    instances,
    peak,
    perHour,
    () =>
      `${pb.unitText(type.priceKey)} (${type.name}, ${type.vcpu} vCPU, ${type.memoryGib} GiB)`,
  );
}
