import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { readDurationFromConfig } from '@backstage/config';
import type { Config } from '@backstage/config';
import { DEFAULT_DRIFT_FACTOR } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { parseSelectorTemplate, SelectorTemplate } from './selectors';

/** Counters of one request-metric family: how many requests, and their summed duration in seconds. */
export interface RequestFamily {
  count: string;
  sum: string;
}

/**
 * The request metrics services export, tried in this order (the first with data wins for a component):
 * OpenTelemetry's HTTP server histogram, the Prometheus client libraries' convention, and Micrometer's
 * (Spring Boot). See reference/usage-sources.md §2.
 */
export const DEFAULT_REQUEST_FAMILIES: readonly RequestFamily[] = [
  { count: 'http_server_request_duration_seconds_count', sum: 'http_server_request_duration_seconds_sum' },
  { count: 'http_request_duration_seconds_count', sum: 'http_request_duration_seconds_sum' },
  { count: 'http_server_requests_seconds_count', sum: 'http_server_requests_seconds_sum' },
];

/** Metric names read besides the request families; each configurable. */
export interface UsageMetricNames {
  requests: readonly RequestFamily[];
  /** Process CPU seconds (counter; every client library exports it). */
  cpu: string;
  /** Resident memory in bytes (gauge, per instance). */
  memory: string;
  /** 1 per healthy scraped instance. */
  up: string;
  /** CloudWatch exporter gauges: invocations and summed duration (ms) per period, by `lambdaLabel`. */
  lambdaInvocations: string;
  lambdaDuration: string;
  lambdaLabel: string;
  /**
   * The CloudWatch period the exporter reads (its `period_seconds`), in seconds: each sample is one
   * period's total. Default 300.
   */
  lambdaPeriodS: number;
}

export const DEFAULT_METRICS: UsageMetricNames = {
  requests: DEFAULT_REQUEST_FAMILIES,
  cpu: 'process_cpu_seconds_total',
  memory: 'process_resident_memory_bytes',
  up: 'up',
  lambdaInvocations: 'aws_lambda_invocations_sum',
  lambdaDuration: 'aws_lambda_duration_sum',
  lambdaLabel: 'function_name',
  lambdaPeriodS: 300,
};

/** `archTradeoffs.usage.prometheus`, resolved. */
export interface PrometheusUsageOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** How far back to measure; cut to the server's retention when that is shorter. */
  windowMs: number;
  /** Each query's time limit (the request is abandoned after it, and Prometheus told the same). */
  queryTimeoutMs: number;
  /**
   * Rate window of the peak and step of the subqueries (5 minutes by default). Series must be
   * scraped at least twice per resolution for a rate to exist.
   */
  resolutionMs: number;
  selector: SelectorTemplate;
  metrics: UsageMetricNames;
}

/** `archTradeoffs.usage`, resolved; `prometheus` is undefined when not configured (nothing is measured). */
export interface UsageOptions {
  prometheus?: PrometheusUsageOptions;
  /** How far (as a ratio) a stated setting may be from its measurement before it is drift. */
  driftFactor: number;
}

const DEFAULT_WINDOW: HumanDuration = { days: 30 };

/** The series of a component by default: `job` is its Kubernetes id, else its name. */
export const DEFAULT_SELECTOR_TEMPLATE = 'job="{{kubernetesId}}"';

