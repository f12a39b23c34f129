import { createPriceBook } from '../prices';
import type { WorkloadSettings } from '../model/settings';
import { assessWorkload } from './assess';
import { findBreakEven } from './breakEven';
import { estimatePlatformCost } from './options';
import { NONE_DEFAULTED } from './fields';
import { sizeCurrent } from './sizing';
import { parsed, workload } from './__fixtures__/workloads';

const pb = createPriceBook();

/** The workload with its monthly requests and peak scaled together to `requests`. */
function scaled(
  settings: WorkloadSettings,
  requests: number,
): WorkloadSettings {
  const factor = requests / settings.monthlyRequests;
  return {
    ...settings,
    monthlyRequests: requests,
    peakRps: settings.peakRps * factor,
  };
}

function checkCrossing(settings: WorkloadSettings) {
  const assessment = assessWorkload('component:default/svc', parsed(settings), {
    priceBook: pb,
  })!;
  const be = assessment.breakEven;
  expect(be.status).toBe('crosses');
  const against = assessment.alternatives.find(a => a.platform === be.against)!;
  const at = scaled(settings, be.monthlyRequests!);
  const current = estimatePlatformCost(at, settings.platform, pb).monthlyCost
    .expected;
  const alternative = estimatePlatformCost(at, be.against!, pb, {
    model: against.executionModel,
  }).monthlyCost.expected;
  // Both platforms cost the same at the reported volume (within 0.5 %).
  expect(Math.abs(current - alternative)).toBeLessThanOrEqual(
    0.005 * Math.max(current, alternative),
  );
  // And the side named cheaper below the point is cheaper at half of it, the other at twice it.
  const half = scaled(settings, be.monthlyRequests! / 2);
  const below =
    estimatePlatformCost(half, settings.platform, pb).monthlyCost.expected -
    estimatePlatformCost(half, be.against!, pb, {
      model: against.executionModel,
    }).monthlyCost.expected;
  expect(be.cheaperBelow).toBe(below < 0 ? 'current' : 'alternative');
  expect(be.averageRps).toBeCloseTo(be.monthlyRequests! / 2_628_000, 9);
  return be;
}

describe('break-even', () => {
  it('finds where a Lambda function and the best always-on alternative cost the same', () => {
    const be = checkCrossing(
      workload({
        monthlyRequests: 2e6,
        avgDurationMs: 120,
        cpuMs: 30,
        memoryMb: 1024,
        maxInstances: 100000,
      }),
    );
    expect(be.cheaperBelow).toBe('current');
    expect(be.message).toMatch(
      /^Lambda and .+ cost the same, about \$[\d,.]+ a month, at .+ requests\/month/,
    );
  });

  it('finds the crossing from the always-on side', () => {
    const be = checkCrossing(
      workload({
        executionModel: 'always-on',
        platform: 'aws-fargate',
        monthlyRequests: 500e6,
        avgDurationMs: 50,
        cpuMs: 20,
        vcpu: 1,
        memoryMb: 2048,
        instances: 2,
        maxInstances: 100000,
        runtime: 'go',
      }),
    );
    // Below the crossing the on-demand alternative is cheaper: it has no always-on floor.
    expect(be.cheaperBelow).toBe('alternative');
  });

  it('reports no crossing when one side is cheaper at every volume', () => {
    const settings = workload({ architecture: 'arm64', memoryMb: 1024 });
    const arm = sizeCurrent(settings, {
      priceBook: pb,
      defaulted: NONE_DEFAULTED,
      frontDoor: 'none',
    });
    const x86 = sizeCurrent(
      { ...settings, architecture: 'x86_64' },
      { priceBook: pb, defaulted: NONE_DEFAULTED, frontDoor: 'none' },
    );
    const be = findBreakEven(arm, x86, pb);
    expect(be.status).toBe('no-crossing');
    expect(be.cheaperBelow).toBe('current');
    expect(be.monthlyRequests).toBeUndefined();
    expect(be.message).toBe(
      'Lambda stays cheaper than Lambda at every volume from 1k to 100B requests/month: they do not cross.',
    );
  });

  it('is not applicable without a feasible alternative', () => {
    expect(
      findBreakEven(
        sizeCurrent(workload(), {
          priceBook: pb,
          defaulted: NONE_DEFAULTED,
          frontDoor: 'none',
        }),
        undefined,
        pb,
      ).status,
    ).toBe('not-applicable');
  });

  it('searches from the bottom of the range for a nearly idle function', () => {
    const be = checkCrossing(
      workload({ monthlyRequests: 10, maxInstances: 100000 }),
    );
    expect(be.monthlyRequests).toBeGreaterThan(1e3);
  });

  it('still answers for a function with no traffic at all', () => {
    const idle = assessWorkload(
      'component:default/idle',
      parsed(workload({ monthlyRequests: 0, peakRps: 0 })),
      { priceBook: pb },
    )!;
    expect(idle.breakEven.status).toBe('crosses');
    expect(idle.breakEven.cheaperBelow).toBe('current');
  });
});
