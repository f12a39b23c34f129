import { ANNOTATIONS } from '../annotations';
import { createPriceBook } from '../prices';
import { parseArchAnnotations } from '../parse/parseAnnotations';
import { assessWorkload, createAssessor } from './assess';
import { estimatePlatformCost } from './options';
import { applyFreeTiers } from './freeTiers';
import { parsed, workload } from './__fixtures__/workloads';

const A = ANNOTATIONS;

describe('assessWorkload', () => {
  it('returns null when there is nothing to assess', () => {
    expect(
      assessWorkload('component:default/x', parseArchAnnotations({})),
    ).toBeNull();
    expect(
      assessWorkload('component:default/x', {
        assessable: false,
        stated: [],
        measured: [],
        assumptions: [],
        diagnostics: [],
      }),
    ).toBeNull();
  });

  it('assesses a parsed entity end to end', () => {
    const p = parseArchAnnotations({
      [A.platform]: 'aws-lambda',
      [A.monthlyRequests]: '25000000',
      [A.avgDurationMs]: '120',
      [A.memoryMb]: '512',
    });
    const a = assessWorkload('component:default/orders', p)!;
    expect(a.entityRef).toBe('component:default/orders');
    expect(a.platform).toBe('aws-lambda');
    expect(a.executionModel).toBe('on-demand');
    // 25M × $0.20/1M + 25M × 0.12 s × 0.5 GB × $0.0000166667 = $5.00 + $25.00005
    expect(a.monthlyCost.expected).toBeCloseTo(30.00005, 6);
    expect(a.monthlyCost.low).toBeLessThanOrEqual(a.monthlyCost.expected);
    expect(a.monthlyCost.high).toBeGreaterThanOrEqual(a.monthlyCost.expected);
    expect(a.alternatives.map(x => x.platform)).not.toContain('aws-lambda');
    expect(a.alternatives).toHaveLength(8);
    // Every defaulted input is listed, with the value used.
    for (const assumption of p.assumptions)
      expect(a.assumptions).toContainEqual(assumption);
    expect(a.assumptions.find(x => x.field === 'cpuMs')).toMatchObject({
      value: 120,
    });
    expect(a.diagnostics).toEqual(p.diagnostics);
  });

  it("adds engine assumptions about the suggested target's sizing", () => {
    const idle = workload({
      executionModel: 'always-on',
      platform: 'aws-fargate',
      vcpu: 1,
      memoryMb: 2048,
      instances: 2,
      monthlyRequests: 200_000,
      avgDurationMs: 50,
      cpuMs: 20,
    });
    const a = assessWorkload('component:default/idle', parsed(idle))!;
    expect(a.suggestion?.targetModel).toBe('on-demand');
    expect(a.assumptions).toContainEqual(
      expect.objectContaining({ field: 'instances', value: 0 }),
    );
    expect(a.assumptions.every(x => x.reason.length > 0)).toBe(true);
  });

  it('documents how each alternative was sized', () => {
    const a = assessWorkload(
      'component:default/fn',
      parsed(workload({ memoryMb: 1024 })),
    )!;
    const fargate = a.alternatives.find(x => x.platform === 'aws-fargate')!;
    expect(fargate.notes[0]).toBe(
      'Sized at 0.5 vCPU / 1,024 MB per replica: 1,024 MB ÷ 1,769 MB per vCPU, nearest container size, ≥ 2 GB per vCPU',
    );
    expect(fargate.notes).toContain(
      'Minimum 2 replicas: high-availability floor of 2',
    );
    const json = JSON.parse(JSON.stringify(a));
    expect(
      json.alternatives.find(
        (x: { platform: string }) => x.platform === 'aws-fargate',
      ).notes,
    ).toEqual(fargate.notes);
    expect(json.monthlyCost.breakdown[0].detail).toBe(
      a.monthlyCost.breakdown[0].detail,
    );
  });

  it('lowers confidence with defaulted inputs', () => {
    const w = workload();
    expect(assessWorkload('c', parsed(w))!.confidence).toBe('high');
    expect(assessWorkload('c', parsed(w, ['avgDurationMs']))!.confidence).toBe(
      'medium',
    );
    expect(
      assessWorkload('c', parsed(w, ['monthlyRequests']))!.confidence,
    ).toBe('low');
  });

  it('uses pricing options and a prepared assessor', () => {
    const eur = assessWorkload('c', parsed(workload()), {
      pricing: { currency: { code: 'EUR', rate: 0.9 } },
    })!;
    expect(eur.monthlyCost.currency).toBe('EUR');
    expect(eur.monthlyCost.expected).toBeCloseTo(30.00005 * 0.9, 6);
    const assess = createAssessor({ pricing: { discountPercent: 50 } });
    expect(assess('c', parsed(workload()))!.monthlyCost.expected).toBeCloseTo(
      15.000025,
      6,
    );
    expect(() =>
      createAssessor({ pricing: { overrides: { nope: 1 } } }),
    ).toThrow(/Unknown price override key "nope"/);
  });
});

describe('applyFreeTiers', () => {
  it('applies each account-level allowance once across components', () => {
    const pb = createPriceBook();
    const fn = (ref: string) => ({
      entityRef: ref,
      settings: workload({
        monthlyRequests: 1e6,
        avgDurationMs: 100,
        memoryMb: 1024,
      }),
    });
    // Each function: 1M requests, 100,000 GB-s. Two of them: 2M requests, 200,000 GB-s.
    // Free: 1M requests × $0.20/1M = $0.20; 200,000 GB-s (all within 400,000) × $0.0000166667 = $3.33334
    const credit = applyFreeTiers([fn('a'), fn('b')], pb);
    expect(credit.total).toBeCloseTo(0.2 + 3.33334, 6);
    expect(credit.byEntity.a).toBeCloseTo(credit.total / 2, 9);
    expect(credit.byPlatform['aws-lambda']).toBeCloseTo(credit.total, 9);
    // The per-service estimate itself has no free tier: $0.20 + $1.66667
    expect(
      estimatePlatformCost(fn('a').settings, 'aws-lambda', pb).monthlyCost
        .expected,
    ).toBeCloseTo(1.86667, 5);
  });

  it('gives nothing to always-on platforms', () => {
    const credit = applyFreeTiers(
      [
        {
          entityRef: 'k',
          settings: workload({
            executionModel: 'always-on',
            platform: 'kubernetes',
            instances: 2,
          }),
        },
      ],
      createPriceBook(),
    );
    expect(credit.total).toBe(0);
  });
});