export function readUsageOptions(config: Config): UsageOptions {
  const driftFactor = config.getOptionalNumber('archTradeoffs.usage.driftFactor') ?? DEFAULT_DRIFT_FACTOR;
  if (!(driftFactor > 1)) {
    throw new Error(`Invalid archTradeoffs.usage.driftFactor: expected a number > 1, got ${driftFactor}`);
  }
  const section = config.getOptionalConfig('archTradeoffs.usage.prometheus');
  if (!section) return { driftFactor };

  const key = (name: string) => `archTradeoffs.usage.prometheus.${name}`;
  const baseUrl = section.getString('baseUrl');
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    // Credentials in the URL would be echoed in every unmeasured component's reason.
    if (url.username || url.password) {
      throw new Error(`Invalid ${key('baseUrl')}: give credentials in ${key('headers')} (e.g. Authorization), not in the URL`);
    }
  } catch (error) {
    if ((error as Error).message.startsWith('Invalid')) throw error;
    throw new Error(`Invalid ${key('baseUrl')}: "${baseUrl}" is not an http(s) URL`);
  }
  const headersConfig = section.getOptionalConfig('headers');
  const headers: Record<string, string> = {};
  for (const name of headersConfig?.keys() ?? []) headers[name] = headersConfig!.getString(name);

  const duration = (name: string, fallback: HumanDuration, min: HumanDuration) => {
    const value = section.has(name) ? readDurationFromConfig(section, { key: name }) : fallback;
    const ms = durationToMilliseconds(value);
    if (!(ms >= durationToMilliseconds(min))) {
      throw new Error(`Invalid ${key(name)}: expected at least ${JSON.stringify(min)}`);
    }
    return ms;
  };
  const metricsConfig = section.getOptionalConfig('metrics');
  const families = metricsConfig?.getOptionalConfigArray('requests')?.map(f => ({
    count: f.getString('count'),
    sum: f.getString('sum'),
  }));
  const metrics: UsageMetricNames = {
    requests: families ?? DEFAULT_METRICS.requests,
    cpu: metricsConfig?.getOptionalString('cpu') ?? DEFAULT_METRICS.cpu,
    memory: metricsConfig?.getOptionalString('memory') ?? DEFAULT_METRICS.memory,
    up: metricsConfig?.getOptionalString('up') ?? DEFAULT_METRICS.up,
    lambdaInvocations: metricsConfig?.getOptionalString('lambdaInvocations') ?? DEFAULT_METRICS.lambdaInvocations,
    lambdaDuration: metricsConfig?.getOptionalString('lambdaDuration') ?? DEFAULT_METRICS.lambdaDuration,
    lambdaLabel: metricsConfig?.getOptionalString('lambdaLabel') ?? DEFAULT_METRICS.lambdaLabel,
    lambdaPeriodS: metricsConfig?.has('lambdaPeriod')
      ? durationToMilliseconds(readDurationFromConfig(metricsConfig, { key: 'lambdaPeriod' })) / 1000
      : DEFAULT_METRICS.lambdaPeriodS,
  };
  if (!(metrics.lambdaPeriodS >= 1)) throw new Error(`Invalid ${key('metrics.lambdaPeriod')}: expected at least 1 second`);
  const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
  const names = [...metrics.requests.flatMap(f => [f.count, f.sum]), metrics.cpu, metrics.memory, metrics.up,
    metrics.lambdaInvocations, metrics.lambdaDuration];
  const badName = names.find(n => !metricName.test(n));
  if (badName !== undefined) throw new Error(`Invalid ${key('metrics')}: "${badName}" is not a metric name`);
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(metrics.lambdaLabel)) {
    throw new Error(`Invalid ${key('metrics.lambdaLabel')}: "${metrics.lambdaLabel}" is not a label name`);
  }
  if (metrics.requests.length === 0) throw new Error(`Invalid ${key('metrics.requests')}: give at least one family`);

  const template = section.getOptionalString('selector') ?? DEFAULT_SELECTOR_TEMPLATE;
  const selector = parseSelectorTemplate(template);
  if (typeof selector === 'string') throw new Error(`Invalid ${key('selector')}: ${selector}`);

  return {
    driftFactor,
    prometheus: {
      baseUrl: baseUrl.replace(/\/+$/, ''),
      headers,
      windowMs: duration('window', DEFAULT_WINDOW, { hours: 1 }),
      queryTimeoutMs: duration('queryTimeout', { seconds: 30 }, { seconds: 1 }),
      resolutionMs: duration('resolution', { minutes: 5 }, { seconds: 10 }),
      selector,
      metrics,
    },
  };
}

