import { createPriceBook } from '../prices';
import type { SettingField, WorkloadSettings } from '../model/settings';
import { assessWorkload, AssessContext } from './assess';
import { suggestionId } from './ids';
import { MONTH_S, parsed, workload } from './__fixtures__/workloads';

const pb = createPriceBook();

function suggest(
  settings: WorkloadSettings,
  context: AssessContext = {},
  defaulted: SettingField[] = [],
) {
  return assessWorkload('component:default/svc', parsed(settings, defaulted), {
    priceBook: pb,
    ...context,
  })!.suggestion;
}

const fargate = {
  executionModel: 'always-on',
  platform: 'aws-fargate',
  vcpu: 1,
  memoryMb: 2048,
  instances: 2,
  maxInstances: 20,
} as const;

describe('migration suggestions', () => {
  describe('serverless-ruled-out', () => {
    it('moves a Lambda function whose requests outlast the 900 s timeout', () => {
      const s = suggest(
        workload({ maxDurationS: 1200, avgDurationMs: 30_000, cpuMs: 30_000 }),
      );
      expect(s?.rule).toBe('serverless-ruled-out');
      expect(['always-on', 'on-demand']).toContain(s?.targetModel);
      expect(s?.targetPlatform).not.toBe('aws-lambda');
      expect(s?.reasons[0]).toBe(
        "max-duration-s 1,200 exceeds Lambda's 900 s timeout",
      );
      expect(s?.confidence).toBe('high');
    });

    it('fires for long-lived connections and for in-memory state on a function', () => {
      expect(suggest(workload({ connections: 'long-lived' }))?.rule).toBe(
        'serverless-ruled-out',
      );
      const state = suggest(workload({ state: 'in-memory' }));
      expect(state?.rule).toBe('serverless-ruled-out');
      expect(state?.targetModel).toBe('always-on');
    });

    it('does not fire for a function within its limits', () => {
      expect(suggest(workload({ maxDurationS: 60 }))?.rule).not.toBe(
        'serverless-ruled-out',
      );
    });
  });

  describe('idle-always-on-to-on-demand', () => {
    it('moves a mostly idle always-on fleet to on-demand', () => {
      const s = suggest(
        workload({
          ...fargate,
          monthlyRequests: 200_000,
          avgDurationMs: 50,
          cpuMs: 20,
        }),
      );
      expect(s?.rule).toBe('idle-always-on-to-on-demand');
      expect(s?.targetModel).toBe('on-demand');
      expect(s!.monthlySavings.expected).toBeGreaterThan(10);
      expect(s!.monthlySavings.low).toBeLessThanOrEqual(
        s!.monthlySavings.expected,
      );
      expect(s!.monthlySavings.high).toBeGreaterThanOrEqual(
        s!.monthlySavings.expected,
      );
      expect(s?.reasons[0]).toMatch(
        /utilisation with at least 2 replicas always on \(rule E1: below 40 %\)/,
      );
    });

    it('does not fire for a busy fleet', () => {
      // 20 rps × 100 ms CPU on 1 vCPU: about 2 vCPU busy on 2 tasks, well above 40 %.
      const s = suggest(
        workload({
          ...fargate,
          monthlyRequests: 20 * MONTH_S,
          avgDurationMs: 100,
          cpuMs: 100,
        }),
      );
      expect(s).toBeNull();
    });

    it('does not move to a platform whose cold starts break the latency objective', () => {
      const s = suggest(
        workload({
          ...fargate,
          monthlyRequests: 200_000,
          avgDurationMs: 50,
          cpuMs: 20,
          runtime: 'java',
          latencySloMs: 100,
        }),
      );
      expect([
        'aws-lambda',
        'gcp-cloud-functions',
        'azure-functions',
      ]).not.toContain(s?.targetPlatform);
    });
  });

  describe('hot-on-demand-to-always-on', () => {
    it('moves a busy CPU-bound function to an always-on fleet', () => {
      const s = suggest(
        workload({
          monthlyRequests: 200 * MONTH_S,
          avgDurationMs: 100,
          cpuMs: 100,
          memoryMb: 1769,
        }),
      );
      expect(s?.rule).toBe('hot-on-demand-to-always-on');
      expect(s?.targetModel).toBe('always-on');
      expect(s!.monthlySavings.expected).toBeGreaterThan(0.1 * 1000);
    });

    it('does not fire at low traffic, where the function is already cheapest', () => {
      expect(
        suggest(
          workload({
            monthlyRequests: 100_000,
            avgDurationMs: 100,
            cpuMs: 100,
            memoryMb: 1769,
          }),
        ),
      ).toBeNull();
    });
  });

  describe('io-bound-to-multi-concurrency', () => {
    it('moves an I/O-bound steady function to a platform that serves many requests per instance', () => {
      const s = suggest(
        workload({
          monthlyRequests: 50 * MONTH_S,
          avgDurationMs: 200,
          cpuMs: 10,
          memoryMb: 1024,
        }),
      );
      expect(s?.rule).toBe('io-bound-to-multi-concurrency');
      expect(s?.reasons[0]).toBe(
        'Requests take 200 ms but use 10 ms of CPU (wall ÷ CPU = 20 ≥ 3, rule E3), at steady load',
      );
    });

    it('does not fire for spiky traffic or CPU-bound work', () => {
      const spiky = suggest(
        workload({
          monthlyRequests: 50 * MONTH_S,
          peakRps: 400,
          trafficPattern: 'spiky',
          avgDurationMs: 200,
          cpuMs: 10,
          memoryMb: 1024,
        }),
      );
      expect(spiky?.rule).not.toBe('io-bound-to-multi-concurrency');
      const cpu = suggest(
        workload({
          monthlyRequests: 50 * MONTH_S,
          avgDurationMs: 200,
          cpuMs: 150,
          memoryMb: 1024,
        }),
      );
      expect(cpu?.rule).not.toBe('io-bound-to-multi-concurrency');
    });
  });

  describe('underused-provisioned-concurrency', () => {
    it('removes provisioned concurrency that is 10 % used', () => {
      // 10 rps × 0.1 s = 1 request in flight on 10 provisioned environments.
      const s = suggest(
        workload({
          monthlyRequests: 10 * MONTH_S,
          avgDurationMs: 100,
          cpuMs: 100,
          memoryMb: 1024,
          instances: 10,
        }),
      );
      expect(s?.rule).toBe('underused-provisioned-concurrency');
      expect(s?.targetPlatform).toBe('aws-lambda');
      expect(s?.title).toBe(
        'Remove provisioned concurrency: it is mostly unused',
      );
      expect(s?.effort).toBe('low');
      // The PC fee goes: 10 × 1 GB × 2,628,000 s × $0.0000041667 = $109.500876.
      // The 1 × 2,628,000 GB-s it served move from $0.0000097222 ($25.5499416) to on-demand
      // $0.0000166667 ($43.8000876): +$18.250146. Saving: 109.500876 − 18.250146 = $91.25073.
      expect(s!.monthlySavings.expected).toBeCloseTo(91.25073, 4);
    });

    it('keeps well-used provisioned concurrency', () => {
      // 9 in flight on 10 environments: 90 % used.
      const s = suggest(
        workload({
          monthlyRequests: 90 * MONTH_S,
          avgDurationMs: 100,
          cpuMs: 100,
          memoryMb: 1024,
          instances: 10,
        }),
      );
      expect(s?.rule).not.toBe('underused-provisioned-concurrency');
    });
  });

  describe('cloud-run-billing-mode', () => {
    const busyRun = {
      platform: 'gcp-cloud-run',
      monthlyRequests: 600 * MONTH_S,
      avgDurationMs: 100,
      cpuMs: 10,
      vcpu: 1,
      memoryMb: 512,
      maxInstances: 100,
    } as const;

    it('switches a busy request-billed service to instance-based billing', () => {
      const s = suggest(workload({ ...busyRun, executionModel: 'on-demand' }));
      expect(s?.rule).toBe('cloud-run-billing-mode');
      expect(s?.targetPlatform).toBe('gcp-cloud-run');
      expect(s?.targetModel).toBe('always-on');
      // $1,294.29 request-based vs $524.29 instance-based (see estimators.test.ts)
      expect(s!.monthlySavings.expected).toBeCloseTo(1294.29 - 524.286, 1);
      expect(s?.reasons[0]).toMatch(
        /^Instances are busy 9\d(\.\d+)? % of their lifetime/,
      );
    });

    it('keeps request-based billing for sparse traffic', () => {
      const s = suggest(
        workload({
          ...busyRun,
          executionModel: 'on-demand',
          monthlyRequests: 1e6,
        }),
      );
      expect(s?.rule).not.toBe('cloud-run-billing-mode');
    });
  });

  describe('cold-start-vs-slo', () => {
    const sparseJava = {
      monthlyRequests: 1e6,
      avgDurationMs: 100,
      cpuMs: 100,
      memoryMb: 1024,
      runtime: 'java',
    } as const;

    it('fires when a cold start breaks the latency objective', () => {
      // java21 ZIP x86_64 p99 init 652 ms + 100 ms > 300 ms
      const s = suggest(workload({ ...sparseJava, latencySloMs: 300 }));
      expect(s?.rule).toBe('cold-start-vs-slo');
      expect(s?.reasons[0]).toBe(
        'A cold request takes about 652 ms init + 100 ms = 752 ms, over the 300 ms p99 objective',
      );
      expect(s!.monthlySavings.expected).toBeLessThan(0);
    });

    it('does not fire when the objective allows for cold starts', () => {
      expect(
        suggest(workload({ ...sparseJava, latencySloMs: 2000 })),
      ).toBeNull();
      expect(suggest(workload({ ...sparseJava }))).toBeNull();
    });
  });

  describe('front-door-cost', () => {
    it('replaces an API Gateway REST API that costs more than the compute', () => {
      const s = suggest(
        workload({
          monthlyRequests: 25e6,
          avgDurationMs: 20,
          cpuMs: 20,
          memoryMb: 128,
        }),
        { frontDoor: 'api-gateway-rest' },
      );
      expect(s?.rule).toBe('front-door-cost');
      // REST $87.50 → HTTP API $25.00
      expect(s!.monthlySavings.expected).toBeCloseTo(62.5, 6);
    });

    it('does not fire for an HTTP API', () => {
      const s = suggest(
        workload({
          monthlyRequests: 25e6,
          avgDurationMs: 20,
          cpuMs: 20,
          memoryMb: 128,
        }),
        { frontDoor: 'api-gateway-http' },
      );
      expect(s?.rule).not.toBe('front-door-cost');
    });
  });

  describe('the current choice is already the best', () => {
    it.each([
      [
        'a small function',
        workload({
          monthlyRequests: 1e6,
          avgDurationMs: 80,
          cpuMs: 40,
          memoryMb: 256,
        }),
      ],
      [
        'a busy right-sized fleet',
        workload({
          ...fargate,
          monthlyRequests: 20 * MONTH_S,
          avgDurationMs: 100,
          cpuMs: 100,
        }),
      ],
      [
        'a cheap worker',
        workload({
          platform: 'cloudflare-workers',
          monthlyRequests: 5e6,
          cpuMs: 2,
          memoryMb: 128,
        }),
      ],
    ])('suggests nothing for %s', (_name, settings) => {
      expect(suggest(settings)).toBeNull();
    });
  });

  describe('suggestion attributes', () => {
    const idle = workload({
      ...fargate,
      monthlyRequests: 200_000,
      avgDurationMs: 50,
      cpuMs: 20,
    });

    it('derives a stable, URL-safe id from entity, rule and target', () => {
      const a = assessWorkload('component:default/svc', parsed(idle), {
        priceBook: pb,
      })!.suggestion!;
      const b = assessWorkload('component:default/svc', parsed(idle), {
        priceBook: pb,
      })!.suggestion!;
      const other = assessWorkload('component:default/other', parsed(idle), {
        priceBook: pb,
      })!.suggestion!;
      expect(a.id).toBe(b.id);
      expect(a.id).not.toBe(other.id);
      expect(a.id).toMatch(/^sg-[0-9a-f]{16}$/);
      expect(a.id).toBe(
        suggestionId(
          'component:default/svc',
          a.rule,
          a.targetModel,
          a.targetPlatform,
        ),
      );
    });

    it('raises effort with catalog relations', () => {
      const none = suggest(idle)!;
      const many = suggest(idle, {
        relations: { dependsOn: 6, providesApis: 5 },
      })!;
      const levels = ['low', 'medium', 'high'];
      expect(levels.indexOf(many.effort)).toBeGreaterThan(
        levels.indexOf(none.effort),
      );
    });

    it('lowers confidence when inputs were defaulted', () => {
      const stated = suggest(idle)!;
      const guessed = suggest(idle, {}, [
        'monthlyRequests',
        'avgDurationMs',
        'cpuMs',
      ])!;
      expect(stated.confidence).toBe('high');
      expect(guessed.confidence).toBe('low');
    });
  });
});

