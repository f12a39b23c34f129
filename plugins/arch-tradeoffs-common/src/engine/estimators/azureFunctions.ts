import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import { warmServedSum } from '../capacity';
import { BUCKET_SECONDS, MONTH_SECONDS } from '../constants';
import { AZURE_FLEX_MAX_MEMORY_MB } from '../platforms';
import type { ScenarioFactors } from '../traffic';
import type { Estimate, SizedWorkload, Usage } from '../types';
import { formatMb as mb } from '../../prices/format';
import { push, q } from './lines';
import { scenario } from './scenario';

/** Consumption meters memory rounded up to 128 MB, at most 1,536 MB, and at least 100 ms. */
const CONSUMPTION_MEMORY_STEP_MB = 128;
const CONSUMPTION_MAX_MEMORY_MB = 1536;
const CONSUMPTION_MIN_MS = 100;

/**
 * Azure Functions, Consumption plan: $0.20 per 1M executions + GB-seconds of observed memory
 * (the configured memory stands in for it) rounded up to 128 MB (max 1,536 MB) × duration with a
 * 100 ms minimum, at $0.000016 per GB-s (cloud-economics.md §1.4; Infracost implements the same).
 */
export function estimateAzureConsumption(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const { requests, durationMs, memoryMb } = scenario(w, f);
  const r = pb.rates.azureFunctions;
  let billedMb =
    Math.ceil(memoryMb / CONSUMPTION_MEMORY_STEP_MB) *
    CONSUMPTION_MEMORY_STEP_MB;
  if (!(billedMb >= CONSUMPTION_MEMORY_STEP_MB))
    billedMb = CONSUMPTION_MEMORY_STEP_MB;
  if (billedMb > CONSUMPTION_MAX_MEMORY_MB)
    billedMb = CONSUMPTION_MAX_MEMORY_MB;
  const billedMs =
    durationMs > CONSUMPTION_MIN_MS ? durationMs : CONSUMPTION_MIN_MS;
  const gb = billedMb / 1024;
  const gbSeconds = requests * (billedMs / 1000) * gb;
  const executionCost = requests * r.execution;
  const durationCost = gbSeconds * r.gbSecond;
  const usage: Usage = { requests, gbSeconds, vcpuSeconds: 0, gibSeconds: 0 };
  const breakdown = withBreakdown
    ? azureConsumptionLines(pb, {
        requests,
        durationMs,
        memoryMb,
        billedMs,
        gb,
        gbSeconds,
        executionCost,
        durationCost,
      })
    : [];
  return { cost: executionCost + durationCost, usage, breakdown };
}

/** The quantities of one Azure Functions Consumption estimate that its breakdown shows. */
interface AzureConsumptionFigures {
  requests: number;
  durationMs: number;
  memoryMb: number;
  billedMs: number;
  gb: number;
  gbSeconds: number;
  executionCost: number;
  durationCost: number;
}

/** Breakdown lines of a Consumption plan estimate. */
function azureConsumptionLines(
  pb: PriceBook,
  figures: AzureConsumptionFigures,
): CostLineItem[] {
  const {
    requests,
    durationMs,
    memoryMb,
    billedMs,
    gb,
    gbSeconds,
    executionCost,
    durationCost,
  } = figures;
  const lines: CostLineItem[] = [];
  push(
    lines,
    'requests',
    'Executions',
    executionCost,
    `${q(requests)} executions × ${pb.unitText('azure-functions.execution')} = ${pb.money(executionCost)}`,
  );
  push(
    lines,
    'compute',
    'Execution time (Consumption)',
    durationCost,
    `${q(requests)} × ${q(billedMs / 1000)} s (max(100 ms, ${q(durationMs)} ms)) × ${q(gb)} GB (${mb(memoryMb)} MB rounded up to 128 MB, max 1,536) = ${q(gbSeconds)} GB-s × ${pb.unitText('azure-functions.gb-second')} = ${pb.money(durationCost)}`,
  );
  return lines;
}

/** Flex Consumption instance sizes, MB. */
const FLEX_SIZES_MB = [512, 2048, AZURE_FLEX_MAX_MEMORY_MB];

