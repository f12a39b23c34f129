import type { WorkloadSettings } from '../model/settings';
import { createPriceBook } from '../prices';
import { assessWorkload } from './assess';
import { estimatePlatformCost } from './options';
import { parsed, workload } from './__fixtures__/workloads';

/**
 * An assessment's alternatives are priced when first read (options.ts). Read in any order, or only in
 * part, they must give what pricing each platform on its own gives.
 */

const pb = createPriceBook();

const WORKLOADS: Array<[string, WorkloadSettings]> = [
  ['a busy Lambda', workload({ monthlyRequests: 2e9, cpuMs: 30 })],
  [
    'an idle Fargate service',
    workload({
      executionModel: 'always-on',
      platform: 'aws-fargate',
      monthlyRequests: 200_000,
      instances: 2,
      maxInstances: 10,
      vcpu: 0.5,
      memoryMb: 1024,
      runtime: 'container',
    }),
  ],
  [
    'a Cloud Run service scaled to zero',
    workload({
      executionModel: 'on-demand',
      platform: 'gcp-cloud-run',
      monthlyRequests: 5e7,
      avgDurationMs: 400,
      cpuMs: 40,
      runtime: 'container',
    }),
  ],
  [
    'a 20-minute job on Azure Functions',
    workload({
      platform: 'azure-functions',
      monthlyRequests: 3000,
      avgDurationMs: 1_200_000,
      cpuMs: 600_000,
      maxDurationS: 1500,
    }),
  ],
];

const assess = (settings: WorkloadSettings) =>
  assessWorkload('component:default/svc', parsed(settings), {
    priceBook: pb,
  })!;

describe('alternatives priced on first read', () => {
  it.each(WORKLOADS)(
    'match each platform priced on its own, for %s',
    (_, settings) => {
      const a = assess(settings);
      // Last platform first, so no alternative is read in the order it was made.
      for (const alternative of [...a.alternatives].reverse()) {
        const alone = estimatePlatformCost(settings, alternative.platform, pb, {
          model: alternative.executionModel,
        });
        const cost = alternative.monthlyCost;
        // A hybrid platform shows its cheaper feasible model, as pricing it alone picks.
        const seen = alternative.feasible
          ? {
              model: alternative.executionModel,
              low: cost!.low,
              expected: cost!.expected,
              high: cost!.high,
              breakdown: cost!.breakdown,
              notes: alternative.notes,
            }
          : { infeasible: alternative.infeasible };
        const priced = alone.monthlyCost;
        const expected = alone.feasible
          ? {
              model: estimatePlatformCost(settings, alternative.platform, pb)
                .executionModel,
              low: priced.low,
              expected: priced.expected,
              high: priced.high,
              breakdown: priced.breakdown,
              notes: alone.notes,
            }
          : { infeasible: alone.infeasible };
        expect(seen).toEqual(expected);
      }
    },
  );

  it.each(WORKLOADS)(
    'serialise the same whatever was read before, for %s',
    (_, settings) => {
      const untouched = JSON.stringify(assess(settings));
      const partlyRead = assess(settings);
      // Read some parts out of order before serialising: the break-even, then one alternative.
      expect(partlyRead.breakEven.status).toBeDefined();
      expect(partlyRead.alternatives[5].feasible).toBeDefined();
      expect(JSON.stringify(partlyRead)).toBe(untouched);
    },
  );
});
