/**
 * Constants of the cost model and the sizing rules. Each says why it has the value it has.
 */

import { HOURS_PER_MONTH, SECONDS_PER_MONTH } from '../model/defaults';

/** A month is 730 h (AWS calculator and Infracost convention, cloud-economics.md). */
export const MONTH_HOURS = HOURS_PER_MONTH;
/** 730 h × 3,600 s = 2,628,000 s. */
export const MONTH_SECONDS = SECONDS_PER_MONTH;
/** The traffic profile has one bucket per hour of the day; each stands for 730 / 24 h of the month. */
export const PROFILE_HOURS = 24;
/** Hours of the month represented by one hour-of-day bucket: 30.4167 h. */
export const BUCKET_HOURS = MONTH_HOURS / PROFILE_HOURS;
/** Seconds of the month represented by one hour-of-day bucket: 109,500 s. */
export const BUCKET_SECONDS = MONTH_SECONDS / PROFILE_HOURS;

/**
 * Autoscaling target: replicas are added when CPU or concurrency passes 60 %. This is Cloud Run's
 * default for both CPU and concurrency (cloud-economics.md §2) and a common HPA / ECS target; the
 * reference's "max rps per replica ≈ target_util × vCPU × 1000 / cpu_ms" uses it the same way.
 */
export const TARGET_UTILISATION = 0.6;

/**
 * Requests one container replica serves at once when I/O-bound. 80 is Cloud Run's default concurrency
 * (cloud-economics.md §2); we use the same figure for every container platform (Fargate, Kubernetes,
 * Container Apps, EC2 processes) because it is a typical event-loop / thread-pool size and the only
 * sourced number. CPU-bound replicas are limited by vCPU × 1000 / cpu-ms first.
 */
export const CONTAINER_CONCURRENCY = 80;

/** Lambda allocates CPU in proportion to memory: 1,769 MB = one vCPU (cloud-economics.md §2). */
export const MB_PER_VCPU = 1769;

/** Always-on alternatives keep at least two replicas so one zone or one deploy never takes the service down. */
export const HA_FLOOR = 2;

/** Memory floor when sizing a FaaS function from a container: managed runtimes with SDKs rarely fit less. */
export const FAAS_MIN_MEMORY_MB = 512;

/** Lambda memory range (cloud-economics.md §2). */
export const LAMBDA_MIN_MEMORY_MB = 128;

/** Container vCPU sizes offered by Fargate and Container Apps; FaaS memory maps to the nearest. */
export const CONTAINER_VCPU_STEPS: readonly number[] = [
  0.25, 0.5, 1, 2, 4, 8, 16,
];

/** Fargate's standard shape is 2 GB per vCPU; a mapped container gets at least that. */
export const CONTAINER_MB_PER_VCPU = 2048;

/**
 * Minimum savings for a same-platform configuration change (provisioned concurrency, billing mode,
 * front door) to be suggested: at least 10 % of the current cost and at least 5 USD a month (converted
 * to the result currency). Below that the estimate's own uncertainty is larger than the gain, and the
 * current choice is treated as already the best.
 */
export const MIN_SAVINGS_FRACTION = 0.1;
export const MIN_SAVINGS_USD = 5;

/**
 * Minimum savings for a migration to another platform or execution model: at least 25 % and at least
 * 20 USD a month. A migration is a project (deployment, observability, tests, on-call habits); a team
 * should not be asked to re-platform a service for a saving in the noise of the estimate.
 */
export const MIN_MIGRATION_SAVINGS_FRACTION = 0.25;
export const MIN_MIGRATION_SAVINGS_USD = 20;

/**
 * Provisioned Concurrency pays off above 60 % utilisation:
 * 0.0000041667 / (0.0000166667 − 0.0000097222) = 60 % (cloud-economics.md §4.2d).
 */
export const PC_BREAK_EVEN_UTILISATION = 0.6;

/** Cloud Run instance-based billing pays off above ~75 % busy (cloud-economics.md §4.2e). */
export const CLOUD_RUN_INSTANCE_BILLING_BUSY = 0.75;

/** An always-on fleet below 40 % average utilisation is idle enough to consider on-demand (rule E1). */
export const IDLE_UTILISATION = 0.4;

/** wall ms / cpu ms at or above 3 means I/O-bound (rule E3). */
export const IO_BOUND_RATIO = 3;

/** Shortest wall time the model accepts, ms: keeps per-request arithmetic finite at "0 ms". */
export const MIN_DURATION_MS = 0.001;

/** Break-even search range, monthly requests (log-spaced, then refined). */
export const BREAK_EVEN_MIN_REQUESTS = 1e3;
export const BREAK_EVEN_MAX_REQUESTS = 1e11;
