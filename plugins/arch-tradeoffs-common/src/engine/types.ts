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

/** Usage quantities an estimate priced, for org-level free tiers and the billing-mode rule. */
export interface Usage {
  requests: number;
  gbSeconds: number;
  vcpuSeconds: number;
  gibSeconds: number;
}

/** One estimate of a sized workload: its monthly cost, the usage it priced, and (when asked) its breakdown. */
export interface Estimate {
  cost: number;
  usage: Usage;
  /** The breakdown lines (with the arithmetic in `detail`); empty unless `withBreakdown` was set. Amounts are not yet cleaned of NaN/negatives: the caller does that. */
  breakdown: CostLineItem[];
}

/**
 * A platform estimator: the monthly cost of a sized workload under scenario multipliers. With
 * `withBreakdown` it also writes the breakdown; without it, only the numbers (break-even search and
 * the low/high scenarios need no text).
 */
export type Estimator = (
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
) => Estimate;
