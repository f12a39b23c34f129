import type { Platform, Runtime, WorkloadSettings } from '../model/settings';
import { groupThousands } from '../prices/format';
import { AZURE_FLEX_MAX_MEMORY_MB, PLATFORM_TRAITS } from './platforms';
import { PLATFORM_NAMES, possessive } from './names';
import type { SizedWorkload } from './types';

/**
 * Hard constraints that rule a platform out (cloud-economics.md §2 and rules H1–H4). Each reason
 * names the setting and the limit in plain language. Soft concerns (cold starts, cost) are not here.
 */

/** Runtimes Cloudflare Workers run: JavaScript/TypeScript, Python, Rust (via WebAssembly). */
const WORKERS_RUNTIMES: ReadonlySet<Runtime> = new Set<Runtime>([
  'nodejs',
  'python',
  'rust',
]);

/** API Gateway integration timeouts: REST 29 s (default), HTTP API 30 s (hard), §2. */
const API_GATEWAY_TIMEOUT_S = {
  'api-gateway-rest': 29,
  'api-gateway-http': 30,
} as const;

function num(x: number): string {
  if (Number.isInteger(x)) return groupThousands(x);
  return String(Math.round(x * 100) / 100);
}

/**
 * Why `sized` (the workload expressed on its platform) cannot run there; empty when it can. Each
 * hard constraint is written once here. `settings` are the workload's own settings (duration,
 * connections, state and runtime do not change with the platform).
 * @public
 */
export function infeasibilityReasons(
  settings: WorkloadSettings,
  sized: SizedWorkload,
): string[] {
  const reasons: string[] = [];
  const platform: Platform = sized.platform;
  const traits = PLATFORM_TRAITS[platform];
  const faas = traits.kind === 'faas';
  const scalesToZero =
    faas || (sized.model === 'on-demand' && sized.instances === 0);

  // H1: duration over the platform timeout.
  if (
    traits.timeoutS !== undefined &&
    settings.maxDurationS > traits.timeoutS
  ) {
    reasons.push(
      platform === 'azure-functions'
        ? `max-duration-s ${num(settings.maxDurationS)} exceeds Azure Functions' ${traits.timeoutS} s limit to answer an HTTP request`
        : `max-duration-s ${num(settings.maxDurationS)} exceeds ${possessive(platform)} ${num(traits.timeoutS)} s timeout`,
    );
  }
  if (
    sized.frontDoor === 'api-gateway-rest' ||
    sized.frontDoor === 'api-gateway-http'
  ) {
    const limit = API_GATEWAY_TIMEOUT_S[sized.frontDoor];
    if (settings.maxDurationS > limit) {
      reasons.push(
        `max-duration-s ${num(settings.maxDurationS)} exceeds the ${limit} s integration timeout of API Gateway ${sized.frontDoor === 'api-gateway-rest' ? 'REST' : 'HTTP API'}`,
      );
    }
  }
  if (traits.cpuTimeLimitS !== undefined) {
    const cpuShare =
      settings.avgDurationMs > 0
        ? Math.min(1, settings.cpuMs / settings.avgDurationMs)
        : 1;
    const longestCpuS = settings.maxDurationS * cpuShare;
    if (longestCpuS > traits.cpuTimeLimitS) {
      reasons.push(
        `max-duration-s ${num(settings.maxDurationS)} at ${num(cpuShare * 100)} % CPU (cpu-ms ÷ avg-duration-ms) is about ${num(Math.round(longestCpuS))} s of CPU, over ${possessive(platform)} ${traits.cpuTimeLimitS / 60}-minute CPU limit`,
      );
    }
  }

  // H2: memory (and vCPU) over the platform maximum.
  let maxMemory = traits.maxMemoryMb;
  if (sized.variant === 'azure-flex') maxMemory = AZURE_FLEX_MAX_MEMORY_MB;
  // Workers isolates are 128 MB; a container's memory covers many concurrent requests and says
  // nothing about one request, so the check applies only when the workload is a function today.
  let memoryToCheck = sized.memoryMb;
  if (platform === 'cloudflare-workers') {
    memoryToCheck =
      PLATFORM_TRAITS[settings.platform].kind === 'faas'
        ? settings.memoryMb
        : 0;
  }
  if (maxMemory !== undefined && memoryToCheck > maxMemory) {
    reasons.push(
      platform === 'azure-functions' && sized.variant === 'azure-consumption'
        ? `memory-mb ${num(memoryToCheck)} exceeds the Azure Functions Consumption plan's ${num(maxMemory)} MB maximum`
        : `memory-mb ${num(memoryToCheck)} exceeds ${possessive(platform)} ${num(maxMemory)} MB maximum`,
    );
  }
  if (traits.maxVcpu !== undefined && sized.vcpu > traits.maxVcpu) {
    reasons.push(
      `vcpu ${num(sized.vcpu)} exceeds ${possessive(platform)} ${traits.maxVcpu} vCPU maximum`,
    );
  }

  // H4: long-lived connections and in-process state.
  if (faas && settings.connections === 'long-lived') {
    reasons.push(
      `connections long-lived (websockets, streams) cannot be held open by ${PLATFORM_NAMES[platform]}: each invocation ends when it returns`,
    );
  }
  if (scalesToZero && settings.state === 'in-memory') {
    reasons.push(
      faas
        ? `state in-memory is lost on ${PLATFORM_NAMES[platform]}: execution environments are recycled and not shared between requests`
        : `state in-memory is lost when ${PLATFORM_NAMES[platform]} scales to zero (min instances 0)`,
    );
  }

  // Workers run JavaScript/TypeScript, Python and WebAssembly, not arbitrary runtimes or images.
  if (
    platform === 'cloudflare-workers' &&
    !WORKERS_RUNTIMES.has(settings.runtime)
  ) {
    reasons.push(
      `runtime ${settings.runtime} does not run on Cloudflare Workers (JavaScript/TypeScript, Python, Rust via WebAssembly)`,
    );
  }
  return reasons;
}
