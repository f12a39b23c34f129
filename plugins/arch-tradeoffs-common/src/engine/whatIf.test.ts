import { ANNOTATIONS } from '../annotations';
import { parseArchAnnotations } from '../parse/parseAnnotations';
import { createPriceBook } from '../prices';
import { assessWorkload } from './assess';
import { costCurves, CURVE_SAMPLES, estimateWhatIf } from './whatIf';

const priceBook = createPriceBook();
const A = ANNOTATIONS;

/** A busy Lambda function: on-demand billing costs more than an always-on fleet would. */
const HOT_LAMBDA: Record<string, string> = {
  [A.executionModel]: 'on-demand',
  [A.platform]: 'aws-lambda',
  [A.monthlyRequests]: '300000000',
  [A.avgDurationMs]: '120',
  [A.cpuMs]: '15',
  [A.memoryMb]: '1024',
  [A.trafficPattern]: 'steady',
  [A.peakRps]: '150',
};

describe('estimateWhatIf', () => {
  it('assesses the annotations as the parser and the engine do', () => {
    const { parsed, assessment } = estimateWhatIf(
      { entityRef: 'component:default/hot', annotations: HOT_LAMBDA },
      { priceBook },
    );
    expect(parsed).toEqual(parseArchAnnotations(HOT_LAMBDA));
    expect(assessment).toEqual(
      assessWorkload('component:default/hot', parsed, { priceBook }),
    );
  });

  it('reads other plugins’ annotations with the inference rules, configured ones first', () => {
    const annotations = { 'backstage.io/kubernetes-id': 'orders', [A.monthlyRequests]: '1000000' };
    const builtIn = estimateWhatIf({ annotations }, { priceBook });
    expect(builtIn.assessment?.platform).toBe('kubernetes');
    const configured = estimateWhatIf(
      { annotations: { ...annotations, 'acme.io/runtime': 'cloud-run' } },
      {
        priceBook,
        inference: {
          rules: [{ annotation: 'acme.io/runtime', platform: 'gcp-cloud-run' }],
          notApplicableTypes: [],
        },
      },
    );
    expect(configured.assessment?.platform).toBe('gcp-cloud-run');
  });

  it('applies the configured defaults, and gives no assessment without a model or platform', () => {
    const { parsed } = estimateWhatIf(
      { annotations: { [A.executionModel]: 'always-on' } },
      { priceBook, defaults: { platform: 'aws-fargate', instances: 3 } },
    );
    expect(parsed.settings).toMatchObject({ platform: 'aws-fargate', instances: 3 });
    expect(estimateWhatIf({ annotations: {} }, { priceBook }).assessment).toBeNull();
  });
});

describe('costCurves', () => {
  const { parsed, assessment } = estimateWhatIf({ annotations: HOT_LAMBDA }, { priceBook });
  const curves = costCurves(parsed, assessment!, priceBook);

  it('samples four decades around today against the break-even counterpart', () => {
    expect(curves.points).toHaveLength(CURVE_SAMPLES);
    expect(curves.points[0].requests).toBeCloseTo(3e6, -3);
    expect(curves.points[CURVE_SAMPLES - 1].requests).toBeCloseTo(3e10, -7);
    expect(curves.against).toBe(assessment!.breakEven.against);
  });

  it('crosses where the engine’s break-even says', () => {
    expect(assessment!.breakEven.status).toBe('crosses');
    const at = assessment!.breakEven.monthlyRequests!;
    const i = curves.points.findIndex(p => p.requests > at);
    const sign = (p: (typeof curves.points)[number]) => Math.sign(p.current - p.alternative!);
    expect(sign(curves.points[i - 1])).not.toBe(sign(curves.points[i]));
  });
});
