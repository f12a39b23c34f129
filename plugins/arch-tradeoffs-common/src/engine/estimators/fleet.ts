import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import { replicaSum, targetConcurrency } from '../capacity';
import { BUCKET_HOURS, MONTH_HOURS } from '../constants';
import type { SizedWorkload, Usage } from '../types';
import { push, q } from './lines';
import type { ScenarioValues } from './scenario';

/** Smallest vCPU the model accepts, so capacity arithmetic stays finite. */
export const MIN_VCPU = 0.01;

/** What instances billed per vCPU-second and GiB-second used over `seconds` of instance time. */
export function instanceUsage(requests: number, seconds: number, size: { vcpu: number; gib: number }): Usage {
  return { requests, gbSeconds: 0, vcpuSeconds: seconds * size.vcpu, gibSeconds: seconds * size.gib };
}

/** The vCPU (at least {@link MIN_VCPU}) and GiB of memory one instance of the scenario is billed for. */
export function billedSize(s: ScenarioValues): { vcpu: number; gib: number } {
  return { vcpu: Math.max(s.vcpu, MIN_VCPU), gib: Math.max(s.memoryMb, 0) / 1024 };
}

/**
 * Replica-hours per month of an always-on fleet: each hour runs enough replicas for its load at the
 * autoscaling target (see capacity.ts), never fewer than `instances`, never more than `maxInstances`.
 */
export function fleetReplicaHours(
  w: SizedWorkload,
  s: ScenarioValues,
  vcpu: number,
): number {
  const k = targetConcurrency(vcpu, s.durationMs, s.cpuMs, w.concurrency);
  return (
    replicaSum(
      w.profile,
      s.averageConcurrency / k,
      s.instances,
      s.maxInstances,
    ) * BUCKET_HOURS
  );
}

/** Replicas running in the busiest hour (for the breakdown text). */
export function peakReplicas(
  w: SizedWorkload,
  s: ScenarioValues,
  vcpu: number,
): number {
  const k = targetConcurrency(vcpu, s.durationMs, s.cpuMs, w.concurrency);
  const load = (s.averageConcurrency * w.profile.max) / k;
  let n = load < 1 ? 1.5 * load : load + 0.5;
  if (n < s.instances) n = s.instances;
  if (n > s.maxInstances) n = s.maxInstances;
  return n;
}

/** What the breakdown of an always-on fleet shows. */
export interface FleetFigures {
  /** What one replica is called: `task`, `instance`, `pod`. */
  unit: string;
  replicaHours: number;
  instances: number;
  /** Replicas running in the busiest hour. */
  peak: number;
  perHour: number;
  /** The price of one replica-hour with its arithmetic, e.g. `$0.05/h (1 vCPU × … + 2 GB × …)`. */
  perHourText: string;
}

/**
 * The two lines of an always-on fleet: the floor (minimum replicas all month) and the autoscaled
 * replica-hours above it.
 */
export function fleetLines(pb: PriceBook, fleet: FleetFigures): CostLineItem[] {
  const { unit, replicaHours, instances, peak, perHour, perHourText } = fleet;
  const floorHours = instances * MONTH_HOURS;
  const floorCost = floorHours * perHour;
  const extraHours =
    replicaHours - floorHours > 0 ? replicaHours - floorHours : 0;
  const extraCost = extraHours * perHour;
  const lines: CostLineItem[] = [];
  push(
    lines,
    'idle',
    `Minimum ${unit}s (always on)`,
    floorCost,
    `${q(instances)} ${unit}s × 730 h × ${perHourText} = ${pb.money(floorCost)}`,
  );
  push(
    lines,
    'compute',
    `Autoscaled ${unit}s`,
    extraCost,
    `${q(extraHours)} ${unit}-h above the minimum (up to ${q(peak)} ${unit}s in the busiest hour) × ${perHourText} = ${pb.money(extraCost)}`,
  );
  return lines;
}
