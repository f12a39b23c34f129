import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ComponentUsage,
  MeasuredFigure,
  SECONDS_PER_MONTH,
  UsageMeasurement,
  UsageSourceHealth,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { PrometheusClient, PrometheusRejectedError } from './PrometheusClient';
import * as q from './queries';
import { keyLabel, METRIC_LABEL, PART_LABEL, Scope, subqueryStep, Timing } from './queries';
import { Selection, selectionOf, SelectionInputs } from './selectors';
import { classifyTraffic } from './trafficShape';
import type { PrometheusUsageOptions } from './usageConfig';

const DAY_S = 86_400;
/** Days of the hourly traffic profile: a week shows the daily cycle without a month's query cost. */
const PROFILE_DAYS = 7;
/** Components with their own selector measured per query: bounds the length of one query. */
const CUSTOM_PER_QUERY = 50;

/**
 * What one query returned: each key's value (and, for the tagged request count, its family's metric),
 * kept as plain numbers and strings; or the error that stopped it. At 50,000 components the parsed
 * responses are hundreds of MB of objects: only these figures outlive a query.
 */
type Result =
  | { values: Map<string, number>; metrics: Map<string, string> }
  | { error: string; rejected?: boolean };
/** The first and last sample time (unix seconds) of each key's request counters. */
type SampleTimes = { first: Map<string, number>; last: Map<string, number> } | { error: string };
/** Mean rate per UTC hour of the day, by key, for one request family. */
type Profiles = { hours: Map<string, number[]> } | { error: string };

/** The figures of one scope (every key of a label, or a chunk of custom selectors). */
interface ScopeResults {
  requests: Result;
  durationSum: Result;
  sampleTimes: SampleTimes;
  peak: Result;
  cpu: Result;
  memory: Result;
  instancesAvg: Result;
  instancesMax: Result;
  /** By the request family's count metric. */
  hourly: Map<string, Profiles>;
}

interface LambdaResults {
  invocations: Result;
  duration: Result;
  peak: Result;
  first: Result;
  last: Result;
  hourly: Profiles;
}

/** One refresh's measurement. */
export class Measurement {
  private readonly timing: Timing;
  private defaults?: ScopeResults;
  private lambda?: LambdaResults;
  private firstError?: string;
  private selected = 0;
  private measured = 0;

  constructor(
    private readonly options: PrometheusUsageOptions,
    private readonly client: PrometheusClient,
    private readonly at: Date,
    private readonly window: { ms: number; note?: string },
    /** Set when the source could not be reached at all. */
    private readonly down: string | undefined,
    private readonly previous: UsageSourceHealth | undefined,
  ) {
    const windowS = Math.round(window.ms / 1000);
    const resolutionS = Math.max(1, Math.round(options.resolutionMs / 1000));
    this.timing = { windowS, resolutionS, subqueryStepS: subqueryStep(windowS, resolutionS) };
    this.firstError = down;
  }

  /** The batched queries: every key of the default label, and every Lambda function. */
  async measureDefaults(): Promise<void> {
    const { metrics, selector } = this.options;
    const [defaults, lambda] = await Promise.all([
      this.queryScope({ kind: 'label', label: selector.label }),
      this.queryLambda(metrics.lambdaLabel),
    ]);
    this.defaults = defaults;
    this.lambda = lambda;
  }

  /** The usage of each component of a page, by entity ref. */
  async measure(components: ReadonlyArray<SelectionInputs & { entityRef: string }>): Promise<Map<string, ComponentUsage>> {
    const { selector, metrics } = this.options;
    const usage = new Map<string, ComponentUsage>();
    const custom: Array<{ entityRef: string; matchers: string }> = [];
    for (const component of components) {
      const selection = selectionOf(component, selector, metrics.lambdaLabel);
      if (selection.kind === 'none') {
        usage.set(component.entityRef, { status: 'unmeasured', reason: selection.reason });
        continue;
      }
      this.selected++;
      if (this.down !== undefined) {
        usage.set(component.entityRef, { status: 'unmeasured', reason: this.down, selector: selection.matchers });
      } else if (selection.kind === 'custom') {
        custom.push({ entityRef: component.entityRef, matchers: selection.matchers });
      } else {
        usage.set(component.entityRef, this.fromResults(selection));
      }
    }
    for (let i = 0; i < custom.length; i += CUSTOM_PER_QUERY) {
      // (When the server stopped answering, the client fails these at once.)
      await this.measureParts(custom.slice(i, i + CUSTOM_PER_QUERY), usage);
    }
    for (const u of usage.values()) if (u.status === 'measured') this.measured++;
    return usage;
  }

