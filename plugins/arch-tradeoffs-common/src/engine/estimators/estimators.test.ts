import { createPriceBook } from '../../prices';
import { EC2_INSTANCE_TYPES } from '../../prices/catalog';
import type { WorkloadSettings } from '../../model/settings';
import { estimatePlatformCost } from '../options';
import { EXPECTED_FACTORS, trafficProfile } from '../traffic';
import type { SizedWorkload } from '../types';
import { MONTH_S, workload } from '../__fixtures__/workloads';
import { ESTIMATORS } from '.';

/**
 * Hand-computed monthly costs for every platform. Every expected number is worked out in the comment
 * above it from the catalog's list prices (cloud-economics.md), not copied from the engine's output.
 * The fixtures use a flat day (steady traffic, peak = average), so each hour carries the mean load.
 */

const pb = createPriceBook();

function cost(
  settings: WorkloadSettings,
  options: Parameters<typeof estimatePlatformCost>[3] = {},
) {
  return estimatePlatformCost(settings, settings.platform, pb, options)
    .monthlyCost;
}

function line(
  settings: WorkloadSettings,
  kind: string,
  options: Parameters<typeof estimatePlatformCost>[3] = {},
) {
  return cost(settings, options)
    .breakdown.filter(l => l.kind === kind)
    .reduce((sum, l) => sum + l.amount, 0);
}

describe('AWS Lambda', () => {
  it('prices requests and x86_64 duration', () => {
    const w = workload({
      monthlyRequests: 25e6,
      avgDurationMs: 120,
      memoryMb: 512,
    });
    // 25M × $0.20/1M = $5.00
    // 25M × 0.12 s × 0.5 GB = 1.5M GB-s × $0.0000166667 = $25.00005
    const c = cost(w);
    expect(line(w, 'requests')).toBeCloseTo(5, 6);
    expect(line(w, 'compute')).toBeCloseTo(25.00005, 6);
    expect(c.expected).toBeCloseTo(30.00005, 6);
    expect(c.breakdown.find(l => l.kind === 'compute')!.detail).toBe(
      '25M req × 0.12 s × 0.5 GB = 1.5M GB-s × $0.0000166667/GB-second = $25.00',
    );
  });

  it('prices arm64 duration lower', () => {
    const w = workload({
      monthlyRequests: 25e6,
      avgDurationMs: 120,
      memoryMb: 512,
      architecture: 'arm64',
    });
    // 1.5M GB-s × $0.0000133334 = $20.0001; + $5.00 requests
    expect(cost(w).expected).toBeCloseTo(25.0001, 6);
  });

  it('crosses into the second x86_64 tier above 6B GB-s', () => {
    // 1 s × 1 GB per request, so GB-s = requests.
    const w = workload({
      monthlyRequests: 7e9,
      avgDurationMs: 1000,
      cpuMs: 1000,
      memoryMb: 1024,
    });
    // 6B × $0.0000166667 = $100,000.20; 1B × $0.000015 = $15,000 → $115,000.20
    // requests 7B × $0.20/1M = $1,400
    expect(line(w, 'compute')).toBeCloseTo(115000.2, 4);
    expect(cost(w).expected).toBeCloseTo(116400.2, 4);
  });

  it('reaches the third x86_64 tier beyond 15B GB-s', () => {
    const w = workload({
      monthlyRequests: 16e9,
      avgDurationMs: 1000,
      cpuMs: 1000,
      memoryMb: 1024,
    });
    // 6B × 0.0000166667 + 9B × 0.000015 + 1B × 0.0000133334 = 100,000.2 + 135,000 + 13,333.4
    expect(line(w, 'compute')).toBeCloseTo(248333.6, 3);
  });

  it('uses the arm64 tier boundary of 7.5B GB-s', () => {
    const w = workload({
      monthlyRequests: 8e9,
      avgDurationMs: 1000,
      cpuMs: 1000,
      memoryMb: 1024,
      architecture: 'arm64',
    });
    // 7.5B × $0.0000133334 = $100,000.50; 0.5B × $0.0000120001 = $6,000.05
    expect(line(w, 'compute')).toBeCloseTo(106000.55, 3);
    // Exactly at the boundary nothing is billed at the second-tier rate: 7.5B × 0.0000133334
    const atBoundary = workload({
      monthlyRequests: 7.5e9,
      avgDurationMs: 1000,
      cpuMs: 1000,
      memoryMb: 1024,
      architecture: 'arm64',
    });
    expect(line(atBoundary, 'compute')).toBeCloseTo(100000.5, 3);
  });

  it('prices provisioned concurrency and the invocations it serves', () => {
    // 50 rps × 0.1 s = 5 concurrent all month, 10 environments of 1 GB provisioned.
    const w = workload({
      monthlyRequests: 50 * MONTH_S,
      avgDurationMs: 100,
      cpuMs: 100,
      memoryMb: 1024,
      instances: 10,
    });
    // PC: 10 × 1 GB × 2,628,000 s × $0.0000041667 = $109.500876
    // served on PC: 5 × 2,628,000 s × 1 GB = 13.14M GB-s × $0.0000097222 = $127.749708
    // on-demand: 131.4M × 0.1 s × 1 GB = 13.14M GB-s − 13.14M = 0
    // requests: 131.4M × $0.20/1M = $26.28
    expect(line(w, 'provisioned')).toBeCloseTo(109.500876, 5);
    expect(cost(w).expected).toBeCloseTo(263.530584, 5);
  });

  it('adds an API Gateway REST front door when one is stated', () => {
    const w = workload({ monthlyRequests: 25e6 });
    // 25M × $3.50/1M = $87.50
    expect(
      line(w, 'front-door', { frontDoor: 'api-gateway-rest' }),
    ).toBeCloseTo(87.5, 6);
    // HTTP API: 25M × $1.00/1M = $25.00
    expect(
      line(w, 'front-door', { frontDoor: 'api-gateway-http' }),
    ).toBeCloseTo(25, 6);
  });
});

