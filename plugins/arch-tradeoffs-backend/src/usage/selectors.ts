import {
  parseLabelMatchers,
  PROMETHEUS_SELECTOR_ANNOTATION,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** The Kubernetes plugin's id annotation: pods carry the same value as a label. */
const KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** The AWS Lambda plugin's annotation: a comma-separated list of function names. */
const LAMBDA_FUNCTION_NAME = 'aws.com/lambda-function-name';

/**
 * The configured default selector: one label equal to a value built from the component, e.g.
 * `job="{{kubernetesId}}"`. One label, so that a single `sum by (<label>)` query measures every
 * component at once.
 */
export interface SelectorTemplate {
  label: string;
  /** The value with placeholders `{{name}}`, `{{namespace}}`, `{{kubernetesId}}` (the id, else the name). */
  value: string;
}

const TEMPLATE = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"([^"\\]*)"\s*$/;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
const PLACEHOLDERS = ['name', 'namespace', 'kubernetesId'];

/** Reads a selector template from config; a string when it is not one (the problem, for the error). */
export function parseSelectorTemplate(text: string): SelectorTemplate | string {
  const m = TEMPLATE.exec(text);
  if (!m) return `"${text}" is not one label matcher like job="{{kubernetesId}}" (one label, =, a quoted value)`;
  const unknown = [...m[2].matchAll(PLACEHOLDER)].map(p => p[1]).filter(p => !PLACEHOLDERS.includes(p));
  if (unknown.length > 0) {
    return `"${text}" uses ${unknown.map(p => `{{${p}}}`).join(', ')}; the placeholders are ${PLACEHOLDERS.map(p => `{{${p}}}`).join(', ')}`;
  }
  return { label: m[1], value: m[2] };
}

/** What a component's series are selected by. */
export type Selection =
  /** The default template: measured by the batched queries, keyed by the template's label. */
  | { kind: 'default'; label: string; value: string; matchers: string }
  /** Its own `prometheus-selector` annotation: measured by per-component queries. */
  | { kind: 'custom'; matchers: string }
  /** Lambda functions: CloudWatch exporter gauges keyed by function name. */
  | { kind: 'lambda'; functionNames: string[]; matchers: string }
  /** Not measurable, and why. */
  | { kind: 'none'; reason: string };

/** The catalog facts a selection is built from. */
export interface SelectionInputs {
  name: string;
  namespace: string;
  annotations: Record<string, string>;
}

/**
 * How a component's series are found: its own selector annotation when it has one; its Lambda
 * function names when it carries the Lambda plugin's annotation; otherwise the default template.
 */
export function selectionOf(
  component: SelectionInputs,
  template: SelectorTemplate,
  lambdaLabel: string,
): Selection {
  const own = component.annotations[PROMETHEUS_SELECTOR_ANNOTATION];
  if (own !== undefined) {
    const parsed = parseLabelMatchers(own);
    return parsed.ok
      ? { kind: 'custom', matchers: parsed.matchers }
      : { kind: 'none', reason: `${PROMETHEUS_SELECTOR_ANNOTATION} ${parsed.problem}` };
  }
  const functions = component.annotations[LAMBDA_FUNCTION_NAME];
  if (functions !== undefined) {
    const functionNames = functions.split(',').map(f => f.trim()).filter(Boolean);
    if (functionNames.length > 0) {
      return {
        kind: 'lambda',
        functionNames,
        matchers: `${lambdaLabel}=~"${functionNames.map(escapeRegex).join('|')}"`,
      };
    }
  }
  const values: Record<string, string> = {
    name: component.name,
    namespace: component.namespace,
    kubernetesId: component.annotations[KUBERNETES_ID]?.trim() || component.name,
  };
  const value = template.value.replace(PLACEHOLDER, (_, p: string) => values[p]);
  return { kind: 'default', label: template.label, value, matchers: `${template.label}="${escapeQuoted(value)}"` };
}

function escapeQuoted(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** A literal in a PromQL regex inside double quotes: regex metacharacters and the quote escaped. */
function escapeRegex(value: string): string {
  return escapeQuoted(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
