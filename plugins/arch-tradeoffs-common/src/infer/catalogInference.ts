import { PLATFORM_EXECUTION_MODEL } from '../model/platforms';
import type { ExecutionModel, Platform } from '../model/settings';

/**
 * A rule that infers a component's platform from an annotation another Backstage plugin reads: any
 * non-empty value of `annotation` means the component runs on `platform`.
 * @public
 */
export interface InferenceRule {
  annotation: string;
  platform: Platform;
  /** Said with the inference, e.g. why the platform is only the likely one. */
  note?: string;
}

/**
 * The annotations real catalogs already carry (see the Kubernetes, AWS Lambda and AWS plugins), and
 * what each says of where the component runs. Configured rules (`archTradeoffs.inference.rules`) are
 * tried before these.
 * @public
 */
export const DEFAULT_INFERENCE_RULES: readonly InferenceRule[] = Object.freeze([
  { annotation: 'backstage.io/kubernetes-label-selector', platform: 'kubernetes' },
  { annotation: 'backstage.io/kubernetes-id', platform: 'kubernetes' },
  { annotation: 'aws.com/lambda-function-name', platform: 'aws-lambda' },
  {
    annotation: 'aws.amazon.com/amazon-ecs-service-arn',
    platform: 'aws-fargate',
    note: 'an ECS service may also run on EC2 instances; Fargate is assumed',
  },
]);

/**
 * Component types that are not deployed workloads: not priced, not counted in any score. Configured
 * types (`archTradeoffs.inference.notApplicableTypes`) replace these.
 * @public
 */
export const DEFAULT_NOT_APPLICABLE_TYPES: readonly string[] = Object.freeze([
  'library',
  'documentation',
  'template',
]);

/** @public */
export interface InferenceOptions {
  /** Tried in order; the first whose annotation the component carries wins. */
  rules: readonly InferenceRule[];
  notApplicableTypes: readonly string[];
}

/** The built-in options. @public */
export const DEFAULT_INFERENCE: InferenceOptions = Object.freeze({
  rules: DEFAULT_INFERENCE_RULES,
  notApplicableTypes: DEFAULT_NOT_APPLICABLE_TYPES,
});

/**
 * A platform inferred from another plugin's annotation, and which one.
 * @public
 */
export interface InferredPlatform {
  platform: Platform;
  /** The execution model the platform implies, when it implies one. */
  executionModel?: ExecutionModel;
  annotation: string;
  note?: string;
}

/**
 * What the catalog already says of a component, before its own `arch-tradeoffs.io/` annotations.
 * @public
 */
export type CatalogInference =
  | { applicable: false; reason: string }
  | { applicable: true; platform?: InferredPlatform };

/**
 * Reads a component's `spec.type` and the annotations other plugins use. Plain data in, plain data out.
 * @public
 */
export function inferFromCatalog(
  component: { type?: string; annotations: Readonly<Record<string, string>> },
  options: InferenceOptions = DEFAULT_INFERENCE,
): CatalogInference {
  const type = component.type?.trim().toLowerCase();
  if (type && options.notApplicableTypes.includes(type)) {
    return { applicable: false, reason: `a ${type} is not deployed, so it has no running cost to weigh` };
  }
  const rule = options.rules.find(r => Boolean(component.annotations[r.annotation]?.trim()));
  if (!rule) return { applicable: true };
  const executionModel = PLATFORM_EXECUTION_MODEL[rule.platform];
  return {
    applicable: true,
    platform: {
      platform: rule.platform,
      ...(executionModel ? { executionModel } : {}),
      annotation: rule.annotation,
      ...(rule.note ? { note: rule.note } : {}),
    },
  };
}

/** Every annotation key the rules read: what a refresh keeps of a component's other annotations. @public */
export function inferenceAnnotations(options: InferenceOptions = DEFAULT_INFERENCE): string[] {
  return [...new Set(options.rules.map(r => r.annotation))];
}
