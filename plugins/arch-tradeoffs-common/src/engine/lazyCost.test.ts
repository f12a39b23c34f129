import type { MonthlyCost } from '../model/assessment';
import type { Platform } from '../model/settings';
import { createPriceBook } from '../prices';
import { assessWorkload } from './assess';
import { costRange, estimatePlatformCost, LazyMonthlyCost } from './estimate';
import { FieldMask } from './fields';
import { sizeCurrent } from './sizing';
import { scenarioFactors } from './traffic';
import { parsed, workload } from './__fixtures__/workloads';

const pb = createPriceBook();

/** A monthly cost as it travels: JSON, line details included. */
function plain(cost: MonthlyCost): MonthlyCost {
  return JSON.parse(JSON.stringify(cost));
}

describe('LazyMonthlyCost', () => {
  const settings = workload({
    executionModel: 'always-on',
    platform: 'aws-fargate',
    vcpu: 1,
    memoryMb: 2048,
    instances: 2,
    trafficPattern: 'diurnal',
    peakRps: 50,
  });
  const defaulted = FieldMask.of(['monthlyRequests', 'cpuMs', 'vcpu']);
  const sized = sizeCurrent(settings, {
    priceBook: pb,
    defaulted,
    frontDoor: 'alb',
  });
  const range = scenarioFactors(settings.trafficPattern, defaulted);

  it('prices the same range and breakdown as costRange, on first read', () => {
    const lazy = new LazyMonthlyCost(sized, pb, range);
    const eager = costRange(sized, pb, range);
    expect(lazy.expected).toBe(eager.expected);
    expect(lazy.low).toBe(eager.low);
    expect(lazy.high).toBe(eager.high);
    expect(lazy.low).toBeLessThan(lazy.expected);
    expect(lazy.high).toBeGreaterThan(lazy.expected);
    expect(lazy.currency).toBe('USD');
    expect(plain(lazy)).toEqual(plain(eager));
    // Read once, kept: the same line objects on every read.
    expect(lazy.breakdown).toBe(lazy.breakdown);
  });

  it('keeps an expected cost the caller already priced, and accepts assigned figures', () => {
    const lazy = new LazyMonthlyCost(sized, pb, range, 123);
    expect(lazy.expected).toBe(123);
    lazy.low = 1;
    lazy.high = 1000;
    lazy.breakdown = [];
    expect(plain(lazy)).toEqual({
      low: 1,
      expected: 123,
      high: 1000,
      currency: 'USD',
      breakdown: [],
    });
  });
});

describe('alternatives priced on demand', () => {
  it('serialise to the same range and breakdown as pricing the platform directly', () => {
    const settings = workload({ monthlyRequests: 80e6, memoryMb: 1024 });
    const a = assessWorkload('component:default/fn', parsed(settings), {
      priceBook: pb,
    })!;
    const json = JSON.parse(JSON.stringify(a));
    let feasible = 0;
    for (const alternative of json.alternatives) {
      if (!alternative.feasible) continue;
      feasible++;
      const direct = estimatePlatformCost(
        settings,
        alternative.platform as Platform,
        pb,
        { model: alternative.executionModel },
      ).monthlyCost;
      expect(alternative.monthlyCost).toEqual(plain(direct));
      expect(alternative.monthlyCost.breakdown.length).toBeGreaterThan(0);
    }
    expect(feasible).toBeGreaterThan(4);
  });
});
