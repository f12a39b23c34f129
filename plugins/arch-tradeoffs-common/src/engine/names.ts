import type { Platform } from '../model/settings';

/** Short platform names for plain-language messages. @public */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = Object.freeze({
  'aws-lambda': 'Lambda',
  'aws-fargate': 'Fargate',
  'aws-ec2': 'EC2',
  kubernetes: 'Kubernetes',
  'gcp-cloud-run': 'Cloud Run',
  'gcp-cloud-functions': 'Cloud Run functions',
  'azure-functions': 'Azure Functions',
  'azure-container-apps': 'Container Apps',
  'cloudflare-workers': 'Cloudflare Workers',
});

/** Possessive form: "Lambda's", "Azure Functions'". */
export function possessive(platform: Platform): string {
  const name = PLATFORM_NAMES[platform];
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