describe('suggestion targets stay on the same cloud provider', () => {
  // Kubernetes is priced as EKS, so it counts as AWS.
  const providerOf = (platform?: string) =>
    platform === 'kubernetes' ? 'aws' : platform?.split('-')[0];

  it.each([
    [
      'a 20-minute job on Lambda',
      workload({ maxDurationS: 1200, avgDurationMs: 30_000, cpuMs: 30_000 }),
      'aws',
    ],
    [
      'a 20-minute job on Azure Functions',
      workload({
        platform: 'azure-functions',
        maxDurationS: 1200,
        avgDurationMs: 30_000,
        cpuMs: 30_000,
      }),
      'azure',
    ],
    [
      'an idle Container Apps service',
      workload({
        ...fargate,
        platform: 'azure-container-apps',
        monthlyRequests: 50_000,
      }),
      'azure',
    ],
    [
      'an idle Fargate service',
      workload({ ...fargate, monthlyRequests: 50_000 }),
      'aws',
    ],
  ] as const)('%s', (_name, settings, provider) => {
    const s = suggest(settings);
    expect(s).not.toBeNull();
    expect(providerOf(s!.targetPlatform)).toBe(provider);
  });

  it('crosses providers only when the home provider has nothing feasible', () => {
    // Workers' home provider has no other platform; a 20-minute job must leave it.
    const job = workload({
      platform: 'cloudflare-workers',
      memoryMb: 128,
      maxDurationS: 1200,
      avgDurationMs: 1_200_000,
      cpuMs: 600_000,
    });
    const s = suggest(job);
    expect(s?.rule).toBe('serverless-ruled-out');
    expect(s?.targetPlatform).not.toBe('cloudflare-workers');
    expect(s?.effort).toBe('high');
    // The cheapest feasible platform of any provider, as the alternatives price them.
    const assessment = assessWorkload('component:default/job', parsed(job), {
      priceBook: pb,
    })!;
    const feasible = assessment.alternatives.filter(a => a.feasible);
    const cheapest = feasible.reduce((a, b) =>
      b.monthlyCost!.expected < a.monthlyCost!.expected ? b : a,
    );
    expect(s?.targetPlatform).toBe(cheapest.platform);
    expect(s?.targetModel).toBe(cheapest.executionModel);
  });

  it('does not cross providers for a saving alone', () => {
    // A hot edge function costs more on Workers than on a container elsewhere, but no other platform of
    // its provider exists: moving clouds for the saving is not proposed.
    const hot = workload({
      platform: 'cloudflare-workers',
      memoryMb: 128,
      monthlyRequests: 2_000_000_000,
      avgDurationMs: 20,
      cpuMs: 5,
    });
    const s = suggest(hot);
    expect(s === null || s.targetPlatform === 'cloudflare-workers').toBe(true);
    // The alternatives still show what other providers would charge.
    const assessment = assessWorkload('component:default/svc', parsed(hot), {
      priceBook: pb,
    })!;
    expect(
      assessment.alternatives.some(
        a => a.platform === 'aws-fargate' && a.feasible,
      ),
    ).toBe(true);
  });

  it('measures break-even against the same provider', () => {
    const assessment = assessWorkload(
      'component:default/svc',
      parsed(
        workload({
          platform: 'gcp-cloud-functions',
          monthlyRequests: 50_000_000,
        }),
      ),
      { priceBook: pb },
    )!;
    expect(assessment.breakEven.against).toBe('gcp-cloud-run');
  });
});
