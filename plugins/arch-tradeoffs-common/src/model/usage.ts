import type { SettingField, TrafficPattern } from './settings';

/**
 * The settings a measurement can supply. The others (platform, runtime, latency objective, …) are
 * decisions, not observations, and come from annotations, inference or defaults.
 * @public
 */
export const MEASURABLE_FIELDS = [
  'monthlyRequests',
  'peakRps',
  'avgDurationMs',
  'cpuMs',
  'memoryMb',
  'instances',
  'maxInstances',
  'trafficPattern',
] as const satisfies readonly SettingField[];

/** A setting that can be measured. @public */
export type MeasurableField = (typeof MEASURABLE_FIELDS)[number];

/** The measurable settings that are numbers (all but the traffic pattern). @public */
export type MeasuredNumberField = Exclude<MeasurableField, 'trafficPattern'>;

/**
 * One measured figure and the metric it was read from (e.g. `http_request_duration_seconds_count`).
 * @public
 */
export interface MeasuredFigure {
  value: number;
  metric: string;
}

/**
 * The hourly shape of a component's traffic, and the figures its pattern was classified by.
 * @public
 */
export interface TrafficShape {
  /** Mean requests per second in each hour of the day (UTC, 0–23), averaged over the days measured. */
  hourlyRps: number[];
  /** The traffic pattern the figures below indicate. */
  pattern: TrafficPattern;
  /** Busiest 5-minute rate over the mean rate of the span. */
  peakToMean: number;
  /**
   * Busiest hour of the day over the quietest (how much the day swings), at most
   * {@link MAX_DAILY_SWING}: an idle quietest hour would make it infinite.
   */
  dailySwing: number;
  /** Share of the day's hours with under 5 % of the busiest hour's traffic. */
  idleShare: number;
}

/** The largest {@link TrafficShape.dailySwing} reported: it means "this much or more". @public */
export const MAX_DAILY_SWING = 100;

/**
 * What a monitoring system measured of a component over a window. Plain data, stored with the
 * snapshot: reading it never waits on the monitoring system.
 * @public
 */
export interface UsageMeasurement {
  source: 'prometheus';
  /** The PromQL label matchers that select the component's series. */
  selector: string;
  /** When the measurement was taken (ISO 8601). */
  measuredAt: string;
  /**
   * The window asked for, in days: the configured one, or the server's retention when that is
   * shorter (then `windowNote` says so).
   */
  windowDays: number;
  windowNote?: string;
  /**
   * The span the figures cover within the window (ISO 8601): the time the component's series have
   * data, counted back from the measurement (a series that stopped earlier is not placed in time,
   * only its length is right).
   */
  from: string;
  to: string;
  /** Measured settings; a figure the metrics could not give is absent. */
  figures: Partial<Record<MeasuredNumberField, MeasuredFigure>>;
  /** The traffic shape, when the request rate was measured over at least a day. */
  shape?: TrafficShape;
}

/**
 * A component's usage as the refresh found it: measured, or why not (the source is not configured,
 * down, has no series for it, …). An unmeasured component falls back to stated, inferred and default
 * settings.
 * @public
 */
export type ComponentUsage =
  | { status: 'measured'; measurement: UsageMeasurement }
  | { status: 'unmeasured'; reason: string; selector?: string };

/**
 * A setting whose value came from a measurement rather than the entity's annotations.
 * @public
 */
export interface MeasuredSetting {
  field: MeasurableField;
  value: number | TrafficPattern;
  /** The metric it was read from, or `hourly traffic shape` for the pattern. */
  metric: string;
}

/**
 * Where a setting's value came from, most trusted first: the team's annotation (its intent), a
 * measurement, an inference from another plugin's annotation, or a default (built-in, configured, or
 * derived from other settings).
 * @public
 */
export type InputSource = 'annotation' | 'measured' | 'inferred' | 'default';

/**
 * The health of the usage source at a refresh: stored with the snapshot.
 * @public
 */
export interface UsageSourceHealth {
  source: 'prometheus';
  /** The last refresh whose queries all succeeded (ISO 8601), if any. */
  lastSuccess?: string;
  /** The last error and when it happened, when the latest refresh had one. */
  lastError?: { at: string; message: string };
  /** Queries sent in the latest refresh. */
  queries: number;
  /**
   * Workloads measured in that refresh, of those selected. Organisation-wide counts, so absent for a
   * caller who may not read every component.
   */
  measured?: number;
  selected?: number;
  /** The window measured, in days, and why it is shorter than configured when it is. */
  windowDays: number;
  windowNote?: string;
}
