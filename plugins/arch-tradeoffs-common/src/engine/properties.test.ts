import fc from 'fast-check';
import { ANNOTATIONS } from '../annotations';
import { PLATFORM_EXECUTION_MODEL } from '../model/platforms';
import {
  PLATFORMS,
  RUNTIMES,
  TRAFFIC_PATTERNS,
  WorkloadSettings,
} from '../model/settings';
import { parseArchAnnotations } from '../parse/parseAnnotations';
import { createPriceBook } from '../prices';
import { createAssessor } from './assess';
import { estimatePlatformCost } from './options';
import { parsed, MONTH_S } from './__fixtures__/workloads';
import { settingsArb } from './__testUtils__/arbitraries';

const pb = createPriceBook();
const assess = createAssessor({ priceBook: pb });

function scaled(settings: WorkloadSettings, factor: number): WorkloadSettings {
  return {
    ...settings,
    monthlyRequests: settings.monthlyRequests * factor,
    peakRps: settings.peakRps * factor,
  };
}

/** Every number in a JSON-able value, with its path. */
function numbersIn(
  value: unknown,
  path = '$',
  out: Array<[string, number]> = [],
): Array<[string, number]> {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value))
    value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      numbersIn(v, `${path}.${k}`, out);
  }
  return out;
}

/** Every number in the assessment (own properties and its JSON form) is finite. */
function expectAllFinite(value: unknown) {
  const json = JSON.parse(JSON.stringify(value));
  for (const [path, n] of numbersIn(value).concat(numbersIn(json))) {
    expect({ path, finite: Number.isFinite(n) }).toEqual({
      path,
      finite: true,
    });
  }
  // JSON turns NaN and Infinity into null: no number field may come back as null.
  const nulls: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (v === null && path !== '$.suggestion') nulls.push(path);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(json, '$');
  expect(nulls.filter(p => !p.endsWith('.headroom'))).toEqual([]);
}

describe('cost properties', () => {
  it('costs are finite, non-negative and ordered low ≤ expected ≤ high on every platform', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.constantFrom(...PLATFORMS),
        (settings, platform) => {
          const { monthlyCost: c } = estimatePlatformCost(
            settings,
            platform,
            pb,
          );
          for (const x of [c.low, c.expected, c.high]) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
          }
          expect(c.low).toBeLessThanOrEqual(c.expected);
          expect(c.expected).toBeLessThanOrEqual(c.high);
          for (const line of c.breakdown) {
            expect(Number.isFinite(line.amount) && line.amount >= 0).toBe(true);
            expect(typeof line.detail).toBe('string');
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('costs never decrease when traffic grows, on the own platform and every alternative', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.constantFrom(...PLATFORMS),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (settings, platform, factor) => {
          const before = estimatePlatformCost(settings, platform, pb)
            .monthlyCost.expected;
          const after = estimatePlatformCost(
            scaled(settings, factor),
            platform,
            pb,
          ).monthlyCost.expected;
          expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-9) - 1e-9);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('assessments never throw and contain no NaN or Infinity; costs are never negative', () => {
    fc.assert(
      fc.property(settingsArb, fc.boolean(), (settings, defaulted) => {
        const a = assess(
          'component:default/prop',
          parsed(
            settings,
            defaulted ? ['monthlyRequests', 'cpuMs', 'memoryMb'] : [],
          ),
        )!;
        expect(a).not.toBeNull();
        expectAllFinite(a);
        for (const alt of a.alternatives) {
          expect(alt.monthlyCost?.low ?? 0).toBeGreaterThanOrEqual(0);
          expect(alt.feasible).toBe(alt.infeasible.length === 0);
          expect(alt.monthlyCost !== undefined).toBe(alt.feasible);
        }
        // A crossing lies inside the searched range.
        const crossing = a.breakEven.monthlyRequests ?? 1e6;
        expect(crossing).toBeGreaterThanOrEqual(1e3 * (1 - 1e-9));
        expect(crossing).toBeLessThanOrEqual(1e11 * (1 + 1e-9));
        expect(a.breakEven.monthlyRequests !== undefined).toBe(
          a.breakEven.status === 'crosses',
        );
        const savings = a.suggestion?.monthlySavings ?? {
          low: 0,
          expected: 0,
          high: 0,
        };
        expect(savings.low).toBeLessThanOrEqual(savings.expected);
        expect(savings.expected).toBeLessThanOrEqual(savings.high);
        expect(a.suggestion?.reasons.length ?? 1).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('handles the extremes named in the brief', () => {
    const extremes: Partial<WorkloadSettings>[] = [
      { monthlyRequests: 0, peakRps: 0 },
      { monthlyRequests: 1e12, peakRps: 1e12 / MONTH_S },
      { avgDurationMs: 1, cpuMs: 1 },
      { vcpu: 0.0625, memoryMb: 1 },
      { avgDurationMs: 86_400_000, cpuMs: 0, maxDurationS: 604_800 },
    ];
    for (const platform of PLATFORMS) {
      for (const extreme of extremes) {
        const settings: WorkloadSettings = {
          executionModel: PLATFORM_EXECUTION_MODEL[platform] ?? 'on-demand',
          platform,
          monthlyRequests: 1e6,
          avgDurationMs: 100,
          cpuMs: 100,
          memoryMb: 512,
          vcpu: 1,
          architecture: 'x86_64',
          instances: PLATFORM_EXECUTION_MODEL[platform] === 'always-on' ? 2 : 0,
          maxInstances: 10,
          ...(platform === 'aws-ec2'
            ? { instanceType: 'm6i.large', memoryMb: 8192, vcpu: 2 }
            : {}),
          trafficPattern: 'diurnal',
          peakRps: 1,
          maxDurationS: 10,
          runtime: 'nodejs',
          connections: 'request-response',
          state: 'stateless',
          ...extreme,
        };
        const a = assess('component:default/extreme', parsed(settings))!;
        expectAllFinite(a);
        expect(a.monthlyCost.expected).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('parser + engine on arbitrary annotations', () => {
  const keys = Object.values(ANNOTATIONS);
  const value = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '0',
      '-1',
      '1e308',
      'NaN',
      'Infinity',
      '1e-300',
      '  42 ',
      '0x10',
      '1,000',
      '',
    ),
    fc.double().map(String),
    fc.constantFrom(
      ...PLATFORMS,
      ...RUNTIMES,
      ...TRAFFIC_PATTERNS,
      'serverless',
      'microservice',
      'always-on',
      'on-demand',
    ),
  );

  it('never throws and never yields NaN, whatever the strings', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...keys, 'arch-tradeoffs.io/unknown'),
          value,
        ),
        annotations => {
          const p = parseArchAnnotations(annotations);
          const a = assess('component:default/fuzz', p);
          expect(a === null).toBe(!p.assessable);
          if (!a) return;
          expect(a.monthlyCost.expected).toBeGreaterThanOrEqual(0);
          // The parser's assumptions all reach the assessment.
          for (const assumption of p.assumptions)
            expect(a.assumptions).toContainEqual(assumption);
        },
      ),
      { numRuns: 400 },
    );
  });
});
