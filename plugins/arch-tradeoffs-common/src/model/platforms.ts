import { PLATFORMS, type ExecutionModel, type Platform } from './settings';

/**
 * The execution model a platform implies. `undefined` where the platform runs either way: Cloud Run and
 * Container Apps scale to zero on demand, or keep min instances always on.
 * @public
 */
export const PLATFORM_EXECUTION_MODEL: Record<Platform, ExecutionModel | undefined> = {
  'aws-lambda': 'on-demand',
  'gcp-cloud-functions': 'on-demand',
  'azure-functions': 'on-demand',
  'cloudflare-workers': 'on-demand',
  'aws-fargate': 'always-on',
  'aws-ec2': 'always-on',
  kubernetes: 'always-on',
  'gcp-cloud-run': undefined,
  'azure-container-apps': undefined,
};

/**
 * The execution models each platform can run, derived from {@link PLATFORM_EXECUTION_MODEL}: one where
 * the platform decides, both for the hybrids (on-demand first: scale-to-zero is their default).
 * @public
 */
export const PLATFORM_MODELS = {} as Record<Platform, readonly ExecutionModel[]>;
for (const platform of PLATFORMS) {
  const implied = PLATFORM_EXECUTION_MODEL[platform];
  PLATFORM_MODELS[platform] = implied ? [implied] : ['on-demand', 'always-on'];
}

/** Display names for platforms. @public */
export const PLATFORM_LABELS: Record<Platform, string> = {
  'aws-lambda': 'AWS Lambda',
  'aws-fargate': 'AWS Fargate',
  'aws-ec2': 'Amazon EC2',
  kubernetes: 'Kubernetes (EKS)',
  'gcp-cloud-run': 'Google Cloud Run',
  'gcp-cloud-functions': 'Cloud Run functions',
  'azure-functions': 'Azure Functions',
  'azure-container-apps': 'Azure Container Apps',
  'cloudflare-workers': 'Cloudflare Workers',
};

/** The platform assumed when only an execution model is stated. @public */
export const DEFAULT_PLATFORM_FOR_MODEL: Record<ExecutionModel, Platform> = {
  'on-demand': 'aws-lambda',
  'always-on': 'kubernetes',
};

/**
 * EC2 instance shapes the parser recognises. Prices live in the price catalog; this is only the shape
 * (vCPU, memory, architecture), which the parser needs to check `instance-type` against `architecture`.
 * Source: AWS EC2 instance-type pages, as of 2026-11.
 * @public
 */
export const EC2_INSTANCE_SHAPES: Record<
  string,
  { vcpu: number; memoryMb: number; architecture: 'x86_64' | 'arm64' }
> = {
  't4g.small': { vcpu: 2, memoryMb: 2048, architecture: 'arm64' },
  't4g.medium': { vcpu: 2, memoryMb: 4096, architecture: 'arm64' },
  't3.medium': { vcpu: 2, memoryMb: 4096, architecture: 'x86_64' },
  'm5.large': { vcpu: 2, memoryMb: 8192, architecture: 'x86_64' },
  'm6i.large': { vcpu: 2, memoryMb: 8192, architecture: 'x86_64' },
  'm6g.large': { vcpu: 2, memoryMb: 8192, architecture: 'arm64' },
  'm7g.large': { vcpu: 2, memoryMb: 8192, architecture: 'arm64' },
  'c7g.large': { vcpu: 2, memoryMb: 4096, architecture: 'arm64' },
};