describe('AWS Fargate', () => {
  const base = {
    executionModel: 'always-on',
    platform: 'aws-fargate',
    maxInstances: 10,
  } as const;

  it('charges the minimum tasks all month', () => {
    const w = workload({
      ...base,
      monthlyRequests: 1000,
      vcpu: 0.5,
      memoryMb: 1024,
      instances: 2,
    });
    // 2 tasks × 730 h × (0.5 × $0.04048 + 1 GB × $0.004445) = 2 × 730 × $0.024685 = $36.0401
    expect(cost(w).expected).toBeCloseTo(36.0401, 3);
  });

  it('is about 20 % cheaper on arm64', () => {
    const w = workload({
      ...base,
      monthlyRequests: 1000,
      vcpu: 0.5,
      memoryMb: 1024,
      instances: 2,
      architecture: 'arm64',
    });
    // 2 × 730 × (0.5 × $0.03238 + 1 × $0.00356) = 2 × 730 × $0.01975 = $28.835
    expect(cost(w).expected).toBeCloseTo(28.835, 3);
  });

  it('autoscales CPU-bound load above the minimum', () => {
    // CPU-bound: 100 ms of CPU per request on 1 vCPU. At the 60 % target a task holds
    // 0.6 × 1 × 100 / 100 = 0.6 requests in flight. 18 rps × 0.1 s = 1.8 in flight → 3 tasks of load;
    // the model runs load + ½ (mean of ceil over the hour) = 3.5 tasks.
    const w = workload({
      ...base,
      monthlyRequests: 18 * MONTH_S,
      avgDurationMs: 100,
      cpuMs: 100,
      vcpu: 1,
      memoryMb: 2048,
      instances: 2,
    });
    // 3.5 × 730 h × (1 × $0.04048 + 2 × $0.004445) = 2,555 task-h × $0.04937 = $126.14035
    expect(cost(w).expected).toBeCloseTo(126.14035, 3);
    // Floor line: 2 × 730 × $0.04937 = $72.0802; the rest is autoscaled.
    expect(line(w, 'idle')).toBeCloseTo(72.0802, 3);
    expect(line(w, 'compute')).toBeCloseTo(126.14035 - 72.0802, 3);
  });

  it('serves I/O-bound load with up to 80 concurrent requests per task', () => {
    // 10 ms CPU per 1,000 ms request: CPU allows 0.6 × 1 × 1000 / 10 = 60 in flight, concurrency
    // 0.6 × 80 = 48, so 48 bind. 96 rps × 1 s = 96 in flight = 2 tasks of load → 2.5 tasks.
    const w = workload({
      ...base,
      monthlyRequests: 96 * MONTH_S,
      avgDurationMs: 1000,
      cpuMs: 10,
      vcpu: 1,
      memoryMb: 2048,
      instances: 1,
    });
    // 2.5 × 730 × $0.04937 = $90.10025
    expect(cost(w).expected).toBeCloseTo(90.10025, 3);
  });
});

