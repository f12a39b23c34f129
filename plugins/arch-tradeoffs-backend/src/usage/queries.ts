import type { RequestFamily } from './usageConfig';

/**
 * PromQL for the measurement, built as plain strings (reference/usage-sources.md §3).
 *
 * Every query measures a whole *scope* at once, keyed by one label: the default selector's label
 * (e.g. `job`: one query covers every component), or, for components with their own selector,
 * {@link PART_LABEL}, which each component's sub-expression is tagged with.
 */

/** Tags each component's sub-expression in a query over several custom selectors. */
export const PART_LABEL = 'arch_tradeoffs_part';
/** Tags a request quantity with the metric of the family it was read from. */
export const METRIC_LABEL = 'arch_tradeoffs_metric';
const DAY_LABEL = 'arch_tradeoffs_day';

/** What a query aggregates over: one label of all series, or several tagged selectors. */
export type Scope =
  | { kind: 'label'; label: string }
  | { kind: 'parts'; parts: readonly string[] };

/** The label each result is keyed by. */
export function keyLabel(scope: Scope): string {
  return scope.kind === 'label' ? scope.label : PART_LABEL;
}

/** Ranges and steps in whole seconds, as PromQL durations. */
export interface Timing {
  windowS: number;
  resolutionS: number;
}

type Aggregated = (selector: string, by: string) => string;

/** `expr` for every part of the scope (or once for a label scope), tagged and joined with `or`. */
function overScope(scope: Scope, metric: string, build: Aggregated): string {
  if (scope.kind === 'label') return build(metric, `by (${scope.label})`);
  return scope.parts
    .map((matchers, i) => tag(build(`${metric}{${matchers}}`, 'by ()'), PART_LABEL, String(i)))
    .join(' or ');
}

/** Adds a constant label to every series of `expr`. */
function tag(expr: string, label: string, value: string): string {
  return `label_replace(${expr}, "${label}", "${value}", "", "")`;
}

/**
 * The request quantity `build` for each family, the first family with data winning for each key: a
 * component exporting OpenTelemetry metrics is not also counted under the client libraries' names.
 */
function overFamilies(
  scope: Scope,
  families: readonly RequestFamily[],
  metricOf: (f: RequestFamily) => string,
  build: Aggregated,
): string {
  const key = keyLabel(scope);
  return families
    .map(f => `(${tag(overScope(scope, metricOf(f), build), METRIC_LABEL, metricOf(f))})`)
    .join(` or on(${key}) `);
}

export function requestIncrease(scope: Scope, families: readonly RequestFamily[], t: Timing, part: 'count' | 'sum') {
  return overFamilies(scope, families, f => f[part], (s, by) => `sum ${by} (increase(${s}[${t.windowS}s]))`);
}

/** The first (`min`) or last (`max`) sample time of each key's request counter within the window. */
export function requestSampleTime(scope: Scope, families: readonly RequestFamily[], t: Timing, end: 'min' | 'max') {
  return overFamilies(scope, families, f => f.count,
    (s, by) => `${end} ${by} (${end}_over_time(timestamp(${s})[${t.windowS}s:${t.resolutionS}s]))`);
}

/** The busiest rate over one resolution step (5 minutes by default) within the window. */
export function requestPeakRate(scope: Scope, families: readonly RequestFamily[], t: Timing) {
  return overFamilies(scope, families, f => f.count,
    (s, by) => `max_over_time(sum ${by} (rate(${s}[${t.resolutionS}s]))[${t.windowS}s:${t.resolutionS}s])`);
}

/**
 * The mean request rate of each hour, averaged over the days with data (up to `days`), as a range
 * query over the last 24 hours: each step is one hour of the day. Each day is its own term (offset by
 * whole days), so a day without data is left out of the mean rather than counted as zero.
 */
export function hourlyRequestRate(scope: Scope, families: readonly RequestFamily[], days: number) {
  const key = keyLabel(scope);
  const terms: string[] = [];
  for (let d = 0; d < days; d++) {
    const offset = d === 0 ? '' : ` offset ${d}d`;
    const day = overFamilies(scope, families, f => f.count, (s, by) => `sum ${by} (rate(${s}[1h]${offset}))`);
    terms.push(tag(`(${day})`, DAY_LABEL, String(d)));
  }
  return `avg by (${key}, ${METRIC_LABEL}) (${terms.join(' or ')})`;
}

export function counterIncrease(scope: Scope, metric: string, t: Timing) {
  return overScope(scope, metric, (s, by) => `sum ${by} (increase(${s}[${t.windowS}s]))`);
}

/** The largest value of any one series (e.g. one instance's resident memory) within the window. */
export function gaugeMax(scope: Scope, metric: string, t: Timing) {
  return overScope(scope, metric, (s, by) => `max ${by} (max_over_time(${s}[${t.windowS}s]))`);
}

/** The mean (`avg`) or largest (`max`) number of series at 1 (healthy instances) within the window. */
export function instanceCount(scope: Scope, metric: string, t: Timing, over: 'avg' | 'max') {
  return overScope(scope, metric,
    (s, by) => `${over}_over_time(count ${by} (${s} == 1)[${t.windowS}s:${t.resolutionS}s])`);
}

/**
 * CloudWatch exporter gauges hold one period's total each (never `rate()` them): summed over the
 * window they give the window's total.
 */
export function periodGaugeSum(label: string, metric: string, t: Timing) {
  return `sum by (${label}) (sum_over_time(${metric}[${t.windowS}s]))`;
}

export function periodGaugeMax(label: string, metric: string, t: Timing) {
  return `max by (${label}) (max_over_time(${metric}[${t.windowS}s]))`;
}

/** Samples of a period gauge in the window: with its first and last times, the period's length. */
export function periodGaugeCount(label: string, metric: string, t: Timing) {
  return `max by (${label}) (count_over_time(${metric}[${t.windowS}s]))`;
}

export function periodGaugeSampleTime(label: string, metric: string, t: Timing, end: 'min' | 'max') {
  return `${end} by (${label}) (${end}_over_time(timestamp(${metric})[${t.windowS}s:${t.resolutionS}s]))`;
}
