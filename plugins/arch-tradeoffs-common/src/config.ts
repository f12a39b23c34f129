import type { Config } from '@backstage/config';
import { DEFAULT_INFERENCE, type InferenceOptions } from './infer/catalogInference';
import { PLATFORMS, type Platform, type WorkloadSettings } from './model/settings';
import type { PricingOptions } from './prices';

/**
 * The configuration both halves need to compute the same numbers (`archTradeoffs.defaults`,
 * `.pricing` and `.inference`, visible to the frontend; see config.d.ts). The backend reads it with
 * its root config, the frontend's what-if with the config API.
 * @public
 */
export interface ArchTradeoffsEngineConfig {
  defaults: Partial<WorkloadSettings>;
  pricing: PricingOptions;
  inference: InferenceOptions;
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

/** @public */
export function readArchTradeoffsConfig(config: Config): ArchTradeoffsEngineConfig {
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
  return {
    defaults: defaults as Partial<WorkloadSettings>,
    pricing: readPricing(config),
    inference: readInference(config),
  };
}

/** Price adjustments; the price book validates them (unknown keys, out-of-range discount) at start-up. */
function readPricing(config: Config): PricingOptions {
  const pricing: PricingOptions = {};
  const section = config.getOptionalConfig('archTradeoffs.pricing');
  if (!section) return pricing;
  const discountPercent = section.getOptionalNumber('discountPercent');
  if (discountPercent !== undefined) pricing.discountPercent = discountPercent;
  // Read as one object: catalog keys contain dots (`aws-lambda.request`), which Config would take for
  // nested paths.
  const overrides = section.getOptional<Record<string, unknown>>('overrides');
  if (overrides) {
    pricing.overrides = {};
    for (const [key, value] of Object.entries(overrides)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new Error(
          `Invalid archTradeoffs.pricing.overrides["${key}"]: expected a non-negative number, got ${JSON.stringify(value)}`,
        );
      }
      pricing.overrides[key] = value;
    }
  }
  const currency = section.getOptionalConfig('currency');
  if (currency) {
    pricing.currency = { code: currency.getString('code'), rate: currency.getNumber('rate') };
  }
  return pricing;
}

/** Configured rules are tried before the built-in ones; configured types replace the built-in ones. */
function readInference(config: Config): InferenceOptions {
  const rules = (config.getOptionalConfigArray('archTradeoffs.inference.rules') ?? []).map((rule, i) => {
    const platform = rule.getString('platform');
    if (!(PLATFORMS as readonly string[]).includes(platform)) {
      throw new Error(
        `Invalid archTradeoffs.inference.rules[${i}].platform: "${platform}" is not one of ${PLATFORMS.join(', ')}`,
      );
    }
    const note = rule.getOptionalString('note');
    return { annotation: rule.getString('annotation'), platform: platform as Platform, ...(note ? { note } : {}) };
  });
  const types = config.getOptionalStringArray('archTradeoffs.inference.notApplicableTypes');
  return {
    rules: [...rules, ...DEFAULT_INFERENCE.rules],
    notApplicableTypes: types ? types.map(t => t.trim().toLowerCase()) : DEFAULT_INFERENCE.notApplicableTypes,
  };
}
