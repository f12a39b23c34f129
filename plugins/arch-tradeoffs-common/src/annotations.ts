import type { Entity } from '@backstage/catalog-model';
import { DEFAULT_INFERENCE_RULES } from './infer/catalogInference';

/**
 * Every annotation this plugin reads shares this prefix.
 * @public
 */
export const ANNOTATION_PREFIX = 'arch-tradeoffs.io/';

/**
 * The annotation keys of the public contract (see the product brief). Renaming one breaks every catalog
 * that uses it, so they live here once and everything else refers to these constants.
 * @public
 */
export const ANNOTATIONS = Object.freeze({
  executionModel: `${ANNOTATION_PREFIX}execution-model`,
  platform: `${ANNOTATION_PREFIX}platform`,
  monthlyRequests: `${ANNOTATION_PREFIX}monthly-requests`,
  avgDurationMs: `${ANNOTATION_PREFIX}avg-duration-ms`,
  cpuMs: `${ANNOTATION_PREFIX}cpu-ms`,
  memoryMb: `${ANNOTATION_PREFIX}memory-mb`,
  vcpu: `${ANNOTATION_PREFIX}vcpu`,
  architecture: `${ANNOTATION_PREFIX}architecture`,
  instances: `${ANNOTATION_PREFIX}instances`,
  maxInstances: `${ANNOTATION_PREFIX}max-instances`,
  instanceType: `${ANNOTATION_PREFIX}instance-type`,
  trafficPattern: `${ANNOTATION_PREFIX}traffic-pattern`,
  peakRps: `${ANNOTATION_PREFIX}peak-rps`,
  latencySloMs: `${ANNOTATION_PREFIX}latency-slo-ms`,
  maxDurationS: `${ANNOTATION_PREFIX}max-duration-s`,
  runtime: `${ANNOTATION_PREFIX}runtime`,
  connections: `${ANNOTATION_PREFIX}connections`,
  state: `${ANNOTATION_PREFIX}state`,
} as const);

/** @public */
export type SettingKey = keyof typeof ANNOTATIONS;

/**
 * PromQL label matchers that select a component's series in Prometheus (e.g. `service="checkout",
 * env="prod"`), when the configured default (`job="<kubernetes-id or name>"`) does not.
 * @public
 */
export const PROMETHEUS_SELECTOR_ANNOTATION = `${ANNOTATION_PREFIX}prometheus-selector`;

/**
 * True when the entity states an execution model or a platform, or carries an annotation the built-in
 * inference rules read (a Kubernetes id or label selector, a Lambda function name, an ECS service ARN):
 * what can make it assessable. For entity pages that show the card only then (`if` of an
 * EntitySwitch); the card itself asks the backend, which also knows configured rules and types.
 * @public
 */
export function isArchTradeoffsAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return [ANNOTATIONS.executionModel, ANNOTATIONS.platform, ...DEFAULT_INFERENCE_RULES.map(r => r.annotation)].some(
    key => Boolean(annotations[key]),
  );
}