  /**
   * Components with their own selectors, in one scope. A selector Prometheus refuses fails the whole
   * query, so a refused scope is measured again by halves, until the refused selectors stand alone and
   * the others are measured (a rare case: the annotation is validated as PromQL first).
   */
  private async measureParts(
    parts: ReadonlyArray<{ entityRef: string; matchers: string }>,
    usage: Map<string, ComponentUsage>,
  ): Promise<void> {
    const results = await this.queryScope({ kind: 'parts', parts: parts.map(c => c.matchers) });
    if ('rejected' in results.requests && parts.length > 1) {
      const half = Math.ceil(parts.length / 2);
      await this.measureParts(parts.slice(0, half), usage);
      await this.measureParts(parts.slice(half), usage);
      return;
    }
    parts.forEach((c, part) => usage.set(c.entityRef, this.requestUsage(results, String(part), c.matchers)));
  }

  /** The source's health after this refresh, for the snapshot. */
  health(): UsageSourceHealth {
    const at = this.at.toISOString();
    const lastSuccess = this.firstError === undefined ? at : this.previous?.lastSuccess;
    return {
      source: 'prometheus',
      ...(lastSuccess ? { lastSuccess } : {}),
      ...(this.firstError !== undefined ? { lastError: { at, message: this.firstError } } : {}),
      queries: this.client.requests,
      measured: this.measured,
      selected: this.selected,
      windowDays: round2(this.window.ms / 86_400_000),
      ...(this.window.note ? { windowNote: this.window.note } : {}),
    };
  }

  private fromResults(selection: Exclude<Selection, { kind: 'none' | 'custom' }>): ComponentUsage {
    if (selection.kind === 'lambda') return this.lambdaUsage(selection.functionNames, selection.matchers);
    return this.requestUsage(this.defaults!, selection.value, selection.matchers);
  }

  /** A component measured by request metrics (key: its label value, or its part of a custom query). */
  private requestUsage(r: ScopeResults, key: string, selector: string): ComponentUsage {
    const requests = valueOf(r.requests, key);
    if (requests === undefined) return this.unmeasured(r.requests, selector, 'request counter');
    if ('error' in r.sampleTimes) return this.unmeasured(r.sampleTimes, selector, 'request counter');
    const first = r.sampleTimes.first.get(key);
    const last = r.sampleTimes.last.get(key);
    // Over the span the data covers: a young service's days, not the whole window's.
    const spanS = first !== undefined && last !== undefined ? last - first : 0;
    if (!(spanS >= this.timing.resolutionS)) {
      return { status: 'unmeasured', reason: `the request counter has data for under ${this.timing.resolutionS} s of the window`, selector };
    }
    const meanRps = requests / spanS;
    // Every request quantity comes from the family the count came from (see queries.ts).
    const family = this.options.metrics.requests.find(f => f.count === metricOf(r.requests, key));
    const metric = family?.count ?? 'requests';
    const figures: UsageMeasurement['figures'] = {
      monthlyRequests: { value: Math.round(meanRps * SECONDS_PER_MONTH), metric },
    };
    const peak = valueOf(r.peak, key);
    if (peak !== undefined) figures.peakRps = { value: round3(Math.max(peak, meanRps)), metric };
    const durationSum = valueOf(r.durationSum, key);
    if (durationSum !== undefined && requests > 0) {
      figures.avgDurationMs = figure((durationSum / requests) * 1000, family?.sum ?? metric, 2);
    }
    const cpu = valueOf(r.cpu, key);
    if (cpu !== undefined && requests > 0) figures.cpuMs = figure((cpu / requests) * 1000, this.options.metrics.cpu, 2);
    const memory = valueOf(r.memory, key);
    if (memory !== undefined && memory > 0) figures.memoryMb = { value: Math.ceil(memory / 2 ** 20), metric: this.options.metrics.memory };
    const average = valueOf(r.instancesAvg, key);
    const most = valueOf(r.instancesMax, key);
    if (average !== undefined && average > 0) {
      const instances = Math.max(1, Math.round(average));
      figures.instances = { value: instances, metric: this.options.metrics.up };
      if (most !== undefined) figures.maxInstances = { value: Math.max(instances, Math.round(most)), metric: this.options.metrics.up };
    }
    const profiles = family && r.hourly.get(family.count);
    const hourly = profiles && 'hours' in profiles ? profiles.hours.get(key) : undefined;
    const shape = hourly && spanS >= DAY_S ? classifyTraffic(hourly, meanRps, peak) : undefined;
    return this.measuredUsage(selector, first!, last!, figures, shape);
  }

