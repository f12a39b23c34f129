import {
  createPriceBook,
  parseArchAnnotations,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  HOT_LAMBDA,
  realAssessment,
} from '../EntityAssessment/__testUtils__/fixtures';
import { costCurves, SAMPLES } from './costCurves';

describe('costCurves', () => {
  const parsed = parseArchAnnotations(HOT_LAMBDA);
  const assessment = realAssessment('payment-status-service', HOT_LAMBDA);
  const curves = costCurves(parsed, assessment, createPriceBook());

  it('samples four decades around today against the break-even counterpart', () => {
    expect(curves.points).toHaveLength(SAMPLES);
    expect(curves.points[0].requests).toBeCloseTo(3e6, -3);
    expect(curves.points[SAMPLES - 1].requests).toBeCloseTo(3e10, -7);
    expect(curves.against).toBe(assessment.breakEven.against);
  });

  it('crosses where the engine’s break-even says', () => {
    expect(assessment.breakEven.status).toBe('crosses');
    const at = assessment.breakEven.monthlyRequests!;
    const i = curves.points.findIndex(p => p.requests > at);
    const below = curves.points[i - 1];
    const above = curves.points[i];
    const sign = (p: typeof below) => Math.sign(p.current - p.alternative!);
    expect(sign(below)).not.toBe(sign(above));
  });
});
