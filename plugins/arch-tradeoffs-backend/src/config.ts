import { createHash } from 'node:crypto';
import fs from 'node:fs';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  resolvePackagePath,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  ArchTradeoffsEngineConfig,
  ScorecardCheckId,
  ScorecardWeights,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { DEFAULT_WEIGHTS } from './scorecards/computeScorecards';
import { readUsageOptions, UsageOptions } from './usage/usageConfig';

/** The backend's own settings (config.d.ts); pricing, defaults and inference are read by the common package. */
export interface BackendSettings {
  schedule: SchedulerServiceTaskScheduleDefinition;
  weights: ScorecardWeights;
  /** History (and snapshots) older than this many days are deleted at each refresh. */
  retentionDays: number;
  usage: UsageOptions;
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
};

const WEIGHT_KEYS: Record<string, ScorecardCheckId> = {
  inputCoverage: 'input-coverage',
  /** The check's name before traffic could be measured; still accepted so existing configs keep working. */
  annotationCoverage: 'input-coverage',
  costEfficiency: 'cost-efficiency',
  postureRisks: 'posture-risks',
  openSuggestions: 'open-suggestions',
};

export function readBackendSettings(config: Config): BackendSettings {
  const schedule = config.has('archTradeoffs.refresh.schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('archTradeoffs.refresh.schedule'),
      )
    : DEFAULT_SCHEDULE;

  const weights = { ...DEFAULT_WEIGHTS };
  const section = config.getOptionalConfig('archTradeoffs.scorecards.weights');
  for (const key of section?.keys() ?? []) {
    const id = WEIGHT_KEYS[key];
    if (!id) {
      throw new Error(
        `Invalid archTradeoffs.scorecards.weights.${key}: expected one of ${Object.keys(WEIGHT_KEYS).join(', ')}`,
      );
    }
    const weight = section!.getNumber(key);
    if (!(weight >= 0)) {
      throw new Error(`Invalid archTradeoffs.scorecards.weights.${key}: expected a number ≥ 0, got ${weight}`);
    }
    weights[id] = weight;
  }

  const retentionDays = config.getOptionalNumber('archTradeoffs.history.retentionDays') ?? 90;
  if (!(retentionDays > 0)) {
    throw new Error(`Invalid archTradeoffs.history.retentionDays: expected a number > 0, got ${retentionDays}`);
  }
  return { schedule, weights, retentionDays, usage: readUsageOptions(config) };
}

/**
 * Identifies what responses depend on besides the snapshot: this plugin's and the common package's
 * versions and the settings records are derived with when read (prices, defaults, inference, drift)
 * and scores are weighed with. Stamped on each snapshot (a backend serves only its own: see
 * ArchTradeoffsService) and part of every cached response's key and ETag, so that a configuration
 * change, an upgrade or two versions side by side in a rolling deploy never mix figures.
 */
export function configFingerprint(engine: ArchTradeoffsEngineConfig, settings: BackendSettings): string {
  // Both packages' versions: the engine, the parser and the price book are the common package's.
  const version = (name: string) =>
    JSON.parse(fs.readFileSync(resolvePackagePath(name, 'package.json'), 'utf8')).version;
  const versions = [
    version('@arch-tradeoffs/plugin-arch-tradeoffs-backend'),
    version('@arch-tradeoffs/plugin-arch-tradeoffs-common'),
  ];
  return createHash('sha256')
    .update(JSON.stringify([versions, engine, settings.weights, settings.usage.driftFactor]))
    .digest('base64url')
    .slice(0, 16);
}