  private lambdaUsage(functionNames: string[], selector: string): ComponentUsage {
    const r = this.lambda!;
    const sum = (result: Result) => {
      const values = functionNames.map(f => valueOf(result, f)).filter((v): v is number => v !== undefined);
      return values.length ? values.reduce((a, b) => a + b, 0) : undefined;
    };
    const pick = (result: Result, choose: (...n: number[]) => number) => {
      const values = functionNames.map(f => valueOf(result, f)).filter((v): v is number => v !== undefined);
      return values.length ? choose(...values) : undefined;
    };
    const invocations = sum(r.invocations);
    if (invocations === undefined) return this.unmeasured(r.invocations, selector, 'invocation gauge');
    const first = pick(r.first, Math.min);
    const last = pick(r.last, Math.max);
    if (first === undefined || last === undefined) return this.unmeasured(r.first, selector, 'invocation gauge');
    // Each sample is one period's total (CloudWatch publishes none for a period without invocations,
    // so the samples do not tell the period: it is configured), and the data covers one period more
    // than first to last.
    const periodS = this.options.metrics.lambdaPeriodS;
    const spanS = last - first + periodS;
    const metric = this.options.metrics.lambdaInvocations;
    const meanRps = invocations / spanS;
    const figures: UsageMeasurement['figures'] = {
      monthlyRequests: { value: Math.round(meanRps * SECONDS_PER_MONTH), metric },
    };
    const duration = sum(r.duration);
    if (duration !== undefined && invocations > 0) {
      figures.avgDurationMs = figure(duration / invocations, this.options.metrics.lambdaDuration, 2);
    }
    const busiestPeriod = pick(r.peak, Math.max);
    if (busiestPeriod !== undefined) {
      figures.peakRps = { value: round3(Math.max(busiestPeriod / periodS, meanRps)), metric };
    }
    // The functions' hourly rates added up, hour by hour.
    const hours = 'hours' in r.hourly ? r.hourly.hours : undefined;
    const known = functionNames.map(f => hours?.get(f)).filter((p): p is number[] => p !== undefined);
    const hourly = known.length ? known[0].map((_, h) => known.reduce((total, p) => total + p[h], 0)) : undefined;
    const shape = hourly && spanS >= DAY_S ? classifyTraffic(hourly, meanRps, figures.peakRps?.value) : undefined;
    // CloudWatch stamps a period with its start: the last sample covers one period after it.
    return this.measuredUsage(selector, first, last + periodS, figures, shape);
  }

  private measuredUsage(
    selector: string,
    fromS: number,
    toS: number,
    figures: UsageMeasurement['figures'],
    shape: UsageMeasurement['shape'],
  ): ComponentUsage {
    return {
      status: 'measured',
      measurement: {
        source: 'prometheus',
        selector,
        measuredAt: this.at.toISOString(),
        windowDays: round2(this.window.ms / 86_400_000),
        ...(this.window.note ? { windowNote: this.window.note } : {}),
        from: new Date(fromS * 1000).toISOString(),
        to: new Date(toS * 1000).toISOString(),
        figures,
        ...(shape ? { shape } : {}),
      },
    };
  }

  /** Unmeasured: the query failed (its error), or it has no series for the selector. */
  private unmeasured(result: Result, selector: string, what: string): ComponentUsage {
    const days = round2(this.window.ms / 86_400_000);
    let reason = `no ${what} series match ${selector} in the last ${days} days`;
    if ('error' in result) {
      reason = 'rejected' in result
        ? `Prometheus refused its selector ${selector}: ${result.error}`
        : `the query failed: ${result.error}`;
    }
    return { status: 'unmeasured', reason, selector };
  }

