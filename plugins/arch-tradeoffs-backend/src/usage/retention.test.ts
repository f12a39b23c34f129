import { cutToRetention, parsePromDuration } from './UsageMeter';

const DAY = 86_400_000;

describe('the measurement window and the server’s retention', () => {
  it('reads Prometheus durations', () => {
    expect(parsePromDuration('15d')).toBe(15 * DAY);
    expect(parsePromDuration('1d12h')).toBe(1.5 * DAY);
    expect(parsePromDuration('90m')).toBe(90 * 60_000);
    expect(parsePromDuration('10GiB')).toBeUndefined();
    expect(parsePromDuration('15 days')).toBeUndefined();
  });

  it('cuts the window to a shorter retention and says so; a size-only retention leaves it', () => {
    expect(cutToRetention(30 * DAY, '15d')).toEqual({ ms: 15 * DAY, note: "cut to the server's retention (15d)" });
    expect(cutToRetention(30 * DAY, '10d or 5GiB')).toEqual({ ms: 10 * DAY, note: "cut to the server's retention (10d or 5GiB)" });
    expect(cutToRetention(30 * DAY, '3650d')).toEqual({ ms: 30 * DAY });
    expect(cutToRetention(30 * DAY, '10GiB')).toEqual({ ms: 30 * DAY });
    expect(cutToRetention(30 * DAY, undefined)).toEqual({ ms: 30 * DAY });
  });
});
