import fc from 'fast-check';
import type { SettingField } from '../model/settings';
import { createPriceBook } from '../prices';
import { assessFigures, assessWorkload, cheapestOnProviderOf } from './assess';
import type { FrontDoor } from './types';
import { settingsArb } from './__testUtils__/arbitraries';
import { parsed } from './__fixtures__/workloads';

const priceBook = createPriceBook();

/** A workload as the parser gives it, some inputs defaulted, with what the backend may pass besides. */
const caseArb = fc.record({
  settings: settingsArb,
  defaulted: fc.subarray<SettingField>([
    'monthlyRequests',
    'avgDurationMs',
    'cpuMs',
    'memoryMb',
    'vcpu',
    'instances',
    'peakRps',
    'trafficPattern',
    'maxInstances',
  ]),
  frontDoor: fc.constantFrom<FrontDoor>('none', 'api-gateway-rest', 'api-gateway-http', 'alb'),
  relations: fc.record({
    dependsOn: fc.integer({ min: 0, max: 20 }),
    providesApis: fc.integer({ min: 0, max: 5 }),
  }),
});

/**
 * Where `value` is not plain data: an object that is not a plain object or array, a getter, a
 * function, or a value that is not frozen. Empty when it is plain, frozen data all the way down.
 */
function notPlain(value: unknown, path = '$'): string[] {
  if (typeof value === 'function') return [`${path} is a function`];
  if (value === null || typeof value !== 'object') return [];
  const problems: string[] = [];
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype)
    problems.push(`${path} is an instance of ${proto?.constructor?.name}`);
  if (!Object.isFrozen(value)) problems.push(`${path} is not frozen`);
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if (!('value' in descriptor)) problems.push(`${path}.${key} is an accessor`);
    else problems.push(...notPlain(descriptor.value, `${path}.${key}`));
  }
  return problems;
}

/** Every key path in `value`, those holding undefined included. */
function paths(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [path];
  return Object.keys(value).flatMap(key =>
    paths((value as Record<string, unknown>)[key], `${path}.${key}`),
  );
}

describe('the engine returns plain, frozen data', () => {
  it('an assessment: every field is an own data property, seen by spread, keys, clone and JSON', () => {
    fc.assert(
      fc.property(caseArb, ({ settings, defaulted, frontDoor, relations }) => {
        const a = assessWorkload('component:default/w', parsed(settings, defaulted), {
          priceBook,
          frontDoor,
          relations,
        })!;
        expect(notPlain(a)).toEqual([]);
        expect(Object.keys(a)).toEqual([
          'entityRef',
          'executionModel',
          'platform',
          'settings',
          'monthlyCost',
          'alternatives',
          'breakEven',
          'posture',
          'assumptions',
          'diagnostics',
          'suggestion',
          'confidence',
        ]);
        expect({ ...a }).toStrictEqual(a);
        expect({ ...a.monthlyCost, currency: 'EUR' }).toMatchObject({
          low: a.monthlyCost.low,
          high: a.monthlyCost.high,
          breakdown: a.monthlyCost.breakdown,
        });
        for (const alternative of a.alternatives)
          expect(Object.keys(alternative)).toEqual(
            expect.arrayContaining(['platform', 'executionModel', 'feasible', 'infeasible', 'notes']),
          );
        // structuredClone keeps every field (it drops accessors and class fields); its objects come
        // from another realm under Jest, so they are compared by value and by key paths.
        const clone = structuredClone(a);
        expect(clone).toEqual(a);
        expect(paths(clone)).toEqual(paths(a));
        // JSON drops the optional figures that are undefined, and nothing else.
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('the stored figures agree with the full assessment', () => {
    fc.assert(
      fc.property(caseArb, ({ settings, defaulted, frontDoor, relations }) => {
        const input = parsed(settings, defaulted);
        const options = { priceBook, frontDoor, relations };
        const a = assessWorkload('component:default/w', input, options)!;
        const figures = assessFigures('component:default/w', input, options)!;
        expect(notPlain(figures)).toEqual([]);
        expect(figures).toStrictEqual({
          entityRef: a.entityRef,
          executionModel: a.executionModel,
          platform: a.platform,
          monthlyCost: a.monthlyCost.expected,
          cheapestOnProvider: cheapestOnProviderOf(a),
          posture: a.posture,
          suggestion: a.suggestion,
          confidence: a.confidence,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the caller’s parsed settings as they were: not frozen, not shared', () => {
    const input = parsed(fc.sample(settingsArb, { numRuns: 1, seed: 11 })[0], ['cpuMs']);
    const a = assessWorkload('component:default/w', input, { priceBook })!;
    expect(Object.isFrozen(input.settings)).toBe(false);
    expect(Object.isFrozen(input.assumptions[0])).toBe(false);
    expect(a.settings).toEqual(input.settings);
    expect(a.settings).not.toBe(input.settings);
  });

  it('the same input gives equal results, and one result cannot change another', () => {
    const input = parsed(fc.sample(settingsArb, { numRuns: 1, seed: 7 })[0]);
    const first = assessWorkload('component:default/w', input, { priceBook })!;
    const second = assessWorkload('component:default/w', input, { priceBook })!;
    expect(second).toStrictEqual(first);
    expect(() => {
      (first.monthlyCost as { expected: number }).expected = 0;
    }).toThrow(TypeError);
    expect(second.monthlyCost.expected).toBe(first.monthlyCost.expected);
  });
});
