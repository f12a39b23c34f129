import type { Platform, WorkloadSettings } from '../model/settings';
import type { PriceBook } from '../prices/types';
import { ESTIMATORS } from './estimators';
import { NONE_DEFAULTED } from './fields';
import { sizeCurrent } from './sizing';
import { EXPECTED_FACTORS } from './traffic';
import type { BillingVariant } from './types';

/**
 * Free tiers are account-level allowances (per AWS account, GCP billing account, Azure subscription),
 * so per-service estimates never include them (as Infracost does). An organisation that wants them can
 * apply them once across its components with {@link applyFreeTiers}: each allowance is shared among
 * the components that use it in proportion to their usage, valued at each one's first-tier price.
 * Assumes one account per provider. Lambda functions with Provisioned Concurrency get no free tier
 * (AWS pricing page). Cloudflare Workers' included usage is part of the paid plan and is already in
 * every Workers estimate.
 */

/** @public */
export interface FreeTierPool {
  /** Allowance name, e.g. `aws-lambda.gb-seconds`. */
  allowance: string;
  free: number;
  used: number;
  credit: number;
}

/** @public */
export interface FreeTierCredit {
  currency: string;
  /** Total monthly credit, to subtract from the sum of the components' expected costs. */
  total: number;
  byPlatform: Partial<Record<Platform, number>>;
  byEntity: Record<string, number>;
  pools: FreeTierPool[];
}

interface Use {
  entityRef: string;
  platform: Platform;
  amount: number;
  rate: number;
}

type Dimension = 'requests' | 'gbSeconds' | 'vcpuSeconds' | 'gibSeconds';

/** Which allowance pools a billing variant draws on: [pool, usage dimension, free amount, unit rate]. */
function poolsOf(
  variant: BillingVariant,
  pb: PriceBook,
  arch: 'x86_64' | 'arm64',
): Array<[string, Dimension, number, number]> {
  const f = pb.rates.freeTier;
  const r = pb.rates;
  switch (variant) {
    case 'lambda':
      return [
        ['aws-lambda.requests', 'requests', f.lambdaRequests, r.lambda.request],
        [
          'aws-lambda.gb-seconds',
          'gbSeconds',
          f.lambdaGbSeconds,
          r.lambda[arch].tiers.prices[0],
        ],
      ];
    case 'cloud-run-request':
    case 'cloud-functions':
      return [
        [
          'gcp-cloud-run.requests',
          'requests',
          f.cloudRunRequests,
          r.cloudRun.request,
        ],
        [
          'gcp-cloud-run.vcpu-seconds',
          'vcpuSeconds',
          f.cloudRunVcpuSeconds,
          r.cloudRun.cpuSecond,
        ],
        [
          'gcp-cloud-run.gib-seconds',
          'gibSeconds',
          f.cloudRunGibSeconds,
          r.cloudRun.memorySecond,
        ],
      ];
    case 'cloud-run-instance':
      return [
        [
          'gcp-cloud-run.instance-vcpu-seconds',
          'vcpuSeconds',
          f.cloudRunInstanceVcpuSeconds,
          r.cloudRun.instanceCpuSecond,
        ],
        [
          'gcp-cloud-run.instance-gib-seconds',
          'gibSeconds',
          f.cloudRunInstanceGibSeconds,
          r.cloudRun.instanceMemorySecond,
        ],
      ];
    case 'azure-consumption':
      return [
        [
          'azure-functions.executions',
          'requests',
          f.azureExecutions,
          r.azureFunctions.execution,
        ],
        [
          'azure-functions.gb-seconds',
          'gbSeconds',
          f.azureGbSeconds,
          r.azureFunctions.gbSecond,
        ],
      ];
    case 'azure-flex':
      return [
        [
          'azure-functions.flex.executions',
          'requests',
          f.azureFlexExecutions,
          r.azureFunctions.flexExecution,
        ],
        [
          'azure-functions.flex.gb-seconds',
          'gbSeconds',
          f.azureFlexGbSeconds,
          r.azureFunctions.flexGbSecond,
        ],
      ];
    case 'container-apps':
      return [
        [
          'azure-container-apps.requests',
          'requests',
          f.containerAppsRequests,
          r.containerApps.request,
        ],
        [
          'azure-container-apps.vcpu-seconds',
          'vcpuSeconds',
          f.containerAppsVcpuSeconds,
          r.containerApps.activeCpuSecond,
        ],
        [
          'azure-container-apps.gib-seconds',
          'gibSeconds',
          f.containerAppsGibSeconds,
          r.containerApps.activeMemorySecond,
        ],
      ];
    default:
      return [];
  }
}

/**
 * Org-level free-tier credit for a set of components (e.g. the assessments of a whole catalog, which
 * carry `entityRef` and `settings`).
 * @public
 */
export function applyFreeTiers(
  items: ReadonlyArray<{ entityRef: string; settings: WorkloadSettings }>,
  priceBook: PriceBook,
): FreeTierCredit {
  const pools = new Map<string, { free: number; uses: Use[] }>();
  for (const item of items) {
    const sized = sizeCurrent(item.settings, {
      priceBook,
      defaulted: NONE_DEFAULTED,
      frontDoor: 'none',
    });
    if (sized.variant === 'lambda' && sized.instances > 0) continue;
    const { usage } = ESTIMATORS[sized.variant](sized, priceBook, EXPECTED_FACTORS, false);
    const arch = sized.architecture === 'arm64' ? 'arm64' : 'x86_64';
    for (const [name, dimension, free, rate] of poolsOf(
      sized.variant,
      priceBook,
      arch,
    )) {
      const amount = usage[dimension];
      if (!(amount > 0)) continue;
      let pool = pools.get(name);
      if (!pool) pools.set(name, (pool = { free, uses: [] }));
      pool.uses.push({
        entityRef: item.entityRef,
        platform: sized.platform,
        amount,
        rate,
      });
    }
  }
  const result: FreeTierCredit = {
    currency: priceBook.currency,
    total: 0,
    byPlatform: {},
    byEntity: {},
    pools: [],
  };
  for (const [allowance, pool] of pools) {
    let used = 0;
    for (const use of pool.uses) used += use.amount;
    const share = used > 0 ? Math.min(1, pool.free / used) : 0;
    let credit = 0;
    for (const use of pool.uses) {
      const c = share * use.amount * use.rate;
      credit += c;
      result.byEntity[use.entityRef] =
        (result.byEntity[use.entityRef] ?? 0) + c;
      result.byPlatform[use.platform] =
        (result.byPlatform[use.platform] ?? 0) + c;
    }
    result.total += credit;
    result.pools.push({ allowance, free: pool.free, used, credit });
  }
  return result;
}
