import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

/** The backend's settings; pricing, defaults and inference are declared by the common package (shared with the frontend). */
export interface Config {
  archTradeoffs?: {
    refresh?: {
      /**
       * When the refresh reads the catalog and writes a snapshot. Default: every 30 minutes with a
       * 10-minute timeout, plus one at start-up. Several replicas share it through the scheduler's lock.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    scorecards?: {
      /**
       * Weight of each check in a team's score (the score is the weighted mean of the checks that
       * apply; 0 leaves a check out). Defaults: 25, 35, 20, 20.
       */
      weights?: {
        inputCoverage?: number;
        /** @deprecated The former name of `inputCoverage`; still read. */
        annotationCoverage?: number;
        costEfficiency?: number;
        postureRisks?: number;
        openSuggestions?: number;
      };
    };
    /**
     * Measured usage: each component's traffic, duration, CPU, memory and instances read from the
     * monitoring system, used wherever its own annotations do not state them. Without it, nothing is
     * measured.
     */
    usage?: {
      /**
       * How far (as a ratio) a stated `arch-tradeoffs.io/` value may be from its measurement before it
       * is reported as drift. Default 2.
       */
      driftFactor?: number;
      prometheus?: {
        /** The server's URL, e.g. `http://prometheus.monitoring:9090` (the HTTP API is under `/api/v1`). */
        baseUrl: string;
        /**
         * Headers sent with every request, e.g. `Authorization: Bearer ${PROMETHEUS_TOKEN}`.
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /** How far back to measure. Default 30 days; cut to the server's retention when that is shorter. */
        window?: HumanDuration | string;
        /** Each query's time limit. Default 30 seconds. */
        queryTimeout?: HumanDuration | string;
        /**
         * Rate window of the peak and step of the subqueries. Default 5 minutes; series must be scraped
         * at least twice per resolution.
         */
        resolution?: HumanDuration | string;
        /**
         * The label matcher that selects a component's series, one label equal to a template:
         * `{{name}}`, `{{namespace}}`, `{{kubernetesId}}` (the `backstage.io/kubernetes-id`
         * annotation, else the name). Default `job="{{kubernetesId}}"`. A component's
         * `arch-tradeoffs.io/prometheus-selector` annotation overrides it.
         */
        selector?: string;
        /** Metric names, when services export others than the defaults. */
        metrics?: {
          /**
           * Request counters and their duration sums (seconds), tried in order; the first with data
           * wins for a component. Default: OpenTelemetry's `http_server_request_duration_seconds`,
           * the client libraries' `http_request_duration_seconds`, Micrometer's
           * `http_server_requests_seconds` (each `_count` / `_sum`).
           */
          requests?: Array<{ count: string; sum: string }>;
          /** Default `process_cpu_seconds_total`. */
          cpu?: string;
          /** Default `process_resident_memory_bytes`. */
          memory?: string;
          /** Default `up`. */
          up?: string;
          /** CloudWatch exporter gauges. Defaults `aws_lambda_invocations_sum`, `aws_lambda_duration_sum`. */
          lambdaInvocations?: string;
          lambdaDuration?: string;
          /** The label holding the function name (matched to `aws.com/lambda-function-name`). Default `function_name`. */
          lambdaLabel?: string;
          /**
           * The CloudWatch period the exporter reads (its `period_seconds`; scrape it once per period,
           * with `set_timestamp: true`). Default 5 minutes.
           */
          lambdaPeriod?: HumanDuration | string;
        };
      };
    };
    history?: {
      /** Days of snapshots and history kept. Default 90. */
      retentionDays?: number;
    };
  };
}
