import type { CostLineItem } from '../../model/assessment';
import type { PriceBook } from '../../prices/types';
import type { ScenarioFactors } from '../traffic';
import type { Estimate, SizedWorkload, Usage } from '../types';
import { push, q } from './lines';
import { scenario } from './scenario';

/**
 * Cloudflare Workers, Standard (paid) plan: $5 a month including 10M requests and 30M CPU-ms, then
 * $0.30 per 1M requests and $0.02 per 1M CPU-ms. Billed on CPU time, not wall time: waiting on I/O
 * is free. The $5 and the allowances are per account; a per-service estimate charges them in full.
 */
export function estimateWorkers(
  w: SizedWorkload,
  pb: PriceBook,
  f: ScenarioFactors,
  withBreakdown: boolean,
): Estimate {
  const { requests, cpuMs: cpuMsPerRequest } = scenario(w, f);
  const r = pb.rates.workers;
  const cpuMs = requests * cpuMsPerRequest;
  const extraRequests =
    requests - r.includedRequests > 0 ? requests - r.includedRequests : 0;
  const extraCpuMs = cpuMs - r.includedCpuMs > 0 ? cpuMs - r.includedCpuMs : 0;
  const requestCost = extraRequests * r.request;
  const cpuCost = extraCpuMs * r.cpuMs;
  // Workers bills neither GB-seconds nor vCPU/GiB-seconds; its CPU-ms allowance is in the plan.
  const usage: Usage = {
    requests,
    gbSeconds: 0,
    vcpuSeconds: 0,
    gibSeconds: 0,
  };
  const breakdown = withBreakdown
    ? workersLines(pb, {
        requests,
        cpuMsPerRequest,
        cpuMs,
        extraRequests,
        extraCpuMs,
        requestCost,
        cpuCost,
      })
    : [];
  return { cost: r.monthlyBase + requestCost + cpuCost, usage, breakdown };
}

/** The quantities of one Cloudflare Workers estimate that its breakdown shows. */
interface WorkersFigures {
  requests: number;
  cpuMsPerRequest: number;
  cpuMs: number;
  extraRequests: number;
  extraCpuMs: number;
  requestCost: number;
  cpuCost: number;
}

/** Breakdown lines of a Cloudflare Workers estimate. */
function workersLines(pb: PriceBook, figures: WorkersFigures): CostLineItem[] {
  const {
    requests,
    cpuMsPerRequest,
    cpuMs,
    extraRequests,
    extraCpuMs,
    requestCost,
    cpuCost,
  } = figures;
  const r = pb.rates.workers;
  const lines: CostLineItem[] = [];
  push(
    lines,
    'base',
    'Workers paid plan',
    r.monthlyBase,
    `${pb.unitText('cloudflare-workers.monthly-base')}, includes 10M requests and 30M CPU-ms (account-level) = ${pb.money(r.monthlyBase)}`,
  );
  push(
    lines,
    'requests',
    'Requests beyond the included 10M',
    requestCost,
    `max(0, ${q(requests)} − ${q(r.includedRequests)}) = ${q(extraRequests)} req × ${pb.unitText('cloudflare-workers.request')} = ${pb.money(requestCost)}`,
  );
  push(
    lines,
    'compute',
    'CPU time beyond the included 30M ms',
    cpuCost,
    `${q(requests)} req × ${q(cpuMsPerRequest)} CPU-ms = ${q(cpuMs)} CPU-ms; max(0, ${q(cpuMs)} − ${q(r.includedCpuMs)}) = ${q(extraCpuMs)} × ${pb.unitText('cloudflare-workers.cpu-ms')} = ${pb.money(cpuCost)}`,
  );
  return lines;
}
