import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import {
  BUCKET_SECONDS,
  LAMBDA_MIN_MEMORY_MB,
  MONTH_SECONDS,
} from '../constants';
import { tierReached, tiered, warmServedSum } from '../capacity';
import type { ScenarioFactors } from '../traffic';
import type { Estimate, SizedWorkload, Usage } from '../types';
import { frontDoorCost, frontDoorLines } from './frontDoor';
import { push, pushRequestLine, q } from './lines';
import { scenario } from './scenario';

const MAX_MEMORY_MB = 10240;

/**
 * AWS Lambda: $0.20 per 1M requests + GB-seconds (requests × wall seconds × memory GB, 1 ms
 * granularity, no minimum) through the per-architecture volume tiers, + Provisioned Concurrency
 * when `instances` > 0 (PC GB-s billed all month; invocations it serves billed at the PC duration
 * rate; overflow billed on-demand). Free tier not applied (org-level only).
 *
 * INIT (cold start) duration is billed since 2025-08-01 but is not priced: cold starts are typically
 * under 1 % of invocations (AWS), and the p99 init the posture reports is a hello-world lower bound.
 */
export function estimateLambda(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const s = scenario(w, f);
  const requests = s.requests;
  const arch = w.architecture === 'arm64' ? 'arm64' : 'x86_64';
  const rates = pb.rates.lambda;
  const archRates = rates[arch];
  let memoryMb = s.memoryMb;
  if (memoryMb < LAMBDA_MIN_MEMORY_MB) memoryMb = LAMBDA_MIN_MEMORY_MB;
  else if (memoryMb > MAX_MEMORY_MB) memoryMb = MAX_MEMORY_MB;
  const gb = memoryMb / 1024;
  const seconds = s.durationMs / 1000;

  const requestCost = requests * rates.request;
  const totalGbSeconds = requests * seconds * gb;

  let provisionedCost = 0;
  let provisionedDurationCost = 0;
  let warmGbSeconds = 0;
  const warm = s.instances;
  if (warm > 0) {
    warmGbSeconds =
      warmServedSum(w.profile, s.averageConcurrency, warm) *
      BUCKET_SECONDS *
      gb;
    if (warmGbSeconds > totalGbSeconds) warmGbSeconds = totalGbSeconds;
    provisionedCost = warm * gb * MONTH_SECONDS * archRates.provisionedGbSecond;
    provisionedDurationCost =
      warmGbSeconds * archRates.provisionedDurationGbSecond;
  }
  const onDemandGbSeconds =
    totalGbSeconds - warmGbSeconds > 0 ? totalGbSeconds - warmGbSeconds : 0;
  const durationCost = tiered(
    onDemandGbSeconds,
    archRates.tiers.sizes,
    archRates.tiers.prices,
  );
  const frontDoor = frontDoorCost(w, pb, s);

  const total =
    requestCost +
    durationCost +
    provisionedCost +
    provisionedDurationCost +
    frontDoor;
  // The GB-seconds billed on demand: those served on Provisioned Concurrency are billed apart.
  const usage: Usage = {
    requests,
    gbSeconds: onDemandGbSeconds,
    vcpuSeconds: 0,
    gibSeconds: 0,
  };
  const breakdown = withBreakdown
    ? [
        ...frontDoorLines(w, pb, s, frontDoor),
        ...lambdaLines(pb, {
          arch,
          requests,
          seconds,
          gb,
          totalGbSeconds,
          warm,
          warmGbSeconds,
          onDemandGbSeconds,
          requestCost,
          durationCost,
          provisionedCost,
          provisionedDurationCost,
        }),
      ]
    : [];
  return { cost: total, usage, breakdown };
}

/** The quantities of one Lambda estimate that its breakdown shows. */
interface LambdaFigures {
  arch: 'x86_64' | 'arm64';
  requests: number;
  seconds: number;
  gb: number;
  totalGbSeconds: number;
  warm: number;
  warmGbSeconds: number;
  onDemandGbSeconds: number;
  requestCost: number;
  durationCost: number;
  provisionedCost: number;
  provisionedDurationCost: number;
}

/** Breakdown lines of a Lambda estimate. */
function lambdaLines(pb: PriceBook, figures: LambdaFigures): CostLineItem[] {
  const {
    arch,
    requests,
    gb,
    warm,
    warmGbSeconds,
    requestCost,
    durationCost,
    provisionedCost,
    provisionedDurationCost,
  } = figures;
  const lines: CostLineItem[] = [];
  pushRequestLine(lines, pb, 'aws-lambda.request', requests, requestCost);
  push(
    lines,
    'compute',
    `Duration (${arch}, on-demand)`,
    durationCost,
    lambdaDurationText(pb, figures),
  );
  if (warm > 0) {
    push(
      lines,
      'provisioned',
      'Provisioned Concurrency',
      provisionedCost,
      `${q(warm)} environments × ${q(gb)} GB × 2,628,000 s × ${pb.unitText(`aws-lambda.provisioned.${arch}`)} = ${pb.money(provisionedCost)}`,
    );
    push(
      lines,
      'compute',
      'Duration on Provisioned Concurrency',
      provisionedDurationCost,
      `${q(warmGbSeconds)} GB-s (concurrency up to ${q(warm)} each hour) × ${pb.unitText(`aws-lambda.provisioned-duration.${arch}`)} = ${pb.money(provisionedDurationCost)}`,
    );
  }
  return lines;
}

/**
 * The arithmetic of Lambda's on-demand duration line: the GB-seconds (less those served on
 * Provisioned Concurrency), then the first-tier price, or the whole tier ladder once past it.
 */
function lambdaDurationText(pb: PriceBook, figures: LambdaFigures): string {
  const {
    arch,
    requests,
    seconds,
    gb,
    totalGbSeconds,
    warm,
    warmGbSeconds,
    onDemandGbSeconds,
    durationCost,
  } = figures;
  const tiers = pb.rates.lambda[arch].tiers;
  const tier = tierReached(onDemandGbSeconds, tiers.sizes);
  const tierText =
    tier === 0
      ? `× ${pb.unitText(`aws-lambda.duration.tier1.${arch}`)}`
      : `through the ${arch} tiers (first ${q(tiers.sizes[0])} GB-s at ${pb.unitText(`aws-lambda.duration.tier1.${arch}`)}, next ${q(tiers.sizes[1])} at ${pb.unitText(`aws-lambda.duration.tier2.${arch}`)}, beyond at ${pb.unitText(`aws-lambda.duration.tier3.${arch}`)})`;
  const base = `${q(requests)} req × ${q(seconds)} s × ${q(gb)} GB = ${q(totalGbSeconds)} GB-s`;
  return warm > 0
    ? `${base} − ${q(warmGbSeconds)} GB-s served on Provisioned Concurrency = ${q(onDemandGbSeconds)} GB-s ${tierText} = ${pb.money(durationCost)}`
    : `${base} ${tierText} = ${pb.money(durationCost)}`;
}
