import type { CostLineItem } from '../model/assessment';
import type { Architecture, ExecutionModel, Platform } from '../model/settings';
import type { Ec2InstanceType } from '../prices/catalog';
import type { PriceBook } from '../prices/types';
import type { ScenarioFactors, TrafficProfile } from './traffic';

/**
 * A managed front door in front of the service, priced when the caller states one (there is no
 * annotation for it yet; the backend may pass it per entity).
 * @public
 */
export type FrontDoor =
  'api-gateway-rest' | 'api-gateway-http' | 'alb' | 'none';

/**
 * How a platform bills this workload. Hybrids have two (Cloud Run request- vs instance-based);
 * Azure Functions uses Flex Consumption only when it keeps always-ready instances.
 * @public
 */
export type BillingVariant =
  | 'lambda'
  | 'fargate'
  | 'ec2'
  | 'kubernetes'
  | 'cloud-run-request'
  | 'cloud-run-instance'
  | 'cloud-functions'
  | 'azure-consumption'
  | 'azure-flex'
  | 'container-apps'
  | 'workers';

/**
 * A workload sized for one platform: what the estimators price. Produced by `sizeWorkload` from the
 * entity's settings (unchanged on its own platform, mapped by the sizing rules on an alternative).
 * @public
 */
export interface SizedWorkload {
  platform: Platform;
  model: ExecutionModel;
  variant: BillingVariant;
  monthlyRequests: number;
  peakRps: number;
  /** Wall time per request on this platform. */
  durationMs: number;
  cpuMs: number;
  memoryMb: number;
  vcpu: number;
  architecture: Architecture;
  /** Minimum replicas / provisioned concurrency / min instances / always-ready instances. */
  instances: number;
  maxInstances: number;
  /** Requests one instance or environment holds at once (1 on single-concurrency FaaS). */
  concurrency: number;
  /** The VM type on aws-ec2. */
  ec2?: Ec2InstanceType;
  frontDoor: FrontDoor;
  /** The day of traffic (see traffic.ts). */
  profile: TrafficProfile;
  /** How the workload was mapped onto the platform, in plain language (built on demand). */
  describe: () => string[];
}

/**
 * A platform estimator: the monthly cost of a sized workload under scenario multipliers. When `lines`
 * is given it also pushes the breakdown (with the arithmetic in `detail`); without it, it only
 * computes the number, which is the fast path break-even search and low/high use.
 */
export type Estimator = (
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  lines: CostLineItem[] | null,
) => number;

/** Usage quantities of the last estimate, for org-level free tiers. */
export interface Usage {
  requests: number;
  gbSeconds: number;
  vcpuSeconds: number;
  gibSeconds: number;
}
