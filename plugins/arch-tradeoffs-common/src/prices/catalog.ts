import { EC2_INSTANCE_SHAPES } from '../model/platforms';
import type { PriceEntry } from './types';

/**
 * The price catalog: every number the estimators use, once, with its source and date.
 *
 * All values come from `reference/cloud-economics.md` (compiled 2026-11): USD list prices, on-demand,
 * Linux, no free tier / Savings Plans / CUDs applied. Where that file names a dated source the entry
 * carries that date; otherwise `asOf` is the file's compilation month (2026-11). A month is 730 h.
 *
 * Keys are `<platform or service>.<item>[.<arch>]`. They are public: app-config overrides use them.
 */

const ECON = 'reference/cloud-economics.md';
const LAMBDA_SRC = `calculator.aws metered-unit map (remotion-dev/remotion packages/lambda/src/pricing/price-per-1-s.ts); Infracost golden lambda_function_test.golden; AWS whitepaper "How AWS Pricing Works – Lambda" (${ECON} §1.1)`;
const LAMBDA_TIER_SRC = `Infracost golden lambda_function_test.golden ($135,000/9B; $135,001.13/11.25B); AWS blog "Introducing tiered pricing for AWS Lambda" (${ECON} §1.1)`;
const LAMBDA_PC_SRC_X86 = `calculator.aws map copied in remotion-dev/remotion (${ECON} §1.1)`;
const LAMBDA_PC_SRC_ARM = `several Price-List-derived repositories, SKU shown (${ECON} §1.1)`;
const FARGATE_X86_SRC = `Infracost golden ecs_service_test.golden (1 vCPU = $29.55 / 730 h, 2 GB = $6.49); Vantage; wring.co (${ECON} §1.2)`;
const FARGATE_ARM_SRC = `Vantage "AWS Fargate Pricing Explained"; fortem.dev "verified June 2026" (${ECON} §1.2)`;
const CLOUD_RUN_SRC = `cloud.google.com/run/pricing (text copy) and secondary sources (${ECON} §1.3)`;
const AZURE_FN_SRC = `Infracost golden function_app_test.golden; azure.microsoft.com/pricing/details/functions (${ECON} §1.4)`;
const AZURE_FLEX_SRC = `≥4 independent repositories and modal.com (2025-05-22) quoting the Azure pricing page; billing model in MicrosoftDocs/azure-docs includes/functions-flex-consumption-billing-table.md (${ECON} §1.4)`;
const ACA_SRC = `Microsoft Tech Community "Understanding Idle Usage in Azure Container Apps", Central US (${ECON} §1.4)`;
const WORKERS_SRC = `developers.cloudflare.com/workflows/reference/pricing ("identical to Workers Standard pricing") (${ECON} §1.5)`;

function price(
  value: number,
  unit: string,
  description: string,
  source: string,
  asOf: string,
  confidence: PriceEntry['confidence'],
): PriceEntry {
  return { value, kind: 'price', unit, description, source, asOf, confidence };
}

function quantity(
  value: number,
  unit: string,
  description: string,
  source: string,
  asOf: string,
  confidence: PriceEntry['confidence'],
): PriceEntry {
  return {
    value,
    kind: 'quantity',
    unit,
    description,
    source,
    asOf,
    confidence,
  };
}

/**
 * Default region of each provider's prices.
 * @public
 */
export const DEFAULT_REGIONS = {
  aws: 'us-east-1',
  gcp: 'us-central1 (Tier 1)',
  azure: 'East US / Central US',
  cloudflare: 'global',
} as const;

/**
 * The catalog. Keys are stable identifiers used by overrides in app-config.
 * @public
 */
