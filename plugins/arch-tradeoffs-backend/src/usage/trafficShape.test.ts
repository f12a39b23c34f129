import { classifyTraffic } from './trafficShape';

const hours = (f: (h: number) => number) => Array.from({ length: 24 }, (_, h) => f(h));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('classifyTraffic', () => {
  it('calls flat traffic steady', () => {
    const profile = hours(h => 10 + (h % 3));
    expect(classifyTraffic(profile, mean(profile), 14).pattern).toBe('steady');
  });

  it('calls a daily cycle diurnal, with the figures behind the call', () => {
    const profile = hours(h => 10 + 8 * Math.sin(((h - 8) / 24) * 2 * Math.PI));
    const shape = classifyTraffic(profile, mean(profile), 19);
    expect(shape).toMatchObject({ pattern: 'diurnal', idleShare: 0 });
    expect(shape.dailySwing).toBeGreaterThan(8);
    expect(shape.peakToMean).toBeCloseTo(1.9, 1);
  });

  it('calls short bursts far above even the busiest hour spiky', () => {
    const profile = hours(h => (h === 3 ? 14 : 10));
    expect(classifyTraffic(profile, mean(profile), 90).pattern).toBe('spiky');
    // The same peak during a busy part of the day is not a burst.
    const busyDay = hours(h => (h >= 9 && h < 12 ? 80 : 10));
    expect(classifyTraffic(busyDay, mean(busyDay), 90).pattern).toBe('diurnal');
  });

  it('calls work done in a few hours batch', () => {
    const profile = hours(h => (h >= 1 && h < 4 ? 50 : 0));
    const shape = classifyTraffic(profile, mean(profile), 60);
    expect(shape).toMatchObject({ pattern: 'batch', idleShare: 0.875, dailySwing: 100 });
  });

  it('returns plain, finite figures for no traffic at all', () => {
    const shape = classifyTraffic(hours(() => 0), 0, undefined);
    expect(JSON.parse(JSON.stringify(shape))).toEqual(shape);
    expect(shape.pattern).toBe('batch');
  });
});
