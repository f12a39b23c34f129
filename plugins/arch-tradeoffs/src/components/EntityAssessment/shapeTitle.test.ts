import { MAX_DAILY_SWING } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { shapeTitle } from './TrafficShapeChart';

describe('shapeTitle', () => {
  const shape = { hourlyRps: new Array(24).fill(1), peakToMean: 8.24, idleShare: 0.875 };

  it('gives the figures behind the pattern', () => {
    expect(shapeTitle({ ...shape, pattern: 'diurnal', dailySwing: 4.2 })).toBe(
      'Diurnal: busiest hour 4.2× the quietest; busiest 5 minutes 8.2× the mean; 88 % of hours idle',
    );
  });

  it('says "or more" at the capped swing of an idle quietest hour', () => {
    expect(shapeTitle({ ...shape, pattern: 'batch', dailySwing: MAX_DAILY_SWING })).toBe(
      'Batch: busiest hour 100× the quietest or more; busiest 5 minutes 8.2× the mean; 88 % of hours idle',
    );
  });
});
