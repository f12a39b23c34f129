import { deepFreeze } from '../deepFreeze';
import type { ExecutionModel, Platform } from '../model/settings';
import { PLATFORM_MODELS } from '../model/platforms';

/**
 * What kind of compute each platform is, and the hard limits that decide feasibility. Limits come
 * from reference/cloud-economics.md §2 (vendor docs, tag V unless noted).
 */

/** @public */
export type PlatformKind = 'faas' | 'container' | 'vm';

/** @public */
export interface PlatformTraits {
  kind: PlatformKind;
  /** Cloud provider, for effort (cross-provider migrations cost more) and front doors. */
  provider: 'aws' | 'gcp' | 'azure' | 'cloudflare';
  /** Execution models the platform can run: hybrids (Cloud Run, Container Apps) run both. */
  models: readonly ExecutionModel[];
  /** One request per execution environment (Lambda, Azure Functions, Cloud Run functions). */
  singleConcurrency: boolean;
  /** Longest request or job, seconds; undefined when unlimited. */
  timeoutS?: number;
  timeoutSource?: string;
  /** Largest memory per function / instance, MB. */
  maxMemoryMb?: number;
  memorySource?: string;
  /** Largest vCPU per instance. */
  maxVcpu?: number;
  /** Default concurrency limit per account/region (FaaS). */
  concurrencyLimit?: number;
  /** CPU time per request limit, seconds (Workers bills and limits CPU, not wall time). */
  cpuTimeLimitS?: number;
}

const AWS_LIMITS =
  'docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits (cloud-economics.md §2)';

/** @public */
export const PLATFORM_TRAITS: Readonly<Record<Platform, Readonly<PlatformTraits>>> = deepFreeze({
  'aws-lambda': {
    kind: 'faas',
    provider: 'aws',
    models: PLATFORM_MODELS['aws-lambda'],
    singleConcurrency: true,
    timeoutS: 900,
    timeoutSource: AWS_LIMITS,
    maxMemoryMb: 10240,
    memorySource:
      'docs "Configure Lambda function memory" (cloud-economics.md §2)',
    concurrencyLimit: 1000,
  },
  'aws-fargate': {
    kind: 'container',
    provider: 'aws',
    models: PLATFORM_MODELS['aws-fargate'],
    singleConcurrency: false,
  },
  'aws-ec2': {
    kind: 'vm',
    provider: 'aws',
    models: PLATFORM_MODELS['aws-ec2'],
    singleConcurrency: false,
  },
  kubernetes: {
    kind: 'container',
    provider: 'aws',
    models: PLATFORM_MODELS.kubernetes,
    singleConcurrency: false,
  },
  'gcp-cloud-run': {
    kind: 'container',
    provider: 'gcp',
    models: PLATFORM_MODELS['gcp-cloud-run'],
    singleConcurrency: false,
    timeoutS: 3600,
    timeoutSource:
      '/run/docs/configuring/request-timeout (cloud-economics.md §2)',
    maxMemoryMb: 32768,
    memorySource: '/run/docs/configuring/services/cpu (cloud-economics.md §2)',
    maxVcpu: 8,
  },
  'gcp-cloud-functions': {
    // Cloud Run functions are Cloud Run services underneath: same limits, one request per instance.
    kind: 'faas',
    provider: 'gcp',
    models: PLATFORM_MODELS['gcp-cloud-functions'],
    singleConcurrency: true,
    timeoutS: 3600,
    timeoutSource:
      'Cloud Run request timeout, which Cloud Run functions share (cloud-economics.md §2)',
    maxMemoryMb: 32768,
    memorySource: 'Cloud Run memory limit (cloud-economics.md §2)',
    maxVcpu: 8,
  },
  'azure-functions': {
    kind: 'faas',
    provider: 'azure',
    models: PLATFORM_MODELS['azure-functions'],
    singleConcurrency: true,
    // HTTP-triggered functions must respond within 230 s (Azure load balancer idle timeout); the
    // workloads here serve requests, so the HTTP limit applies rather than the 10 min plan timeout.
    timeoutS: 230,
    timeoutSource:
      'MicrosoftDocs/azure-docs includes/functions-timeout-duration.md (cloud-economics.md §2)',
    maxMemoryMb: 1536,
    memorySource:
      'Consumption plan, azure-docs includes/functions-limits.md (cloud-economics.md §2)',
  },
  'azure-container-apps': {
    kind: 'container',
    provider: 'azure',
    models: PLATFORM_MODELS['azure-container-apps'],
    singleConcurrency: false,
  },
  'cloudflare-workers': {
    kind: 'faas',
    provider: 'cloudflare',
    models: PLATFORM_MODELS['cloudflare-workers'],
    singleConcurrency: false,
    maxMemoryMb: 128,
    memorySource:
      'developers.cloudflare.com/workers/platform/limits (cloud-economics.md §2)',
    cpuTimeLimitS: 300,
  },
});

/** Platforms that bill and scale per request: an on-demand platform or a hybrid run on-demand. */
export function isFaas(platform: Platform): boolean {
  return PLATFORM_TRAITS[platform].kind === 'faas';
}

/** Lambda's account-level burst: 1,000 new execution environments every 10 s per function (§2). */
export const LAMBDA_NEW_ENVIRONMENTS_PER_10S = 1000;

/**
 * Largest Azure Functions Flex Consumption instance (instance sizes 512 / 2,048 / 4,096 MB per the
 * Flex Consumption plan page on learn.microsoft.com; not in cloud-economics.md, tag U). Flex is used
 * only when a function keeps always-ready instances (`instances` > 0).
 */
export const AZURE_FLEX_MAX_MEMORY_MB = 4096;
