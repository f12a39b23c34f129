import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import { MONTH_HOURS } from '../constants';
import type { ScenarioFactors } from '../traffic';
import type { Estimate, SizedWorkload } from '../types';
import { billedSize, instanceUsage, fleetLines, fleetReplicaHours, peakReplicas } from './fleet';
import { frontDoorCost, frontDoorLines } from './frontDoor';
import { push, q } from './lines';
import { scenario } from './scenario';

/**
 * Kubernetes (EKS on EC2 nodes): a pod pays for its requests, not its usage (OpenCost's allocation
 * cost, cloud-economics.md §5.2): the larger of its vCPU share and its memory share of a node
 * (m6i.large for x86_64, m7g.large for arm64: price ÷ vCPU per vCPU-hour, price ÷ GiB per GiB-hour).
 * Plus its share of the $73/month control plane: fee ÷ services per cluster (default 20, override
 * `kubernetes.services-per-cluster`). Idle node capacity (bin-packing waste) is not charged.
 */
export function estimateKubernetes(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const s = scenario(w, f);
  const arch = w.architecture === 'arm64' ? 'arm64' : 'x86_64';
  const k8s = pb.rates.kubernetes;
  const node = k8s[arch];
  const { vcpu, gib } = billedSize(s);
  const byCpu = vcpu * node.vcpuHour;
  const byMemory = gib * node.gibHour;
  const perHour = byCpu > byMemory ? byCpu : byMemory;
  const replicaHours = fleetReplicaHours(w, s, vcpu);
  const compute = replicaHours * perHour;
  const services = k8s.servicesPerCluster >= 1 ? k8s.servicesPerCluster : 1;
  const fee = (k8s.clusterHour * MONTH_HOURS) / services;
  const frontDoor = frontDoorCost(w, pb, s);
  const total = compute + fee + frontDoor;
  const usage = instanceUsage(s.requests, replicaHours * 3600, { vcpu, gib });
  const breakdown = withBreakdown
    ? [
        ...frontDoorLines(w, pb, s, frontDoor),
        ...kubernetesLines(pb, {
          arch,
          vcpu,
          gib,
          perHour,
          replicaHours,
          instances: s.instances,
          peak: peakReplicas(w, s, vcpu),
          services,
          fee,
        }),
      ]
    : [];
  return { cost: total, usage, breakdown };
}

/** The quantities of one Kubernetes estimate that its breakdown shows. */
interface KubernetesFigures {
  arch: 'x86_64' | 'arm64';
  vcpu: number;
  gib: number;
  perHour: number;
  replicaHours: number;
  instances: number;
  peak: number;
  services: number;
  fee: number;
}

/** Breakdown lines of a Kubernetes estimate. */
function kubernetesLines(
  pb: PriceBook,
  figures: KubernetesFigures,
): CostLineItem[] {
  const { arch, vcpu, gib, perHour, services, fee } = figures;
  const k8s = pb.rates.kubernetes;
  const node = k8s[arch];
  const nodeType = k8s.nodeType[arch];
  const lines = fleetLines(pb, {
    unit: 'pod',
    replicaHours: figures.replicaHours,
    instances: figures.instances,
    peak: figures.peak,
    perHour,
    perHourText: `${pb.unitMoney(perHour)}/h = max(${q(vcpu)} vCPU × ${pb.unitMoney(node.vcpuHour)}, ${q(gib)} GiB × ${pb.unitMoney(node.gibHour)}) of ${nodeType} node capacity`,
  });
  push(
    lines,
    'platform-fee',
    'EKS control plane share',
    fee,
    `730 h × ${pb.unitText('aws-eks.cluster-hour')} ÷ ${q(services)} services per cluster = ${pb.money(fee)}`,
  );
  return lines;
}
