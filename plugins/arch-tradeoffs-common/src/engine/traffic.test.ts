import fc from 'fast-check';
import { TRAFFIC_PATTERNS, type SettingField } from '../model/settings';
import { buildProfile, scenarioFactors, trafficProfile } from './traffic';
import { NONE_DEFAULTED } from './fields';

describe('traffic profiles', () => {
  it('have mean 1, the requested peak, and no negative hour', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRAFFIC_PATTERNS),
        fc.double({ min: 1, max: 24, noNaN: true }),
        (pattern, ratio) => {
          const hours = buildProfile(pattern, ratio);
          expect(hours).toHaveLength(24);
          const mean = hours.reduce((a, b) => a + b, 0) / 24;
          expect(mean).toBeCloseTo(1, 9);
          expect(Math.max(...hours)).toBeCloseTo(ratio, 9);
          expect(Math.min(...hours)).toBeGreaterThanOrEqual(0);
          const grouped = trafficProfile(pattern, ratio);
          expect(grouped.hours.reduce((a, b) => a + b, 0)).toBe(24);
          expect(
            grouped.weights.reduce(
              (sum, w, i) => sum + w * grouped.hours[i],
              0,
            ) / 24,
          ).toBeCloseTo(1, 9);
          expect(grouped.max).toBeCloseTo(ratio, 9);
        },
      ),
    );
  });

  it('caps the busiest hour at 24× the mean (all traffic in one hour)', () => {
    expect(Math.max(...buildProfile('spiky', 100))).toBeCloseTo(24, 9);
    expect(buildProfile('steady', 0.5)).toEqual(new Array(24).fill(1));
  });

  it('groups equal hours so the estimators loop over few weights', () => {
    expect(trafficProfile('steady', 1).weights).toEqual([1]);
    expect(trafficProfile('batch', 8).weights).toHaveLength(2);
    expect(trafficProfile('diurnal', 3).weights.length).toBeLessThanOrEqual(13);
  });
});

describe('scenario factors', () => {
  it('widen with the traffic pattern and with defaulted inputs', () => {
    const stated = scenarioFactors('steady', NONE_DEFAULTED);
    expect(stated.low).toEqual({
      traffic: 0.85,
      duration: 1,
      cpu: 1,
      size: 1,
      instances: 1,
    });
    expect(stated.high).toEqual({
      traffic: 1.15,
      duration: 1,
      cpu: 1,
      size: 1,
      instances: 1,
    });
    const guessed = scenarioFactors(
      'spiky',
      new Set<SettingField>(['monthlyRequests', 'avgDurationMs', 'memoryMb']),
      ['memoryMb'],
    );
    expect(guessed.low.traffic).toBeCloseTo(0.6 * 0.25, 12);
    expect(guessed.high.traffic).toBeCloseTo(1.6 * 4, 12);
    expect(guessed.low.duration).toBe(0.5);
    expect(guessed.high.size).toBe(2);
  });
});