describe('AWS EC2', () => {
  it('never runs fewer than `instances`, whatever the traffic', () => {
    const w = workload({
      executionModel: 'always-on',
      platform: 'aws-ec2',
      instanceType: 'm7g.large',
      architecture: 'arm64',
      instances: 3,
      maxInstances: 10,
      monthlyRequests: 1000,
    });
    // 3 × 730 h × $0.0816 = $178.704
    expect(cost(w).expected).toBeCloseTo(178.704, 3);
    const idle = workload({ ...w, monthlyRequests: 0, peakRps: 0 });
    expect(cost(idle).expected).toBeCloseTo(178.704, 3);
    expect(cost(idle).low).toBeCloseTo(178.704, 3);
  });

  it('scales out by instance vCPU', () => {
    // t3.medium, 2 vCPU, CPU-bound 50 ms: one instance holds 0.6 × 2 × 50 / 50 = 1.2 in flight.
    // 60 rps × 0.05 s = 3 in flight → 2.5 instances of load → 3 instances with the ½.
    const w = workload({
      executionModel: 'always-on',
      platform: 'aws-ec2',
      instanceType: 't3.medium',
      instances: 1,
      maxInstances: 10,
      monthlyRequests: 60 * MONTH_S,
      avgDurationMs: 50,
      cpuMs: 50,
    });
    // 3 × 730 × $0.0416 = $91.104
    expect(cost(w).expected).toBeCloseTo(91.104, 3);
  });
});

describe('Kubernetes', () => {
  it('prices pods by their dominant share of node capacity plus the control-plane share', () => {
    const w = workload({
      executionModel: 'always-on',
      platform: 'kubernetes',
      vcpu: 0.5,
      memoryMb: 1024,
      instances: 2,
      maxInstances: 10,
      monthlyRequests: 1000,
    });
    // m6i.large $0.096/h ÷ 2 vCPU = $0.048/vCPU-h; ÷ 8 GiB = $0.012/GiB-h
    // pod-hour = max(0.5 × 0.048, 1 × 0.012) = $0.024; 2 pods × 730 h × $0.024 = $35.04
    // EKS: 730 h × $0.10 ÷ 20 services = $3.65
    expect(line(w, 'platform-fee')).toBeCloseTo(3.65, 6);
    expect(cost(w).expected).toBeCloseTo(38.69, 3);
  });

  it('takes the services-per-cluster share from the price book', () => {
    const book = createPriceBook({
      overrides: { 'kubernetes.services-per-cluster': 10 },
    });
    const w = workload({
      executionModel: 'always-on',
      platform: 'kubernetes',
      instances: 2,
      monthlyRequests: 1000,
    });
    const fee = estimatePlatformCost(
      w,
      'kubernetes',
      book,
    ).monthlyCost.breakdown.find(l => l.kind === 'platform-fee')!;
    // $73 ÷ 10 = $7.30
    expect(fee.amount).toBeCloseTo(7.3, 6);
  });
});