/**
 * Azure Functions, Flex Consumption with always-ready instances (used when `instances` > 0):
 * every always-ready instance pays a baseline per GB-s all month; executions on them pay the
 * always-ready execution rate, overflow pays the on-demand rate; $0.40 per 1M executions. We
 * count one execution per instance at a time, an upper bound when executions overlap.
 */
export function estimateAzureFlex(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const s = scenario(w, f);
  const { requests, durationMs, instances, memoryMb } = s;
  const r = pb.rates.azureFunctions;
  let instanceMb = FLEX_SIZES_MB[FLEX_SIZES_MB.length - 1];
  for (const size of FLEX_SIZES_MB) {
    if (memoryMb <= size) {
      instanceMb = size;
      break;
    }
  }
  const gb = instanceMb / 1024;
  const warm = instances;
  const totalGbSeconds = requests * (durationMs / 1000) * gb;
  let warmGbSeconds =
    warm > 0
      ? warmServedSum(w.profile, s.averageConcurrency, warm) *
        BUCKET_SECONDS *
        gb
      : 0;
  if (warmGbSeconds > totalGbSeconds) warmGbSeconds = totalGbSeconds;
  const onDemandGbSeconds = totalGbSeconds - warmGbSeconds;
  const executionCost = requests * r.flexExecution;
  const baselineCost = warm * gb * MONTH_SECONDS * r.flexBaselineGbSecond;
  const warmCost = warmGbSeconds * r.flexAlwaysReadyGbSecond;
  const onDemandCost = onDemandGbSeconds * r.flexGbSecond;
  const usage: Usage = {
    requests,
    gbSeconds: onDemandGbSeconds,
    vcpuSeconds: 0,
    gibSeconds: 0,
  };
  const breakdown = withBreakdown
    ? azureFlexLines(pb, {
        requests,
        durationMs,
        gb,
        warm,
        totalGbSeconds,
        warmGbSeconds,
        onDemandGbSeconds,
        executionCost,
        baselineCost,
        warmCost,
        onDemandCost,
      })
    : [];
  return {
    cost: executionCost + baselineCost + warmCost + onDemandCost,
    usage,
    breakdown,
  };
}

/** The quantities of one Azure Functions Flex Consumption estimate that its breakdown shows. */
interface AzureFlexFigures {
  requests: number;
  durationMs: number;
  gb: number;
  warm: number;
  totalGbSeconds: number;
  warmGbSeconds: number;
  onDemandGbSeconds: number;
  executionCost: number;
  baselineCost: number;
  warmCost: number;
  onDemandCost: number;
}

/** Breakdown lines of a Flex Consumption estimate. */
function azureFlexLines(
  pb: PriceBook,
  figures: AzureFlexFigures,
): CostLineItem[] {
  const {
    requests,
    durationMs,
    gb,
    warm,
    totalGbSeconds,
    warmGbSeconds,
    onDemandGbSeconds,
    executionCost,
    baselineCost,
    warmCost,
    onDemandCost,
  } = figures;
  const lines: CostLineItem[] = [];
  push(
    lines,
    'requests',
    'Executions',
    executionCost,
    `${q(requests)} executions × ${pb.unitText('azure-functions.flex.execution')} = ${pb.money(executionCost)}`,
  );
  push(
    lines,
    'provisioned',
    'Always-ready baseline',
    baselineCost,
    `${q(warm)} instances × ${q(gb)} GB × 2,628,000 s × ${pb.unitText('azure-functions.flex.baseline-gb-second')} = ${pb.money(baselineCost)}`,
  );
  push(
    lines,
    'compute',
    'Execution on always-ready instances',
    warmCost,
    `${q(warmGbSeconds)} GB-s × ${pb.unitText('azure-functions.flex.always-ready-gb-second')} = ${pb.money(warmCost)}`,
  );
  push(
    lines,
    'compute',
    'Execution on demand',
    onDemandCost,
    `${q(totalGbSeconds)} GB-s (${q(requests)} × ${q(durationMs / 1000)} s × ${q(gb)} GB) − ${q(warmGbSeconds)} always-ready = ${q(onDemandGbSeconds)} GB-s × ${pb.unitText('azure-functions.flex.gb-second')} = ${pb.money(onDemandCost)}`,
  );
  return lines;
}
