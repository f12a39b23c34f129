import { deepFreeze } from '../deepFreeze';
import { PLATFORMS, type ExecutionModel, type Platform } from './settings';

/**
 * The execution model a platform implies. `undefined` where the platform runs either way: Cloud Run and
 * Container Apps scale to zero on demand, or keep min instances always on.
 * @public
 */
export const PLATFORM_EXECUTION_MODEL: Readonly<Record<Platform, ExecutionModel | undefined>> = Object.freeze({
  'aws-lambda': 'on-demand',
  'gcp-cloud-functions': 'on-demand',
  'azure-functions': 'on-demand',
  'cloudflare-workers': 'on-demand',
  'aws-fargate': 'always-on',
  'aws-ec2': 'always-on',
  kubernetes: 'always-on',
  'gcp-cloud-run': undefined,
  'azure-container-apps': undefined,
});

/**
 * The execution models each platform can run, derived from {@link PLATFORM_EXECUTION_MODEL}: one where
 * the platform decides, both for the hybrids (on-demand first: scale-to-zero is their default).
 * @internal
 */
export const PLATFORM_MODELS: Readonly<Record<Platform, readonly ExecutionModel[]>> = deepFreeze(
  Object.fromEntries(
    PLATFORMS.map(platform => {
      const implied = PLATFORM_EXECUTION_MODEL[platform];
      return [platform, implied ? [implied] : ['on-demand', 'always-on']];
    }),
  ) as Record<Platform, ExecutionModel[]>,
);

/** Display names for platforms. @public */
export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = Object.freeze({
  'aws-lambda': 'AWS Lambda',
  'aws-fargate': 'AWS Fargate',
  'aws-ec2': 'Amazon EC2',
  kubernetes: 'Kubernetes (EKS)',
  'gcp-cloud-run': 'Google Cloud Run',
  'gcp-cloud-functions': 'Cloud Run functions',
  'azure-functions': 'Azure Functions',
  'azure-container-apps': 'Azure Container Apps',
  'cloudflare-workers': 'Cloudflare Workers',
});

/** The platform assumed when only an execution model is stated. @internal */
export const DEFAULT_PLATFORM_FOR_MODEL: Readonly<Record<ExecutionModel, Platform>> = Object.freeze({
  'on-demand': 'aws-lambda',
  'always-on': 'kubernetes',
});

/**
 * EC2 instance shapes the parser recognises. Prices live in the price catalog; this is only the shape
 * (vCPU, memory, architecture), which the parser needs to check `instance-type` against `architecture`.
 * Source: AWS EC2 instance-type pages, as of 2026-11.
 * @internal
 */
export const EC2_INSTANCE_SHAPES: Readonly<
  Record<string, { vcpu: number; memoryMb: number; architecture: 'x86_64' | 'arm64' }>
> = deepFreeze({
  't4g.small': { vcpu: 2, memoryMb: 2048, architecture: 'arm64' },
  't4g.medium': { vcpu: 2, memoryMb: 4096, architecture: 'arm64' },
  't3.medium': { vcpu: 2, memoryMb: 4096, architecture: 'x86_64' },
  'm5.large': { vcpu: 2, memoryMb: 8192, architecture: 'x86_64' },
  'm6i.large': { vcpu: 2, memoryMb: 8192, architecture: 'x86_64' },
  'm6g.large': { vcpu: 2, memoryMb: 8192, architecture: 'arm64' },
  'm7g.large': { vcpu: 2, memoryMb: 8192, architecture: 'arm64' },
  'c7g.large': { vcpu: 2, memoryMb: 4096, architecture: 'arm64' },
});