describe('Google Cloud Run', () => {
  // 600 rps of 100 ms requests using 10 ms CPU on 1 vCPU / 512 MiB: 60 requests in flight; an
  // instance holds min(0.6 × 80, 0.6 × 1 × 100 / 10) = 6 at the target → 10 instances of load.
  const busy = {
    platform: 'gcp-cloud-run',
    monthlyRequests: 600 * MONTH_S,
    avgDurationMs: 100,
    cpuMs: 10,
    vcpu: 1,
    memoryMb: 512,
    maxInstances: 100,
  } as const;

  it('request-based billing: busy instance time plus the request fee', () => {
    const w = workload({ ...busy, executionModel: 'on-demand', instances: 0 });
    // busy: 10 instances × 2,628,000 s = 26.28M instance-s × (1 × $0.000024 + 0.5 × $0.0000025) = $663.57
    // requests: 1,576.8M × $0.40/1M = $630.72
    expect(line(w, 'compute')).toBeCloseTo(663.57, 2);
    expect(line(w, 'requests')).toBeCloseTo(630.72, 6);
    expect(cost(w).expected).toBeCloseTo(1294.29, 2);
  });

  it('instance-based billing: whole instance lifetime at the lower rate, no request fee', () => {
    const w = workload({ ...busy, executionModel: 'always-on', instances: 1 });
    // 10 instances of load + ½ = 10.5 × 730 h × 3,600 s × (1 × $0.000018 + 0.5 × $0.000002) = 27.594M × $0.000019 = $524.286
    expect(cost(w).expected).toBeCloseTo(524.286, 2);
    expect(line(w, 'requests')).toBe(0);
  });

  it('charges idle min-instances at the idle rate', () => {
    const w = workload({
      platform: 'gcp-cloud-run',
      executionModel: 'on-demand',
      instances: 1,
      monthlyRequests: 0,
      vcpu: 1,
      memoryMb: 512,
    });
    // 1 idle instance × 2,628,000 s × (1 × $0.0000025 + 0.5 × $0.0000025) = $9.855 (≈ $9.86 in the reference)
    expect(cost(w).expected).toBeCloseTo(9.855, 4);
  });

  it('Cloud Run functions: priced as Cloud Run with one request per instance', () => {
    // 50 rps × 0.2 s = 10 requests in flight, one per instance → 10 busy instances.
    const w = workload({
      platform: 'gcp-cloud-functions',
      monthlyRequests: 50 * MONTH_S,
      avgDurationMs: 200,
      cpuMs: 200,
      vcpu: 1,
      memoryMb: 512,
    });
    // 26.28M instance-s × $0.00002525 = $663.57; requests 131.4M × $0.40/1M = $52.56
    expect(cost(w).expected).toBeCloseTo(716.13, 2);
  });
});

describe('Azure Functions', () => {
  it('Consumption rounds memory up to 128 MB and duration up to 100 ms', () => {
    const w = workload({
      platform: 'azure-functions',
      monthlyRequests: 10e6,
      avgDurationMs: 40,
      cpuMs: 40,
      memoryMb: 200,
    });
    // 200 MB → 256 MB = 0.25 GB; 40 ms → 100 ms
    // 10M × 0.1 s × 0.25 GB = 250,000 GB-s × $0.000016 = $4.00; executions 10M × $0.20/1M = $2.00
    expect(line(w, 'compute')).toBeCloseTo(4, 6);
    expect(cost(w).expected).toBeCloseTo(6, 6);
  });

  it('Consumption meters at most 1,536 MB', () => {
    const w = workload({
      platform: 'azure-functions',
      monthlyRequests: 1e6,
      avgDurationMs: 1000,
      cpuMs: 1000,
      memoryMb: 2048,
    });
    // 1M × 1 s × 1.5 GB = 1.5M GB-s × $0.000016 = $24.00
    expect(line(w, 'compute')).toBeCloseTo(24, 6);
  });

  it('Flex Consumption with always-ready instances', () => {
    // 10 rps × 0.1 s = 1 execution in flight; 2 always-ready 2,048 MB instances.
    const w = workload({
      platform: 'azure-functions',
      monthlyRequests: 10 * MONTH_S,
      avgDurationMs: 100,
      cpuMs: 100,
      memoryMb: 2048,
      instances: 2,
    });
    // baseline: 2 × 2 GB × 2,628,000 s × $0.000004 = $42.048
    // on always-ready: 1 × 2,628,000 s × 2 GB = 5.256M GB-s × $0.000016 = $84.096
    // on demand: 26.28M × 0.1 s × 2 GB − 5.256M = 0; executions 26.28M × $0.40/1M = $10.512
    expect(line(w, 'provisioned')).toBeCloseTo(42.048, 4);
    expect(cost(w).expected).toBeCloseTo(136.656, 4);
  });
});

describe('Azure Container Apps', () => {
  it('scaled to zero: active replica time plus requests', () => {
    // Same load as the Cloud Run case: 10 busy replicas of 1 vCPU / 2 GiB.
    const w = workload({
      platform: 'azure-container-apps',
      executionModel: 'on-demand',
      instances: 0,
      maxInstances: 100,
      monthlyRequests: 600 * MONTH_S,
      avgDurationMs: 100,
      cpuMs: 10,
      vcpu: 1,
      memoryMb: 2048,
    });
    // 26.28M replica-s × (1 × $0.000024 + 2 × $0.000003) = $788.40; requests 1,576.8M × $0.40/1M = $630.72
    expect(cost(w).expected).toBeCloseTo(1419.12, 2);
  });

  it('an idle min-replica is billed at the idle rate', () => {
    const w = workload({
      platform: 'azure-container-apps',
      executionModel: 'always-on',
      instances: 1,
      monthlyRequests: 0,
      vcpu: 1,
      memoryMb: 2048,
    });
    // 2,628,000 s × (1 × $0.000003 + 2 × $0.000003) = $23.652 (the reference's ≈ $23.65)
    expect(cost(w).expected).toBeCloseTo(23.652, 4);
  });
});