  private async queryScope(scope: Scope): Promise<ScopeResults> {
    const { requests: families, cpu, memory, up } = this.options.metrics;
    const t = this.timing;
    const key = keyLabel(scope);
    const instant = (expr: string) => this.instant(expr, key);
    const profileDays = Math.max(1, Math.min(PROFILE_DAYS, Math.floor(t.windowS / DAY_S)));
    const hourly = Promise.all(
      families.map(async f => [f.count, await this.profiles(q.hourlyRequestRate(scope, f), key, profileDays)] as const),
    );
    // The costliest first, so that the cheap ones fill in around them.
    const [first, last, requests, durationSum, peak, cpuTotal, memoryMax, instancesAvg, instancesMax] =
      await Promise.all([
        instant(q.requestSampleTime(scope, families, t, 'min')),
        instant(q.requestSampleTime(scope, families, t, 'max')),
        instant(q.requestIncrease(scope, families, t, 'count')),
        instant(q.requestIncrease(scope, families, t, 'sum')),
        instant(q.requestPeakRate(scope, families, t)),
        instant(q.counterIncrease(scope, cpu, t)),
        instant(q.gaugeMax(scope, memory, t)),
        instant(q.instanceCount(scope, up, t, 'avg')),
        instant(q.instanceCount(scope, up, t, 'max')),
      ]);
    return {
      requests, durationSum, sampleTimes: sampleTimesOf(first, last), peak,
      cpu: cpuTotal, memory: memoryMax, instancesAvg, instancesMax, hourly: new Map(await hourly),
    };
  }

  private async queryLambda(label: string): Promise<LambdaResults> {
    const { lambdaInvocations: inv, lambdaDuration: dur } = this.options.metrics;
    const t = this.timing;
    const instant = (expr: string) => this.instant(expr, label);
    const profileDays = Math.max(1, Math.min(PROFILE_DAYS, Math.floor(t.windowS / DAY_S)));
    // Where each function's data starts and ends, at the period's own step: a quiet function has a
    // sample only now and then, which a coarser step's lookback would miss. Few series, so it is cheap.
    const exact = { ...t, subqueryStepS: Math.min(t.subqueryStepS, this.options.metrics.lambdaPeriodS) };
    const [invocations, duration, peak, first, last, hourly] = await Promise.all([
      instant(q.periodGaugeSum(label, inv, t)),
      instant(q.periodGaugeSum(label, dur, t)),
      instant(q.periodGaugeMax(label, inv, t)),
      instant(q.periodGaugeSampleTime(label, inv, exact, 'min')),
      instant(q.periodGaugeSampleTime(label, inv, exact, 'max')),
      this.profiles(q.periodGaugeHourlyRate(label, inv), label, profileDays),
    ]);
    return { invocations, duration, peak, first, last, hourly };
  }

  /** An instant query's finite values by key; NaN and ±Inf (e.g. 0/0) are left out as no data. */
  private async instant(expr: string, key: string): Promise<Result> {
    try {
      const values = new Map<string, number>();
      const metrics = new Map<string, string>();
      for (const { labels, value } of await this.client.query(expr, this.at)) {
        const k = labels[key];
        if (k === undefined || !Number.isFinite(value) || values.has(k)) continue;
        values.set(k, value);
        if (labels[METRIC_LABEL] !== undefined) metrics.set(k, labels[METRIC_LABEL]);
      }
      return { values, metrics };
    } catch (error) {
      return this.failure(error, key);
    }
  }

  /**
   * Each key's mean rate per UTC hour of the day over the last `days` days: a range query at a
   * one-hour step, averaged by hour over the steps with data (a young series' missing days are not
   * zeros). The step at time t is the rate over the hour before it, so it counts in the hour that
   * ended at t.
   */
  private async profiles(expr: string, key: string, days: number): Promise<Profiles> {
    const end = Math.floor(this.at.getTime() / 3_600_000) * 3600;
    try {
      const series = await this.client.queryRange(expr, { start: new Date((end - (days * 24 - 1) * 3600) * 1000), end: new Date(end * 1000), stepSeconds: 3600 });
      const hours = new Map<string, number[]>();
      for (const { labels, points } of series) {
        const k = labels[key];
        if (k === undefined || hours.has(k)) continue;
        const sums = new Array<number>(24).fill(0);
        const counts = new Array<number>(24).fill(0);
        for (const { time, value } of points) {
          if (!Number.isFinite(value)) continue;
          const hour = (Math.floor(time / 3600) + 23) % 24;
          sums[hour] += value;
          counts[hour]++;
        }
        hours.set(k, sums.map((sum, h) => (counts[h] > 0 ? sum / counts[h] : 0)));
      }
      return { hours };
    } catch (error) {
      return this.failure(error, key);
    }
  }

