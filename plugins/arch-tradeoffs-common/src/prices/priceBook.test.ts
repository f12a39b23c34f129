import { EC2_INSTANCE_SHAPES } from '../model/platforms';
import { PLATFORMS } from '../model/settings';
import { EC2_INSTANCE_TYPES, PRICE_CATALOG } from './catalog';
import { createPriceBook } from './priceBook';

describe('PRICE_CATALOG', () => {
  it('gives every number a source, a date and a confidence tag', () => {
    for (const [key, entry] of Object.entries(PRICE_CATALOG)) {
      expect({
        key,
        ok: Number.isFinite(entry.value) && entry.value > 0,
      }).toEqual({ key, ok: true });
      expect(entry.source.length).toBeGreaterThan(10);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(['V', 'S', 'D', 'U']).toContain(entry.confidence);
      expect(['price', 'quantity']).toContain(entry.kind);
    }
  });

  it('prices all nine platforms', () => {
    const prefixes = new Set(
      Object.keys(PRICE_CATALOG).map(k => k.split('.')[0]),
    );
    // Kubernetes nodes are EC2 prices plus the EKS fee; Cloud Run functions are priced as Cloud Run.
    const pricedAs: Record<string, string> = {
      'gcp-cloud-functions': 'gcp-cloud-run',
      kubernetes: 'aws-eks',
    };
    const expected = PLATFORMS.map(p => pricedAs[p] ?? p);
    for (const prefix of expected) expect(prefixes).toContain(prefix);
  });

  it('has a price for every EC2 shape the parser knows', () => {
    expect(EC2_INSTANCE_TYPES.map(t => t.name).sort()).toEqual(
      Object.keys(EC2_INSTANCE_SHAPES).sort(),
    );
    for (const name of [
      't4g.small',
      't3.medium',
      'm6i.large',
      'm7g.large',
      'c7g.large',
    ]) {
      expect(EC2_INSTANCE_TYPES.find(t => t.name === name)).toBeDefined();
    }
  });

  it('matches the reference list prices', () => {
    expect(PRICE_CATALOG['aws-lambda.request'].value).toBe(0.0000002);
    expect(PRICE_CATALOG['aws-lambda.duration.tier1.x86_64'].value).toBe(
      0.0000166667,
    );
    expect(PRICE_CATALOG['aws-fargate.vcpu-hour.x86_64'].value).toBe(0.04048);
    expect(PRICE_CATALOG['aws-ec2.m7g.large'].value).toBe(0.0816);
    expect(PRICE_CATALOG['gcp-cloud-run.instance-cpu-second'].value).toBe(
      0.000018,
    );
    expect(PRICE_CATALOG['cloudflare-workers.monthly-base'].value).toBe(5);
  });
});

describe('createPriceBook', () => {
  it('resolves list prices in USD by default', () => {
    const pb = createPriceBook();
    expect(pb.currency).toBe('USD');
    expect(pb.value('aws-lambda.request')).toBe(0.0000002);
    expect(pb.rates.ec2['m6i.large']).toBe(0.096);
    // Kubernetes node capacity derived from m6i.large: $0.096 ÷ 2 vCPU, ÷ 8 GiB.
    expect(pb.rates.kubernetes.x86_64.vcpuHour).toBeCloseTo(0.048, 12);
    expect(pb.rates.kubernetes.x86_64.gibHour).toBeCloseTo(0.012, 12);
    // m7g.large: $0.0816 ÷ 2 = $0.0408 per vCPU-hour (cloud-economics.md §4.2a)
    expect(pb.rates.kubernetes.arm64.vcpuHour).toBeCloseTo(0.0408, 12);
    expect(pb.unitText('aws-lambda.request')).toBe('$0.20/1M');
    expect(pb.money(1234.5)).toBe('$1,234.50');
  });

  it('applies overrides, then the discount, then the currency, to prices only', () => {
    const pb = createPriceBook({
      overrides: {
        'aws-lambda.request': 0.0000001,
        'aws-lambda.tier1-size.x86_64': 1e9,
      },
      discountPercent: 20,
      currency: { code: 'GBP', rate: 0.5 },
    });
    // $0.10/1M × 0.8 × 0.5 = £0.04/1M
    expect(pb.value('aws-lambda.request')).toBeCloseTo(0.00000004, 15);
    // Quantities are neither discounted nor converted.
    expect(pb.value('aws-lambda.tier1-size.x86_64')).toBe(1e9);
    expect(pb.value('cloudflare-workers.included-requests')).toBe(10_000_000);
    expect(pb.entry('aws-lambda.request')).toMatchObject({
      overridden: true,
      value: 0.0000002,
    });
    expect(pb.money(3)).toBe('£3.00');
  });

  it('rejects an unknown override key with a clear message', () => {
    expect(() =>
      createPriceBook({ overrides: { 'aws-lambda.requests': 1 } }),
    ).toThrow(
      /Unknown price override key "aws-lambda.requests".*aws-lambda.request/,
    );
  });

  it('rejects invalid numbers and options', () => {
    expect(() =>
      createPriceBook({ overrides: { 'aws-lambda.request': -1 } }),
    ).toThrow(/aws-lambda.request/);
    expect(() =>
      createPriceBook({ overrides: { 'aws-lambda.request': NaN } }),
    ).toThrow(/finite/);
    expect(() =>
      createPriceBook({ overrides: { 'kubernetes.services-per-cluster': 0 } }),
    ).toThrow(/at least 1/);
    expect(() => createPriceBook({ discountPercent: 100 })).toThrow(
      /discountPercent/,
    );
    expect(() => createPriceBook({ discountPercent: -5 })).toThrow(
      /discountPercent/,
    );
    expect(() =>
      createPriceBook({ currency: { code: 'euro', rate: 1 } }),
    ).toThrow(/currency.code/);
    expect(() =>
      createPriceBook({ currency: { code: 'EUR', rate: 0 } }),
    ).toThrow(/currency.rate/);
  });

  it('throws on an unknown key lookup', () => {
    expect(() => createPriceBook().value('nope')).toThrow(/Unknown price key/);
    expect(createPriceBook().entry('nope')).toBeUndefined();
  });
});