export const PRICE_CATALOG = {
  // ---- AWS Lambda (us-east-1) ------------------------------------------------------------------
  'aws-lambda.request': price(
    0.0000002,
    'USD per request',
    'Lambda requests ($0.20 per 1M)',
    LAMBDA_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.duration.tier1.x86_64': price(
    0.0000166667,
    'USD per GB-second',
    'Lambda duration, x86_64, first 6B GB-s/month',
    LAMBDA_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.duration.tier2.x86_64': price(
    0.000015,
    'USD per GB-second',
    'Lambda duration, x86_64, next 9B GB-s/month',
    LAMBDA_TIER_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.duration.tier3.x86_64': price(
    0.0000133334,
    'USD per GB-second',
    'Lambda duration, x86_64, beyond 15B GB-s/month',
    LAMBDA_TIER_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.duration.tier1.arm64': price(
    0.0000133334,
    'USD per GB-second',
    'Lambda duration, arm64, first 7.5B GB-s/month',
    LAMBDA_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.duration.tier2.arm64': price(
    0.0000120001,
    'USD per GB-second',
    'Lambda duration, arm64, next 11.25B GB-s/month',
    LAMBDA_TIER_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.duration.tier3.arm64': price(
    0.0000106667,
    'USD per GB-second',
    'Lambda duration, arm64, beyond 18.75B GB-s/month',
    LAMBDA_TIER_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.tier1-size.x86_64': quantity(
    6e9,
    'GB-seconds per month',
    'Size of the first x86_64 duration tier (aggregate per account and region)',
    LAMBDA_TIER_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.tier2-size.x86_64': quantity(
    9e9,
    'GB-seconds per month',
    'Size of the second x86_64 duration tier',
    LAMBDA_TIER_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.tier1-size.arm64': quantity(
    7.5e9,
    'GB-seconds per month',
    'Size of the first arm64 duration tier',
    LAMBDA_TIER_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.tier2-size.arm64': quantity(
    11.25e9,
    'GB-seconds per month',
    'Size of the second arm64 duration tier',
    LAMBDA_TIER_SRC,
    '2024-07-01',
    'V',
  ),
  'aws-lambda.provisioned.x86_64': price(
    0.0000041667,
    'USD per GB-second',
    'Provisioned Concurrency, x86_64, billed while enabled',
    LAMBDA_PC_SRC_X86,
    '2026-11',
    'V',
  ),
  'aws-lambda.provisioned.arm64': price(
    0.0000033334,
    'USD per GB-second',
    'Provisioned Concurrency, arm64, billed while enabled',
    LAMBDA_PC_SRC_ARM,
    '2026-11',
    'S',
  ),
  'aws-lambda.provisioned-duration.x86_64': price(
    0.0000097222,
    'USD per GB-second',
    'Duration of invocations served on Provisioned Concurrency, x86_64',
    LAMBDA_PC_SRC_X86,
    '2026-11',
    'V',
  ),
  'aws-lambda.provisioned-duration.arm64': price(
    0.0000077778,
    'USD per GB-second',
    'Duration of invocations served on Provisioned Concurrency, arm64',
    LAMBDA_PC_SRC_ARM,
    '2026-11',
    'S',
  ),
  'aws-lambda.free.requests': quantity(
    1_000_000,
    'requests per month',
    'Lambda permanent free tier, per account (org-level only)',
    `AWS whitepaper "How AWS Pricing Works" (${ECON} §1.1)`,
    '2026-11',
    'V',
  ),
  'aws-lambda.free.gb-seconds': quantity(
    400_000,
    'GB-seconds per month',
    'Lambda permanent free tier, per account (org-level only)',
    `AWS whitepaper "How AWS Pricing Works" (${ECON} §1.1)`,
    '2026-11',
    'V',
  ),

  // ---- AWS Fargate (us-east-1, Linux) ----------------------------------------------------------
  'aws-fargate.vcpu-hour.x86_64': price(
    0.04048,
    'USD per vCPU-hour',
    'Fargate Linux/x86 vCPU',
    FARGATE_X86_SRC,
    '2025-07-04',
    'V',
  ),
  'aws-fargate.gb-hour.x86_64': price(
    0.004445,
    'USD per GB-hour',
    'Fargate Linux/x86 memory',
    FARGATE_X86_SRC,
    '2025-07-04',
    'V',
  ),
  'aws-fargate.vcpu-hour.arm64': price(
    0.03238,
    'USD per vCPU-hour',
    'Fargate Linux/ARM vCPU',
    FARGATE_ARM_SRC,
    '2026-06',
    'S',
  ),
  'aws-fargate.gb-hour.arm64': price(
    0.00356,
    'USD per GB-hour',
    'Fargate Linux/ARM memory',
    FARGATE_ARM_SRC,
    '2026-06',
    'S',
  ),

  // ---- AWS EC2 on-demand (us-east-1, Linux) ----------------------------------------------------
  'aws-ec2.t4g.small': price(
    0.0168,
    'USD per instance-hour',
    'EC2 t4g.small (2 vCPU burstable, 2 GiB, Graviton)',
    `multiple repositories incl. one "from the AWS Price List API, queried 2026-09-16" (${ECON} §1.2)`,
    '2026-09-16',
    'S',
  ),
  'aws-ec2.t4g.medium': price(
    0.0336,
    'USD per instance-hour',
    'EC2 t4g.medium (2 vCPU burstable, 4 GiB, Graviton)',
    `public price tables (${ECON} §1.2)`,
    '2026-11',
    'S',
  ),
  'aws-ec2.t3.medium': price(
    0.0416,
    'USD per instance-hour',
    'EC2 t3.medium (2 vCPU burstable, 4 GiB, x86)',
    `Infracost goldens (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-ec2.m5.large': price(
    0.096,
    'USD per instance-hour',
    'EC2 m5.large (2 vCPU, 8 GiB, x86)',
    `Infracost goldens (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-ec2.m6i.large': price(
    0.096,
    'USD per instance-hour',
    'EC2 m6i.large (2 vCPU, 8 GiB, x86)',
    `Infracost golden breakdown_terragrunt_with_remote_source.golden: 730 h = $70.08 (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-ec2.m6g.large': price(
    0.077,
    'USD per instance-hour',
    'EC2 m6g.large (2 vCPU, 8 GiB, Graviton2)',
    `public price tables (${ECON} §1.2)`,
    '2026-11',
    'S',
  ),
  'aws-ec2.m7g.large': price(
    0.0816,
    'USD per instance-hour',
    'EC2 m7g.large (2 vCPU, 8 GiB, Graviton3)',
    `factualminds "EC2 On-Demand Pricing"; many public price tables (${ECON} §1.2)`,
    '2026-06-17',
    'S',
  ),
  'aws-ec2.c7g.large': price(
    0.0725,
    'USD per instance-hour',
    'EC2 c7g.large (2 vCPU, 4 GiB, Graviton3)',
    `public price tables (${ECON} §1.2)`,
    '2026-11',
    'S',
  ),

  // ---- Kubernetes (EKS on EC2 nodes) -------------------------------------------------------------
  // Node capacity is priced from the EC2 entries above (no second copy of those prices): see
  // KUBERNETES_NODE_TYPES. The control-plane fee is shared by the services of a cluster.
  'aws-eks.cluster-hour': price(
    0.1,
    'USD per cluster-hour',
    'EKS control plane, standard support ($73/month)',
    `Infracost golden eks_cluster_test.golden (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'kubernetes.services-per-cluster': quantity(
    20,
    'services per cluster',
    "How many services share one cluster's control-plane fee (arch-tradeoffs default assumption, not a price; override per organisation)",
    'arch-tradeoffs default assumption',
    '2026-11',
    'U',
  ),

  // ---- API Gateway and load balancers (us-east-1) ----------------------------------------------
  'aws-apigateway-rest.request.tier1': price(
    0.0000035,
    'USD per request',
    'API Gateway REST, first 333M requests/month ($3.50/M)',
    `Infracost golden api_gateway_rest_api_test.golden (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-apigateway-rest.request.tier2': price(
    0.0000028,
    'USD per request',
    'API Gateway REST, next 667M ($2.80/M)',
    `Infracost golden api_gateway_rest_api_test.golden (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-apigateway-rest.request.tier3': price(
    0.00000238,
    'USD per request',
    'API Gateway REST, next 19B ($2.38/M)',
    `Infracost golden api_gateway_rest_api_test.golden (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-apigateway-rest.request.tier4': price(
    0.00000151,
    'USD per request',
    'API Gateway REST, beyond 20B ($1.51/M)',
    `Infracost golden api_gateway_rest_api_test.golden (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-apigateway-http.request.tier1': price(
    0.000001,
    'USD per request',
    'API Gateway HTTP API, first 300M requests/month ($1.00/M, 512 KB metering)',
    `Infracost golden + infracost-usage-example.yml (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-apigateway-http.request.tier2': price(
    0.0000009,
    'USD per request',
    'API Gateway HTTP API, beyond 300M ($0.90/M)',
    `Infracost golden (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-alb.hour': price(
    0.0225,
    'USD per load-balancer-hour',
    'Application Load Balancer ($16.43/month)',
    `Infracost golden lb_test.golden (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-alb.lcu-hour': price(
    0.008,
    'USD per LCU-hour',
    'Application Load Balancer capacity unit',
    `Infracost golden lb_test.golden (${ECON} §1.2)`,
    '2026-11',
    'V',
  ),
  'aws-alb.new-connections-per-lcu': quantity(
    25,
    'new connections per second per LCU',
    'ALB LCU dimension used to estimate LCUs (one new connection per request assumed)',
    'aws.amazon.com/elasticloadbalancing/pricing (not in cloud-economics.md; check before relying on it)',
    '2026-11',
    'U',
  ),

  // ---- Google Cloud Run / Cloud Run functions (Tier 1) ------------------------------------------
  'gcp-cloud-run.request': price(
    0.0000004,
    'USD per request',
    'Cloud Run request-based billing: $0.40 per 1M requests',
    `${CLOUD_RUN_SRC}; Infracost golden shows $0.0000004/request`,
    '2026-11',
    'S',
  ),
  'gcp-cloud-run.cpu-second': price(
    0.000024,
    'USD per vCPU-second',
    'Cloud Run request-based billing, active CPU',
    CLOUD_RUN_SRC,
    '2026-11',
    'V',
  ),
  'gcp-cloud-run.memory-second': price(
    0.0000025,
    'USD per GiB-second',
    'Cloud Run request-based billing, active memory',
    CLOUD_RUN_SRC,
    '2026-11',
    'S',
  ),
  'gcp-cloud-run.idle-cpu-second': price(
    0.0000025,
    'USD per vCPU-second',
    'Cloud Run request-based billing, idle min-instances CPU',
    `several 2026 repositories citing the pricing table (${ECON} §1.3)`,
    '2026-11',
    'S',
  ),
  'gcp-cloud-run.idle-memory-second': price(
    0.0000025,
    'USD per GiB-second',
    'Cloud Run request-based billing, idle min-instances memory',
    `several 2026 repositories citing the pricing table (${ECON} §1.3)`,
    '2026-11',
    'S',
  ),
  'gcp-cloud-run.instance-cpu-second': price(
    0.000018,
    'USD per vCPU-second',
    'Cloud Run instance-based billing CPU (no request fee)',
    CLOUD_RUN_SRC,
    '2026-11',
    'V',
  ),
  'gcp-cloud-run.instance-memory-second': price(
    0.000002,
    'USD per GiB-second',
    'Cloud Run instance-based billing memory',
    CLOUD_RUN_SRC,
    '2026-11',
    'S',
  ),
  'gcp-cloud-run.free.requests': quantity(
    2_000_000,
    'requests per month',
    'Cloud Run request-based free tier, per billing account (org-level only)',
    CLOUD_RUN_SRC,
    '2026-11',
    'V',
  ),
  'gcp-cloud-run.free.vcpu-seconds': quantity(
    180_000,
    'vCPU-seconds per month',
    'Cloud Run request-based free tier (org-level only)',
    CLOUD_RUN_SRC,
    '2026-11',
    'V',
  ),
  'gcp-cloud-run.free.gib-seconds': quantity(
    360_000,
    'GiB-seconds per month',
    'Cloud Run request-based free tier (org-level only)',
    CLOUD_RUN_SRC,
    '2026-11',
    'V',
  ),
  'gcp-cloud-run.free.instance-vcpu-seconds': quantity(
    240_000,
    'vCPU-seconds per month',
    'Cloud Run instance-based free tier (org-level only)',
    CLOUD_RUN_SRC,
    '2026-11',
    'S',
  ),
  'gcp-cloud-run.free.instance-gib-seconds': quantity(
    450_000,
    'GiB-seconds per month',
    'Cloud Run instance-based free tier (org-level only)',
    CLOUD_RUN_SRC,
    '2026-11',
    'S',
  ),

  // ---- Azure Functions (East US) -------------------------------------------------------------------
  'azure-functions.execution': price(
    0.0000002,
    'USD per execution',
    'Functions Consumption: $0.20 per 1M executions',
    AZURE_FN_SRC,
    '2024-07-01',
    'V',
  ),
  'azure-functions.gb-second': price(
    0.000016,
    'USD per GB-second',
    'Functions Consumption, observed memory rounded up to 128 MB, min 100 ms',
    AZURE_FN_SRC,
    '2024-07-01',
    'V',
  ),
  'azure-functions.flex.execution': price(
    0.0000004,
    'USD per execution',
    'Functions Flex Consumption: $0.40 per 1M executions',
    AZURE_FLEX_SRC,
    '2025-05-22',
    'S',
  ),
  'azure-functions.flex.gb-second': price(
    0.000026,
    'USD per GB-second',
    'Flex Consumption on-demand, instance memory while executing',
    AZURE_FLEX_SRC,
    '2025-05-22',
    'S',
  ),
  'azure-functions.flex.baseline-gb-second': price(
    0.000004,
    'USD per GB-second',
    'Flex Consumption always-ready baseline, every always-ready instance',
    AZURE_FLEX_SRC,
    '2025-05-22',
    'S',
  ),
  'azure-functions.flex.always-ready-gb-second': price(
    0.000016,
    'USD per GB-second',
    'Flex Consumption always-ready, while executing',
    AZURE_FLEX_SRC,
    '2025-05-22',
    'S',
  ),
  'azure-functions.free.executions': quantity(
    1_000_000,
    'executions per month',
    'Consumption free grant per subscription (org-level only)',
    AZURE_FN_SRC,
    '2024-07-01',
    'V',
  ),
  'azure-functions.free.gb-seconds': quantity(
    400_000,
    'GB-seconds per month',
    'Consumption free grant per subscription (org-level only)',
    AZURE_FN_SRC,
    '2024-07-01',
    'V',
  ),
  'azure-functions.flex.free.executions': quantity(
    250_000,
    'executions per month',
    'Flex Consumption on-demand free grant (org-level only)',
    AZURE_FLEX_SRC,
    '2025-05-22',
    'S',
  ),
  'azure-functions.flex.free.gb-seconds': quantity(
    100_000,
    'GB-seconds per month',
    'Flex Consumption on-demand free grant (org-level only)',
    AZURE_FLEX_SRC,
    '2025-05-22',
    'S',
  ),

  // ---- Azure Container Apps, Consumption plan (Central US) -------------------------------------------
  'azure-container-apps.active-cpu-second': price(
    0.000024,
    'USD per vCPU-second',
    'Container Apps active vCPU',
    ACA_SRC,
    '2025-05-30',
    'V',
  ),
  'azure-container-apps.active-memory-second': price(
    0.000003,
    'USD per GiB-second',
    'Container Apps active memory',
    ACA_SRC,
    '2025-05-30',
    'V',
  ),
  'azure-container-apps.idle-cpu-second': price(
    0.000003,
    'USD per vCPU-second',
    'Container Apps idle vCPU (replicas at min-replicas with no traffic)',
    ACA_SRC,
    '2025-05-30',
    'V',
  ),
  'azure-container-apps.idle-memory-second': price(
    0.000003,
    'USD per GiB-second',
    'Container Apps idle memory (same as active)',
    ACA_SRC,
    '2025-05-30',
    'V',
  ),
  'azure-container-apps.request': price(
    0.0000004,
    'USD per request',
    'Container Apps requests: $0.40 per 1M',
    `secondary sources (${ECON} §1.4)`,
    '2026-11',
    'S',
  ),
  'azure-container-apps.free.requests': quantity(
    2_000_000,
    'requests per month',
    'Container Apps free grant per subscription (org-level only)',
    `learn.microsoft.com/azure/container-apps/billing (${ECON} §1.4)`,
    '2026-11',
    'V',
  ),
  'azure-container-apps.free.vcpu-seconds': quantity(
    180_000,
    'vCPU-seconds per month',
    'Container Apps free grant (org-level only)',
    `learn.microsoft.com/azure/container-apps/billing (${ECON} §1.4)`,
    '2026-11',
    'V',
  ),
  'azure-container-apps.free.gib-seconds': quantity(
    360_000,
    'GiB-seconds per month',
    'Container Apps free grant (org-level only)',
    `learn.microsoft.com/azure/container-apps/billing (${ECON} §1.4)`,
    '2026-11',
    'V',
  ),

  // ---- Cloudflare Workers, Standard (paid) plan ------------------------------------------------------
  'cloudflare-workers.monthly-base': price(
    5,
    'USD per month',
    'Workers paid plan minimum (account-level; charged in full per service here)',
    WORKERS_SRC,
    '2026-11',
    'V',
  ),
  'cloudflare-workers.included-requests': quantity(
    10_000_000,
    'requests per month',
    'Requests included in the paid plan',
    WORKERS_SRC,
    '2026-11',
    'V',
  ),
  'cloudflare-workers.included-cpu-ms': quantity(
    30_000_000,
    'CPU-milliseconds per month',
    'CPU time included in the paid plan',
    WORKERS_SRC,
    '2026-11',
    'V',
  ),
  'cloudflare-workers.request': price(
    0.0000003,
    'USD per request',
    'Workers requests beyond the included 10M ($0.30/M)',
    WORKERS_SRC,
    '2026-11',
    'V',
  ),
  'cloudflare-workers.cpu-ms': price(
    0.00000002,
    'USD per CPU-millisecond',
    'Workers CPU time beyond the included 30M ms ($0.02/M)',
    WORKERS_SRC,
    '2026-11',
    'V',
  ),
} satisfies Record<string, PriceEntry>;

/** A key of {@link PRICE_CATALOG}. @public */
export type PriceKey = keyof typeof PRICE_CATALOG;

/**
 * An EC2 instance type the catalog prices, with what an estimator needs to size on it. `burstable`
 * types are never chosen as an alternative's size because sustained load above their baseline earns
 * CPU-credit charges the catalog does not price.
 * @public
 */
export interface Ec2InstanceType {
  name: string;
  priceKey: PriceKey;
  vcpu: number;
  memoryGib: number;
  architecture: 'x86_64' | 'arm64';
  burstable: boolean;
}

/**
 * The catalog's EC2 types: the shapes in model/platforms.ts (one source for vCPU / memory /
 * architecture, shared with the parser) joined with their price key `aws-ec2.<type>`. t-family types
 * are burstable.
 * @public
 */
export const EC2_INSTANCE_TYPES: readonly Ec2InstanceType[] = Object.entries(
  EC2_INSTANCE_SHAPES,
)
  .filter(([name]) =>
    Object.prototype.hasOwnProperty.call(PRICE_CATALOG, `aws-ec2.${name}`),
  )
  .map(([name, shape]) => ({
    name,
    priceKey: `aws-ec2.${name}` as PriceKey,
    vcpu: shape.vcpu,
    memoryGib: shape.memoryMb / 1024,
    architecture: shape.architecture,
    burstable: name.startsWith('t'),
  }));

/**
 * Node types whose price defines Kubernetes capacity: a pod pays for the larger of its vCPU share and
 * its memory share of such a node (price ÷ vCPU per vCPU-hour, price ÷ GiB per GiB-hour), the
 * dominant-resource rule OpenCost's "allocation cost" implies (cloud-economics.md §5.2). m6i.large and
 * m7g.large are the general-purpose types the reference prices per vCPU (§4.2a).
 * @public
 */
export const KUBERNETES_NODE_TYPES = {
  x86_64: 'm6i.large',
  arm64: 'm7g.large',
} as const;
