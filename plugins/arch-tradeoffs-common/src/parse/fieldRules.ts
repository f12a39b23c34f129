import type { SettingKey } from '../annotations';

/**
 * Accepted range of each numeric annotation. The bounds reject values that cannot be meant (negative
 * memory, zero duration) and keep the engine's arithmetic finite; platform limits (Lambda's 10,240 MB,
 * 900 s) are not parse errors: they make a platform infeasible, which the engine reports.
 */
export interface NumericRule {
  min: number;
  /** True when `min` itself is not allowed (durations, memory: must be positive). */
  minExclusive?: boolean;
  max: number;
  integer?: boolean;
  unit: string;
}

export const NUMERIC_RULES: Partial<Record<SettingKey, NumericRule>> = {
  monthlyRequests: { min: 0, max: 1e13, unit: 'requests per month' },
  avgDurationMs: { min: 0, minExclusive: true, max: 86_400_000, unit: 'ms' },
  cpuMs: { min: 0, max: 86_400_000, unit: 'ms' },
  memoryMb: { min: 0, minExclusive: true, max: 262_144, unit: 'MB' },
  vcpu: { min: 0, minExclusive: true, max: 192, unit: 'vCPU' },
  instances: { min: 0, max: 100_000, integer: true, unit: 'instances' },
  maxInstances: { min: 1, max: 100_000, integer: true, unit: 'instances' },
  peakRps: { min: 0, max: 10_000_000, unit: 'requests per second' },
  latencySloMs: { min: 0, minExclusive: true, max: 3_600_000, unit: 'ms' },
  maxDurationS: { min: 0, minExclusive: true, max: 604_800, unit: 's' },
};

/** Accepted spellings that mean the same value, so common synonyms are not reported as errors. */
export const ALIASES: Partial<Record<SettingKey, Record<string, string>>> = {
  executionModel: {
    serverless: 'on-demand',
    microservice: 'always-on',
    ondemand: 'on-demand',
    alwayson: 'always-on',
  },
  architecture: {
    x86: 'x86_64',
    amd64: 'x86_64',
    'x86-64': 'x86_64',
    aarch64: 'arm64',
    graviton: 'arm64',
  },
  runtime: {
    node: 'nodejs',
    'node.js': 'nodejs',
    golang: 'go',
    '.net': 'dotnet',
    csharp: 'dotnet',
    jvm: 'java',
    kotlin: 'java',
  },
};