  /**
   * A failed query's result. A query over components' own selectors that Prometheus refuses is those
   * components' problem (see measureParts), not the source's; any other failure is the source's.
   */
  private failure(error: unknown, key: string): { error: string; rejected?: boolean } {
    if (error instanceof PrometheusRejectedError && key === PART_LABEL) return { error: error.message, rejected: true };
    return { error: this.failed(error) };
  }

  private failed(error: unknown): string {
    const message = (error as Error).message;
    this.firstError ??= `Prometheus at ${this.options.baseUrl}: ${message}`;
    return message;
  }
}

/**
 * Measures components' usage from Prometheus for a refresh. `start` sends the batched queries that
 * measure every component with a default selector (a fixed number, whatever the size of the
 * organisation); {@link Measurement.measure} then answers per catalog page, querying only for
 * components with their own selector.
 *
 * Nothing here throws on Prometheus's behalf: a source that is down, slow or wrong leaves the
 * components unmeasured with the reason, and the snapshot records the source's health.
 */
export class UsageMeter {
  constructor(
    private readonly options: PrometheusUsageOptions,
    private readonly logger: LoggerService,
  ) {}

  async start(at: Date, previous?: UsageSourceHealth): Promise<Measurement> {
    const { options } = this;
    const client = new PrometheusClient({
      baseUrl: options.baseUrl,
      headers: options.headers,
      timeoutMs: options.queryTimeoutMs,
    });
    let window: { ms: number; note?: string };
    try {
      window = cutToRetention(options.windowMs, await client.retention());
    } catch (error) {
      // The server answers nothing: do not send the queries (each would wait for its timeout).
      const message = `Prometheus at ${options.baseUrl}: ${(error as Error).message}`;
      this.logger.warn(`Usage not measured: ${message}`);
      return new Measurement(options, client, at, { ms: options.windowMs }, message, previous);
    }
    const measurement = new Measurement(options, client, at, window, undefined, previous);
    await measurement.measureDefaults();
    const { lastError } = measurement.health();
    if (lastError) this.logger.warn(`Usage partly measured: ${lastError.message}`);
    return measurement;
  }
}

/** The first and last sample times, or the error of the query that failed. */
function sampleTimesOf(first: Result, last: Result): SampleTimes {
  if ('error' in first) return first;
  if ('error' in last) return last;
  return { first: first.values, last: last.values };
}

function valueOf(result: Result, key: string): number | undefined {
  return 'values' in result ? result.values.get(key) : undefined;
}

function metricOf(result: Result, key: string): string | undefined {
  return 'metrics' in result ? result.metrics.get(key) : undefined;
}

/**
 * The window to measure: the configured one, or the server's retention when that is shorter (then
 * the note says so). A size-only retention (`10GiB`) does not bound time and leaves the window as is.
 */
export function cutToRetention(windowMs: number, retention: string | undefined): { ms: number; note?: string } {
  const time = retention?.split(/\s+or\s+/).map(parsePromDuration).find(ms => ms !== undefined);
  if (time !== undefined && time < windowMs) {
    return { ms: time, note: `cut to the server's retention (${retention})` };
  }
  return { ms: windowMs };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** A Prometheus duration (`15d`, `1d12h`, `90m`) in ms; undefined when it is not one (e.g. `10GiB`). */
export function parsePromDuration(text: string): number | undefined {
  const parts = [...text.trim().matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map(p => p[0]).join('') !== text.trim()) return undefined;
  return parts.reduce((ms, [, n, unit]) => ms + Number(n) * UNIT_MS[unit], 0);
}

function figure(value: number, metric: string, digits: number): MeasuredFigure {
  const f = 10 ** digits;
  return { value: Math.round(value * f) / f, metric };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
