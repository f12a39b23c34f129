import { ANNOTATIONS, isArchTradeoffsAvailable } from '../annotations';
import { parseArchAnnotations } from '../parse/parseAnnotations';
import {
  CatalogInference,
  DEFAULT_INFERENCE,
  inferenceAnnotations,
  inferFromCatalog,
  InferredPlatform,
} from './catalogInference';

const K8S_ID = 'backstage.io/kubernetes-id';
const K8S_SELECTOR = 'backstage.io/kubernetes-label-selector';
const LAMBDA = 'aws.com/lambda-function-name';
const ECS = 'aws.amazon.com/amazon-ecs-service-arn';
const ARN = 'arn:aws:ecs:us-east-1:123456789012:service/prod/checkout';

/** The inferred platform of an applicable component. */
function platformOf(inference: CatalogInference): InferredPlatform | undefined {
  if (!inference.applicable) throw new Error(`not applicable: ${inference.reason}`);
  return inference.platform;
}

/** Parse a component's own annotations with what its other annotations imply. */
function parseWith(annotations: Record<string, string>) {
  return parseArchAnnotations(annotations, { inferred: platformOf(inferFromCatalog({ annotations })) });
}

describe('inferFromCatalog', () => {
  it.each([
    [K8S_ID, 'checkout', 'kubernetes', 'always-on'],
    [K8S_SELECTOR, 'app=checkout', 'kubernetes', 'always-on'],
    [LAMBDA, 'checkout-webhook', 'aws-lambda', 'on-demand'],
    [ECS, ARN, 'aws-fargate', 'always-on'],
  ])('%s implies %s (%s)', (annotation, value, platform, executionModel) => {
    expect(platformOf(inferFromCatalog({ annotations: { [annotation]: value } }))).toMatchObject({
      platform,
      executionModel,
      annotation,
    });
  });

  it('says that an ECS service is only assumed to run on Fargate', () => {
    expect(platformOf(inferFromCatalog({ annotations: { [ECS]: ARN } }))?.note).toContain('EC2');
  });

  it('prefers the label selector to the id, as the Kubernetes plugin does, and ignores empty values', () => {
    expect(platformOf(inferFromCatalog({ annotations: { [K8S_ID]: 'a', [K8S_SELECTOR]: 'app=a' } }))?.annotation).toBe(K8S_SELECTOR);
    expect(platformOf(inferFromCatalog({ annotations: { [LAMBDA]: '  ' } }))).toBeUndefined();
  });

  it('calls libraries, documentation and templates not applicable, whatever they are annotated with', () => {
    for (const type of ['library', 'documentation', 'template', ' Library ']) {
      const inference = inferFromCatalog({ type, annotations: { [K8S_ID]: 'x' } });
      expect(inference).toEqual({ applicable: false, reason: expect.stringContaining('is not deployed') });
    }
    expect(inferFromCatalog({ type: 'service', annotations: {} })).toEqual({ applicable: true });
  });

  it('tries configured rules and types in place of the defaults', () => {
    const options = {
      rules: [{ annotation: 'acme.com/runtime', platform: 'gcp-cloud-run' as const }, ...DEFAULT_INFERENCE.rules],
      notApplicableTypes: ['schema'],
    };
    expect(platformOf(inferFromCatalog({ annotations: { 'acme.com/runtime': 'cr', [K8S_ID]: 'x' } }, options))).toEqual({
      platform: 'gcp-cloud-run',
      annotation: 'acme.com/runtime',
    });
    expect(inferFromCatalog({ type: 'schema', annotations: {} }, options).applicable).toBe(false);
    expect(inferFromCatalog({ type: 'library', annotations: {} }, options).applicable).toBe(true);
    expect(inferenceAnnotations(options)).toEqual(['acme.com/runtime', K8S_SELECTOR, K8S_ID, LAMBDA, ECS]);
  });
});

describe('isArchTradeoffsAvailable', () => {
  const entity = (annotations: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
  });
  it('is true for our model or platform, or an annotation the built-in rules read', () => {
    expect(isArchTradeoffsAvailable(entity({ [ANNOTATIONS.platform]: 'aws-lambda' }))).toBe(true);
    expect(isArchTradeoffsAvailable(entity({ [K8S_ID]: 'orders' }))).toBe(true);
    expect(isArchTradeoffsAvailable(entity({ 'backstage.io/techdocs-ref': 'dir:.' }))).toBe(false);
  });
});

describe('parsing with an inferred platform', () => {
  it('assesses a component that states nothing of ours, and says where the platform came from', () => {
    const parsed = parseWith({ [K8S_ID]: 'checkout' });
    expect(parsed.assessable).toBe(true);
    expect(parsed.settings).toMatchObject({ platform: 'kubernetes', executionModel: 'always-on' });
    expect(parsed.stated).toEqual([]);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.assumptions).toContainEqual({
      field: 'platform',
      annotation: ANNOTATIONS.platform,
      value: 'kubernetes',
      reason: `inferred from ${K8S_ID}`,
      inferredFrom: K8S_ID,
    });
    // Traffic is not known: still a default, and said so.
    expect(parsed.assumptions).toContainEqual(expect.objectContaining({ field: 'monthlyRequests' }));
  });

  it('uses a stated platform over an inferred one, and warns on the annotation that disagrees', () => {
    const parsed = parseWith({ [ECS]: ARN, [ANNOTATIONS.platform]: 'aws-lambda' });
    expect(parsed.settings).toMatchObject({ platform: 'aws-lambda', executionModel: 'on-demand' });
    expect(parsed.stated).toContain('platform');
    expect(parsed.diagnostics).toEqual([
      {
        severity: 'warning',
        annotation: ECS,
        message: `suggests aws-fargate; the stated ${ANNOTATIONS.platform} (aws-lambda) is used`,
      },
    ]);
    expect(parsed.assumptions.some(a => a.inferredFrom)).toBe(false);
  });

  it('uses a stated model the inferred platform cannot run, with its own default platform', () => {
    const parsed = parseWith({ [K8S_ID]: 'x', [ANNOTATIONS.executionModel]: 'on-demand' });
    expect(parsed.settings).toMatchObject({ executionModel: 'on-demand', platform: 'aws-lambda' });
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', annotation: K8S_ID })]);
  });

  it('places a stated model on the inferred platform when it can run it', () => {
    const parsed = parseWith({ [K8S_ID]: 'x', [ANNOTATIONS.executionModel]: 'always-on' });
    expect(parsed.settings).toMatchObject({ executionModel: 'always-on', platform: 'kubernetes' });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.assumptions).toContainEqual(expect.objectContaining({ field: 'platform', inferredFrom: K8S_ID }));
  });

  it('does not price a misspelt platform or model as the inferred platform', () => {
    const typoPlatform = parseWith({ [ECS]: ARN, [ANNOTATIONS.platform]: 'aws-lamda' });
    expect(typoPlatform.assessable).toBe(false);
    expect(typoPlatform.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', annotation: ANNOTATIONS.platform, value: 'aws-lamda' }),
    );
    const typoModel = parseWith({ [ECS]: ARN, [ANNOTATIONS.executionModel]: 'on-demnd' });
    expect(typoModel.assessable).toBe(false);
    expect(typoModel.assumptions.some(a => a.inferredFrom)).toBe(false);
  });

  it('agrees silently when the stated platform is the inferred one', () => {
    const parsed = parseWith({ [LAMBDA]: 'fn', [ANNOTATIONS.platform]: 'aws-lambda' });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.stated).toContain('platform');
  });
});
