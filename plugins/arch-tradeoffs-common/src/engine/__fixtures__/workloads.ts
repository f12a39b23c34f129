import { ANNOTATIONS } from '../../annotations';
import type {
  ParsedSettings,
  SettingField,
  WorkloadSettings,
} from '../../model/settings';

/** Seconds in the 730 h month. */
export const MONTH_S = 2_628_000;

/**
 * A fully stated workload (no defaults) with a flat traffic profile: `steady` with peak = average
 * gives every hour the same load, so hand arithmetic needs no profile weights.
 */
export function workload(
  overrides: Partial<WorkloadSettings> = {},
): WorkloadSettings {
  const base: WorkloadSettings = {
    executionModel: 'on-demand',
    platform: 'aws-lambda',
    monthlyRequests: 25_000_000,
    avgDurationMs: 120,
    cpuMs: 120,
    memoryMb: 512,
    vcpu: 1,
    architecture: 'x86_64',
    instances: 0,
    maxInstances: 1000,
    trafficPattern: 'steady',
    peakRps: 0,
    maxDurationS: 10,
    runtime: 'nodejs',
    connections: 'request-response',
    state: 'stateless',
  };
  const merged = { ...base, ...overrides };
  // Flat profile unless the test states a peak.
  if (overrides.peakRps === undefined)
    merged.peakRps = merged.monthlyRequests / MONTH_S;
  return merged;
}

/** The parser's output for a workload, with `defaulted` fields listed as assumptions. */
export function parsed(
  settings: WorkloadSettings,
  defaulted: SettingField[] = [],
): ParsedSettings {
  return {
    assessable: true,
    settings,
    stated: (Object.keys(settings) as SettingField[]).filter(
      f => !defaulted.includes(f),
    ),
    measured: [],
    assumptions: defaulted.map(field => ({
      field,
      annotation: ANNOTATIONS[field],
      value: String(settings[field] ?? ''),
      reason: 'test default',
    })),
    diagnostics: [],
  };
}
