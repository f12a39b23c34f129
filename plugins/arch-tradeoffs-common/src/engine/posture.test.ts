import { createPriceBook } from '../prices';
import type { WorkloadSettings } from '../model/settings';
import { assessWorkload } from './assess';
import { coldStartP99 } from './coldStarts';
import { MONTH_S, parsed, workload } from './__fixtures__/workloads';

const pb = createPriceBook();

function posture(settings: WorkloadSettings) {
  return assessWorkload('component:default/svc', parsed(settings), {
    priceBook: pb,
  })!.posture;
}

describe('cold-start table', () => {
  it('maps runtimes to representative lambda-cold-starts.csv rows, per architecture', () => {
    // Rows at 512 MB from reference/lambda-cold-starts.csv (p99 Init Duration, ms).
    expect(coldStartP99('aws-lambda', 'nodejs', 'x86_64')?.p99Ms).toBe(194); // nodejs22.x zip
    expect(coldStartP99('aws-lambda', 'nodejs', 'arm64')?.p99Ms).toBe(167);
    expect(coldStartP99('aws-lambda', 'python', 'x86_64')?.p99Ms).toBe(135); // python3.12 zip
    expect(coldStartP99('aws-lambda', 'java', 'x86_64')?.p99Ms).toBe(652); // java21 zip
    expect(coldStartP99('aws-lambda', 'java', 'arm64')?.p99Ms).toBe(589);
    expect(coldStartP99('aws-lambda', 'go', 'x86_64')?.p99Ms).toBe(65); // go (prov.al2023) zip
    expect(coldStartP99('aws-lambda', 'dotnet', 'arm64')?.p99Ms).toBe(712); // dotnet8 zip
    expect(coldStartP99('aws-lambda', 'ruby', 'x86_64')?.p99Ms).toBe(493); // ruby3.4 zip
    expect(coldStartP99('aws-lambda', 'rust', 'arm64')?.p99Ms).toBe(45); // rust (prov.al2023) zip
    expect(coldStartP99('aws-lambda', 'container', 'x86_64')?.p99Ms).toBe(762); // nodejs22.x image
    // Container platforms reuse the image rows as a lower bound; Workers isolates start in < 5 ms.
    expect(coldStartP99('gcp-cloud-run', 'java', 'x86_64')?.p99Ms).toBe(770); // java21 image
    expect(coldStartP99('cloudflare-workers', 'nodejs', 'x86_64')?.p99Ms).toBe(
      5,
    );
    expect(coldStartP99('aws-fargate', 'java', 'x86_64')).toBeUndefined();
  });
});

describe('scaling posture', () => {
  it('describes a scale-to-zero function against its latency objective', () => {
    const p = posture(
      workload({ runtime: 'python', avgDurationMs: 100, latencySloMs: 200 }),
    );
    expect(p.scaleToZero).toBe(true);
    expect(p.headroom).toBeNull();
    // 135 ms init + 100 ms = 235 ms > 200 ms
    expect(p.coldStart).toMatchObject({
      exposed: true,
      p99Ms: 135,
      sloMs: 200,
    });
    expect(
      posture(
        workload({ runtime: 'python', avgDurationMs: 100, latencySloMs: 300 }),
      ).coldStart.exposed,
    ).toBe(false);
  });

  it('treats provisioned concurrency that covers the peak as warm', () => {
    // 5 rps × 0.1 s = 0.5 in flight, 2 environments warm.
    const p = posture(
      workload({
        runtime: 'java',
        monthlyRequests: 5 * MONTH_S,
        avgDurationMs: 100,
        instances: 2,
        latencySloMs: 200,
      }),
    );
    expect(p.coldStart.exposed).toBe(false);
    expect(p.utilisation).toBeCloseTo(0.25, 9);
    expect(p.flags.some(f => f.kind === 'utilisation')).toBe(true);
  });

  it("computes concurrency by Little's law and flags the Lambda account limit", () => {
    // 2,000 rps × 0.6 s = 1,200 in flight > 1,000
    const p = posture(
      workload({
        monthlyRequests: 2000 * MONTH_S,
        avgDurationMs: 600,
        cpuMs: 600,
      }),
    );
    expect(p.concurrency.average).toBeCloseTo(1200, 6);
    expect(p.concurrency.limit).toBe(1000);
    expect(p.flags).toContainEqual(
      expect.objectContaining({ kind: 'concurrency', severity: 'critical' }),
    );
  });

  it('flags bursts beyond 1,000 new environments per 10 s', () => {
    // spiky: 100 rps average, 3,000 rps peak, 0.5 s → 1,450 more environments than average
    const p = posture(
      workload({
        trafficPattern: 'spiky',
        monthlyRequests: 100 * MONTH_S,
        peakRps: 3000,
        avgDurationMs: 500,
        maxInstances: 100000,
      }),
    );
    expect(p.flags).toContainEqual(
      expect.objectContaining({ kind: 'burst', severity: 'warning' }),
    );
  });

  it('measures headroom of an always-on fleet', () => {
    // CPU-bound 100 ms on 1 vCPU: 10 rps per task flat out; 2 tasks = 20 rps; peak 40 rps; max 20 tasks.
    const p = posture(
      workload({
        executionModel: 'always-on',
        platform: 'aws-fargate',
        vcpu: 1,
        memoryMb: 2048,
        instances: 2,
        maxInstances: 20,
        monthlyRequests: 10 * MONTH_S,
        peakRps: 40,
        avgDurationMs: 100,
        cpuMs: 100,
      }),
    );
    expect(p.scaleToZero).toBe(false);
    expect(p.headroom).toEqual({
      capacityRps: 20,
      peakRps: 40,
      ratio: 0.5,
      ratioAtMax: 5,
    });
    expect(p.coldStart.exposed).toBe(false);
    expect(p.flags).toContainEqual(
      expect.objectContaining({ kind: 'headroom', severity: 'info' }),
    );
  });

  it('flags a fleet that cannot serve its peak even at max-instances', () => {
    const p = posture(
      workload({
        executionModel: 'always-on',
        platform: 'aws-fargate',
        vcpu: 1,
        memoryMb: 2048,
        instances: 2,
        maxInstances: 3,
        monthlyRequests: 10 * MONTH_S,
        peakRps: 40,
        avgDurationMs: 100,
        cpuMs: 100,
      }),
    );
    expect(p.flags).toContainEqual(
      expect.objectContaining({ kind: 'headroom', severity: 'critical' }),
    );
  });

  it('reports distance to hard limits', () => {
    const p = posture(workload({ maxDurationS: 800, memoryMb: 9500 }));
    expect(p.limits).toContainEqual({
      limit: 'timeout',
      value: 800,
      max: 900,
      unit: 's',
      ratio: 800 / 900,
    });
    expect(p.limits).toContainEqual({
      limit: 'memory',
      value: 9500,
      max: 10240,
      unit: 'MB',
      ratio: 9500 / 10240,
    });
    expect(p.flags.map(f => f.kind)).toEqual(
      expect.arrayContaining(['timeout', 'memory']),
    );
  });

  it('reports idle fleets', () => {
    const p = posture(
      workload({
        executionModel: 'always-on',
        platform: 'kubernetes',
        vcpu: 1,
        memoryMb: 2048,
        instances: 3,
        monthlyRequests: 10_000,
        avgDurationMs: 50,
        cpuMs: 20,
      }),
    );
    expect(p.utilisation!).toBeLessThan(0.01);
    expect(p.flags).toContainEqual(expect.objectContaining({ kind: 'idle' }));
  });
});
