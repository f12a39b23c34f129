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
/** Tags the request count with the metric of the family it was read from. */
export const METRIC_LABEL = 'arch_tradeoffs_metric';

/** What a query aggregates over: one label of all series, or several tagged selectors. */
export type Scope =
  | { kind: 'label'; label: string }
  | { kind: 'parts'; parts: readonly string[] };

/** The label each result is keyed by. */
export function keyLabel(scope: Scope): string {
  return scope.kind === 'label' ? scope.label : PART_LABEL;
}

/**
 * Ranges and steps in whole seconds, as PromQL durations: the window; the resolution (the peak's rate
 * window and step); and the step of the subqueries that find where series start and end and count
 * instances, which need not be as fine (see {@link subqueryStep}).
 */
export interface Timing {
  windowS: number;
  resolutionS: number;
  subqueryStepS: number;
}

/** Steps per window of the span and instance subqueries: their cost grows with it, their precision too. */
const SUBQUERY_STEPS = 720;

/**
 * The resolution, or a coarser step for long windows: a month at 5 minutes is 8,640 evaluations of
 * every series per subquery, while 720 (an hour's precision on where a month's series start) is
 * within 1 % of any span over four days.
 */
export function subqueryStep(windowS: number, resolutionS: number): number {
  return Math.max(resolutionS, Math.ceil(windowS / SUBQUERY_STEPS));
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
 * Only the request count is tagged with its family (label_replace costs as much as the query): every
 * quantity follows the same order, so the count's tag names the family of all of them.
 */
function overFamilies(
  scope: Scope,
  families: readonly RequestFamily[],
  metricOf: (f: RequestFamily) => string,
  build: Aggregated,
  tagged = false,
): string {
  const key = keyLabel(scope);
  return families
    .map(f => {
      const expr = overScope(scope, metricOf(f), build);
      return `(${tagged ? tag(expr, METRIC_LABEL, metricOf(f)) : expr})`;
    })
    .join(` or on(${key}) `);
}

export function requestIncrease(scope: Scope, families: readonly RequestFamily[], t: Timing, part: 'count' | 'sum') {
  return overFamilies(scope, families, f => f[part], (s, by) => `sum ${by} (increase(${s}[${t.windowS}s]))`, part === 'count');
}

/**
 * The first (`min`) or the last (`max`) sample time of each key's request counters within the window:
 * the span the data covers, so a service deployed last week is measured over its week, and one that
 * scales to zero between bursts over the whole time it existed. All families by one name pattern:
 * where a key has several, its data spans from the earliest to the latest of them, and one selector
 * costs a third of three joined with `or`. The two ends are two requests rather than one joined with
 * `or` and tagged: as fast (measured at 50,000 jobs), and read back without splitting keys.
 */
export function requestSampleTime(scope: Scope, families: readonly RequestFamily[], t: Timing, end: 'min' | 'max') {
  const names = `__name__=~"${families.map(f => f.count).join('|')}"`;
  // No metric name: overScope gives each part's bare `{matchers}`, and the name pattern joins them.
  return overScope(scope, '', (matchers, by) => {
    const selector = matchers === '' ? `{${names}}` : `{${names}, ${matchers.slice(1)}`;
    return `${end} ${by} (${end}_over_time(timestamp(${selector})[${t.windowS}s:${t.subqueryStepS}s]))`;
  });
}

/** The busiest rate over one resolution step (5 minutes by default) within the window. */
export function requestPeakRate(scope: Scope, families: readonly RequestFamily[], t: Timing) {
  return overFamilies(scope, families, f => f.count,
    (s, by) => `max_over_time(sum ${by} (rate(${s}[${t.resolutionS}s]))[${t.windowS}s:${t.resolutionS}s])`);
}

/**
 * One family's request rate over each hour, for a range query at a one-hour step: the caller averages
 * the steps by hour of the day. One query per family, the caller picking each key's family: joined
 * with `or`, the three took twice as long as apart (the join is paid at every step).
 */
export function hourlyRequestRate(scope: Scope, family: RequestFamily) {
  return overScope(scope, family.count, (s, by) => `sum ${by} (rate(${s}[1h]))`);
}

export function counterIncrease(scope: Scope, metric: string, t: Timing) {
  return overScope(scope, metric, (s, by) => `sum ${by} (increase(${s}[${t.windowS}s]))`);
}

/** The largest value of any one series (e.g. one instance's resident memory) within the window. */
export function gaugeMax(scope: Scope, metric: string, t: Timing) {
  return overScope(scope, metric, (s, by) => `max ${by} (max_over_time(${s}[${t.windowS}s]))`);
}

/**
 * The mean (`avg`) or largest (`max`) number of healthy instances over the subquery steps where the key
 * has any scraped target. `up` is 1 or 0 per target, so a sum counts the healthy ones: a third cheaper
 * than counting `up == 1` at every step (measured on the bench, 0.8 against 1.25 s at 50,000 jobs), and
 * a step with every target down counts as none running.
 */
export function instanceCount(scope: Scope, metric: string, t: Timing, over: 'avg' | 'max') {
  return overScope(scope, metric,
    (s, by) => `${over}_over_time(sum ${by} (${s})[${t.windowS}s:${t.subqueryStepS}s])`);
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

/** A period gauge's total over each hour, per second: for a range query at a one-hour step. */
export function periodGaugeHourlyRate(label: string, metric: string) {
  return `sum by (${label}) (sum_over_time(${metric}[1h])) / 3600`;
}

export function periodGaugeSampleTime(label: string, metric: string, t: Timing, end: 'min' | 'max') {
  return `${end} by (${label}) (${end}_over_time(timestamp(${metric})[${t.windowS}s:${t.subqueryStepS}s]))`;
}
