import type { Config } from '@backstage/config';
import type { WorkloadSettings } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** The plugin's configuration with defaults applied; see config.d.ts for the schema. */
export interface ArchTradeoffsConfig {
  defaults: Partial<WorkloadSettings>;
}

const NUMERIC_DEFAULTS = [
  'monthlyRequests',
  'avgDurationMs',
  'cpuMs',
  'memoryMb',
  'vcpu',
  'instances',
  'maxInstances',
  'maxDurationS',
  'latencySloMs',
] as const;
const STRING_DEFAULTS = [
  'platform',
  'architecture',
  'trafficPattern',
  'runtime',
  'instanceType',
] as const;

export function readArchTradeoffsConfig(config: Config): ArchTradeoffsConfig {
  const defaults: Record<string, unknown> = {};
  const section = config.getOptionalConfig('archTradeoffs.defaults');
  if (section) {
    for (const key of NUMERIC_DEFAULTS) {
      const value = section.getOptionalNumber(key);
      if (value !== undefined) defaults[key] = value;
    }
    for (const key of STRING_DEFAULTS) {
      const value = section.getOptionalString(key);
      if (value !== undefined) defaults[key] = value;
    }
  }
  return { defaults: defaults as Partial<WorkloadSettings> };
}