describe('Cloudflare Workers', () => {
  it('includes 10M requests and 30M CPU-ms in the $5 plan', () => {
    const w = workload({
      platform: 'cloudflare-workers',
      monthlyRequests: 1e6,
      avgDurationMs: 80,
      cpuMs: 5,
      memoryMb: 128,
    });
    // 1M requests, 5M CPU-ms: inside the allowance → $5.00
    expect(cost(w).expected).toBeCloseTo(5, 6);
  });

  it('bills CPU time, not wall time, beyond the allowance', () => {
    const w = workload({
      platform: 'cloudflare-workers',
      monthlyRequests: 25e6,
      avgDurationMs: 300,
      cpuMs: 5,
      memoryMb: 128,
    });
    // requests: (25M − 10M) × $0.30/1M = $4.50
    // CPU: 25M × 5 ms = 125M CPU-ms; (125M − 30M) × $0.02/1M = $1.90
    // $5.00 + $4.50 + $1.90 = $11.40 (wall time 300 ms costs nothing)
    expect(line(w, 'base')).toBe(5);
    expect(cost(w).expected).toBeCloseTo(11.4, 6);
    expect(cost({ ...w, avgDurationMs: 3000 }).expected).toBeCloseTo(11.4, 6);
  });
});

describe('ranges and price book', () => {
  it('widens a steady, fully stated workload by re-estimating at ±15 % traffic', () => {
    const w = workload({ monthlyRequests: 25e6 });
    const c = cost(w);
    // Lambda is linear in requests here: low = 0.85 × $30.00005, high = 1.15 × $30.00005
    expect(c.low).toBeCloseTo(0.85 * 30.00005, 6);
    expect(c.high).toBeCloseTo(1.15 * 30.00005, 6);
  });

  it('keeps an always-on floor fixed at lower traffic', () => {
    const w = workload({
      executionModel: 'always-on',
      platform: 'aws-fargate',
      monthlyRequests: 1000,
      vcpu: 0.5,
      memoryMb: 1024,
      instances: 2,
    });
    const c = cost(w);
    expect(c.low).toBeCloseTo(c.expected, 9);
  });

  it('widens further when cost-driving inputs were defaulted', () => {
    const w = workload({ monthlyRequests: 25e6 });
    const stated = cost(w);
    const defaulted = cost(w, {
      defaulted: ['monthlyRequests', 'avgDurationMs'],
    });
    expect(defaulted.expected).toBeCloseTo(stated.expected, 9);
    expect(defaulted.low).toBeLessThan(stated.low);
    expect(defaulted.high).toBeGreaterThan(stated.high);
  });

  it('applies discount and currency to prices', () => {
    const book = createPriceBook({
      discountPercent: 10,
      currency: { code: 'EUR', rate: 0.9 },
    });
    const w = workload({ monthlyRequests: 25e6 });
    const c = estimatePlatformCost(w, 'aws-lambda', book).monthlyCost;
    // $30.00005 × 0.9 (discount) × 0.9 EUR/USD = €24.3000405
    expect(c.currency).toBe('EUR');
    expect(c.expected).toBeCloseTo(24.3000405, 6);
    expect(c.breakdown[0].detail).toBe('25M req × €0.162/1M = €4.05');
  });

  it('serialises line details to JSON', () => {
    const json = JSON.parse(JSON.stringify(cost(workload())));
    expect(json.breakdown[0]).toEqual({
      kind: 'requests',
      label: 'Requests',
      amount: 5,
      detail: '25M req × $0.20/1M = $5.00',
    });
  });
});

