import { createPriceBook } from '../prices';
import type { Platform, WorkloadSettings } from '../model/settings';
import { assessWorkload } from './assess';
import { estimatePlatformCost } from './options';
import { parsed, workload } from './__fixtures__/workloads';

const pb = createPriceBook();

function reasonsOn(settings: WorkloadSettings, platform: Platform): string[] {
  return estimatePlatformCost(settings, platform, pb).infeasible;
}

function alternative(settings: WorkloadSettings, platform: Platform) {
  return assessWorkload('component:default/svc', parsed(settings), {
    priceBook: pb,
  })!.alternatives.find(a => a.platform === platform)!;
}

const container = {
  executionModel: 'always-on',
  platform: 'aws-fargate',
  vcpu: 1,
  memoryMb: 2048,
  instances: 2,
} as const;

describe('feasibility', () => {
  it('rules out Lambda for a request longer than its 900 s timeout', () => {
    const alt = alternative(
      workload({
        ...container,
        maxDurationS: 1200,
        avgDurationMs: 60_000,
        cpuMs: 60_000,
      }),
      'aws-lambda',
    );
    expect(alt.feasible).toBe(false);
    expect(alt.monthlyCost).toBeUndefined();
    expect(alt.infeasible).toContain(
      "max-duration-s 1,200 exceeds Lambda's 900 s timeout",
    );
  });

  it("applies the other platforms' timeouts: Azure HTTP 230 s, Cloud Run 3,600 s", () => {
    const long = workload({ ...container, maxDurationS: 4000 });
    expect(reasonsOn(long, 'azure-functions')).toContain(
      "max-duration-s 4,000 exceeds Azure Functions' 230 s limit to answer an HTTP request",
    );
    expect(reasonsOn(long, 'gcp-cloud-run')).toContain(
      "max-duration-s 4,000 exceeds Cloud Run's 3,600 s timeout",
    );
    expect(
      reasonsOn(
        workload({ ...container, maxDurationS: 3000 }),
        'gcp-cloud-run',
      ),
    ).toEqual([]);
    expect(
      reasonsOn(
        workload({ ...container, maxDurationS: 300 }),
        'azure-functions',
      ),
    ).toContain(
      "max-duration-s 300 exceeds Azure Functions' 230 s limit to answer an HTTP request",
    );
  });

  it('rules out every FaaS for long-lived connections, but not containers', () => {
    const ws = workload({ ...container, connections: 'long-lived' });
    expect(reasonsOn(ws, 'aws-lambda')).toContain(
      'connections long-lived (websockets, streams) cannot be held open by Lambda: each invocation ends when it returns',
    );
    for (const p of [
      'gcp-cloud-functions',
      'azure-functions',
      'cloudflare-workers',
    ] as const) {
      expect(
        reasonsOn(ws, p).some(r => r.startsWith('connections long-lived')),
      ).toBe(true);
    }
    expect(reasonsOn(ws, 'kubernetes')).toEqual([]);
    expect(alternative(ws, 'gcp-cloud-run').feasible).toBe(true);
  });

  it('rules out FaaS and scale-to-zero for in-memory state, keeping warm hybrids', () => {
    const stateful = workload({ ...container, state: 'in-memory' });
    expect(reasonsOn(stateful, 'aws-lambda')).toContain(
      'state in-memory is lost on Lambda: execution environments are recycled and not shared between requests',
    );
    expect(
      estimatePlatformCost(stateful, 'gcp-cloud-run', pb, {
        model: 'on-demand',
      }).infeasible,
    ).toContain(
      'state in-memory is lost when Cloud Run scales to zero (min instances 0)',
    );
    // The hybrid alternative falls back to its always-on model, which keeps state.
    const run = alternative(stateful, 'gcp-cloud-run');
    expect(run.feasible).toBe(true);
    expect(run.executionModel).toBe('always-on');
  });

  it('checks memory against each platform maximum', () => {
    const big = workload({ memoryMb: 12288 });
    expect(reasonsOn(big, 'aws-lambda')).toContain(
      "memory-mb 12,288 exceeds Lambda's 10,240 MB maximum",
    );
    expect(
      reasonsOn(workload({ memoryMb: 2048 }), 'azure-functions'),
    ).toContain(
      "memory-mb 2,048 exceeds the Azure Functions Consumption plan's 1,536 MB maximum",
    );
    expect(
      reasonsOn(workload({ memoryMb: 512 }), 'cloudflare-workers'),
    ).toContain("memory-mb 512 exceeds Cloudflare Workers' 128 MB maximum");
    expect(
      reasonsOn(workload({ memoryMb: 128 }), 'cloudflare-workers'),
    ).toEqual([]);
  });

  it('limits Workers to 5 minutes of CPU and to the runtimes it runs', () => {
    // 1,200 s at 50 % CPU is 600 s of CPU.
    const crunch = workload({
      platform: 'cloudflare-workers',
      memoryMb: 128,
      avgDurationMs: 1000,
      cpuMs: 500,
      maxDurationS: 1200,
    });
    expect(reasonsOn(crunch, 'cloudflare-workers')).toContain(
      "max-duration-s 1,200 at 50 % CPU (cpu-ms ÷ avg-duration-ms) is about 600 s of CPU, over Cloudflare Workers' 5-minute CPU limit",
    );
    expect(
      reasonsOn(
        workload({ memoryMb: 128, runtime: 'java' }),
        'cloudflare-workers',
      ),
    ).toContain(
      'runtime java does not run on Cloudflare Workers (JavaScript/TypeScript, Python, Rust via WebAssembly)',
    );
  });

  it('keeps a feasible workload feasible everywhere it fits', () => {
    const a = assessWorkload(
      'component:default/ok',
      parsed(workload({ memoryMb: 128, cpuMs: 5, avgDurationMs: 50 })),
      { priceBook: pb },
    )!;
    expect(a.alternatives.every(alt => alt.feasible)).toBe(true);
    expect(a.alternatives).toHaveLength(8);
    expect(a.posture.flags.filter(f => f.kind === 'feasibility')).toEqual([]);
  });

  it("reports the current platform's violations as critical posture flags", () => {
    const a = assessWorkload(
      'component:default/long',
      parsed(workload({ maxDurationS: 1200 })),
      { priceBook: pb },
    )!;
    // The flags write their messages on first read: compare them as the JSON they are sent as.
    expect(JSON.parse(JSON.stringify(a.posture.flags))).toContainEqual({
      kind: 'feasibility',
      severity: 'critical',
      message: "max-duration-s 1,200 exceeds Lambda's 900 s timeout",
    });
  });
});
