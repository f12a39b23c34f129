import type { MeasuredSetting } from './usage';

/**
 * The vocabulary of the annotations and the typed settings they resolve to.
 */

/** @public */
export const EXECUTION_MODELS = Object.freeze(['always-on', 'on-demand'] as const);
/** @public */
export type ExecutionModel = (typeof EXECUTION_MODELS)[number];

/** @public */
export const PLATFORMS = Object.freeze([
  'aws-lambda',
  'aws-fargate',
  'aws-ec2',
  'kubernetes',
  'gcp-cloud-run',
  'gcp-cloud-functions',
  'azure-functions',
  'azure-container-apps',
  'cloudflare-workers',
] as const);
/** @public */
export type Platform = (typeof PLATFORMS)[number];

/** @public */
export const ARCHITECTURES = Object.freeze(['x86_64', 'arm64'] as const);
/** @public */
export type Architecture = (typeof ARCHITECTURES)[number];

/** @public */
export const TRAFFIC_PATTERNS = Object.freeze(['steady', 'diurnal', 'spiky', 'batch'] as const);
/** @public */
export type TrafficPattern = (typeof TRAFFIC_PATTERNS)[number];

/** @public */
export const RUNTIMES = Object.freeze([
  'nodejs',
  'python',
  'java',
  'go',
  'dotnet',
  'ruby',
  'rust',
  'container',
] as const);
/** @public */
export type Runtime = (typeof RUNTIMES)[number];

/** @public */
export const CONNECTION_KINDS = Object.freeze(['request-response', 'long-lived'] as const);
/** @public */
export type Connections = (typeof CONNECTION_KINDS)[number];

/** @public */
export const STATE_KINDS = Object.freeze(['stateless', 'in-memory'] as const);
/** @public */
export type State = (typeof STATE_KINDS)[number];

/**
 * A workload with every setting resolved: stated by an annotation, or defaulted (and then listed as an
 * assumption). The engine only ever sees this shape, so it never handles a missing or malformed value.
 * @public
 */
export interface WorkloadSettings {
  executionModel: ExecutionModel;
  platform: Platform;
  /** Requests (invocations) per month of 730 h. */
  monthlyRequests: number;
  /** Mean wall-clock time per request. */
  avgDurationMs: number;
  /** Mean CPU time per request; equals avgDurationMs when not stated (treated as CPU-bound). */
  cpuMs: number;
  /** Memory per function or per instance. */
  memoryMb: number;
  /** vCPU per instance (always-on and container platforms). */
  vcpu: number;
  architecture: Architecture;
  /** Always-on: minimum replicas. On-demand: provisioned concurrency / min instances / always-ready. */
  instances: number;
  /** Upper bound on scale-out (replicas, or concurrency for FaaS). */
  maxInstances: number;
  /** VM type; only set for platforms that have one (aws-ec2, kubernetes nodes). */
  instanceType?: string;
  trafficPattern: TrafficPattern;
  peakRps: number;
  /** p99 latency objective; undefined when the entity states none. */
  latencySloMs?: number;
  /** Longest single request or job, in seconds. */
  maxDurationS: number;
  runtime: Runtime;
  connections: Connections;
  state: State;
}

/** @public */
export type SettingField = keyof WorkloadSettings;

/**
 * Something wrong or doubtful in an entity's annotations. Never fatal: the setting falls back to its
 * default (and the assumption is listed) or the stated value is kept with a warning.
 * @public
 */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** The full annotation key, e.g. `arch-tradeoffs.io/monthly-requests`. */
  annotation: string;
  /** The value as written, when there was one. */
  value?: string;
  message: string;
  /** Set when a stated value disagrees with its measurement (see `ParseOptions.measured`). */
  drift?: true;
}

/**
 * A setting the estimate used without the entity stating it.
 * @public
 */
export interface Assumption {
  field: SettingField;
  annotation: string;
  value: string | number;
  /** Why this value: built-in default, configured default, derived from other settings, or inferred. */
  reason: string;
  /** The annotation of another plugin the value was inferred from (e.g. `backstage.io/kubernetes-id`). */
  inferredFrom?: string;
}

/**
 * Result of reading an entity's annotations.
 * @public
 */
export interface ParsedSettings {
  /** False when neither execution model nor platform is stated: nothing to assess. */
  assessable: boolean;
  /** Resolved settings; present only when assessable. */
  settings?: WorkloadSettings;
  /** Fields whose value came from the entity's own annotations. */
  stated: SettingField[];
  /** Fields whose value came from a measurement (see `ParseOptions.measured`), with the metric. */
  measured: MeasuredSetting[];
  assumptions: Assumption[];
  diagnostics: Diagnostic[];
}