describe('the estimator contract', () => {
  /** A sized workload built by hand: 25M requests of 120 ms at 512 MB on Lambda, flat day. */
  function sized(overrides: Partial<SizedWorkload> = {}): SizedWorkload {
    return {
      platform: 'aws-lambda',
      model: 'on-demand',
      variant: 'lambda',
      monthlyRequests: 25e6,
      peakRps: 25e6 / MONTH_S,
      durationMs: 120,
      cpuMs: 120,
      memoryMb: 512,
      vcpu: 1,
      architecture: 'x86_64',
      instances: 0,
      maxInstances: 1000,
      concurrency: 1,
      frontDoor: 'none',
      profile: trafficProfile('steady', 1),
      describe: () => [],
      ...overrides,
    };
  }

  it('returns the cost, the usage it priced and the breakdown', () => {
    const e = ESTIMATORS.lambda(sized(), pb, EXPECTED_FACTORS, true);
    // 25M × $0.20/1M + 1.5M GB-s × $0.0000166667 = $30.00005
    expect(e.cost).toBeCloseTo(30.00005, 6);
    // 25M req × 0.12 s × 0.5 GB = 1.5M GB-s, all on demand
    expect(e.usage.requests).toBe(25e6);
    expect(e.usage.gbSeconds).toBeCloseTo(1.5e6, 3);
    expect(e.usage.vcpuSeconds).toBe(0);
    expect(e.usage.gibSeconds).toBe(0);
    expect(e.breakdown.map(l => l.kind)).toEqual(['requests', 'compute']);
    expect(e.breakdown[0]).toEqual({
      kind: 'requests',
      label: 'Requests',
      amount: 5,
      detail: '25M req × $0.20/1M = $5.00',
    });
  });

  it('builds no breakdown unless asked, with the same numbers', () => {
    for (const variant of Object.keys(ESTIMATORS) as Array<
      keyof typeof ESTIMATORS
    >) {
      const w = sized({ variant, instances: 1, ec2: EC2_INSTANCE_TYPES[0] });
      const withLines = ESTIMATORS[variant](w, pb, EXPECTED_FACTORS, true);
      const numbersOnly = ESTIMATORS[variant](w, pb, EXPECTED_FACTORS, false);
      expect(numbersOnly.breakdown).toEqual([]);
      expect(numbersOnly.cost).toBe(withLines.cost);
      expect(numbersOnly.usage).toEqual(withLines.usage);
    }
  });

  it('writes breakdown lines as plain data', () => {
    const { breakdown } = ESTIMATORS.lambda(
      sized({ instances: 2, frontDoor: 'alb' }),
      pb,
      EXPECTED_FACTORS,
      true,
    );
    expect(breakdown.map(l => l.kind)).toEqual([
      'front-door',
      'requests',
      'compute',
      'provisioned',
      'compute',
    ]);
    for (const l of breakdown) {
      expect(Object.getPrototypeOf(l)).toBe(Object.prototype);
      expect(typeof l.detail).toBe('string');
      expect(JSON.parse(JSON.stringify(l))).toEqual(l);
    }
  });

  it('keeps no state between estimates', () => {
    const lambda = ESTIMATORS.lambda(sized(), pb, EXPECTED_FACTORS, false);
    const before = { ...lambda.usage };
    // 2 tasks of 0.5 vCPU / 1 GB all month at negligible load: 2 × 730 h × 3,600 s = 5.256M task-s
    const fargate = ESTIMATORS.fargate(
      sized({
        platform: 'aws-fargate',
        model: 'always-on',
        variant: 'fargate',
        monthlyRequests: 1000,
        peakRps: 1000 / MONTH_S,
        vcpu: 0.5,
        memoryMb: 1024,
        instances: 2,
        maxInstances: 10,
        concurrency: 80,
      }),
      pb,
      EXPECTED_FACTORS,
      false,
    );
    expect(fargate.usage.requests).toBe(1000);
    expect(fargate.usage.gbSeconds).toBe(0);
    expect(fargate.usage.vcpuSeconds).toBeCloseTo(2_628_000, 3);
    expect(fargate.usage.gibSeconds).toBeCloseTo(5_256_000, 3);
    // The first estimate's usage is its own: the second did not overwrite it.
    expect(lambda.usage).toEqual(before);
    expect(lambda.usage).not.toBe(fargate.usage);
  });

  it('reports no GB-, vCPU- or GiB-seconds for Cloudflare Workers', () => {
    const e = ESTIMATORS.workers(
      sized({ platform: 'cloudflare-workers', variant: 'workers' }),
      pb,
      EXPECTED_FACTORS,
      false,
    );
    expect(e.usage).toEqual({
      requests: 25e6,
      gbSeconds: 0,
      vcpuSeconds: 0,
      gibSeconds: 0,
    });
  });

  it('is a frozen table', () => {
    expect(Object.isFrozen(ESTIMATORS)).toBe(true);
  });
});
