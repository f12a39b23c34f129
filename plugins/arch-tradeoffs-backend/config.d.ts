import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** The backend's settings; pricing and defaults are declared by the common package (shared with the frontend). */
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
     * What the catalog already says of a component, before its own `arch-tradeoffs.io/` annotations.
     */
    inference?: {
      /**
       * Rules tried before the built-in ones (kubernetes-label-selector / kubernetes-id → kubernetes,
       * aws.com/lambda-function-name → aws-lambda, aws.amazon.com/amazon-ecs-service-arn →
       * aws-fargate): a component carrying `annotation` (any non-empty value) runs on `platform`.
       */
      rules?: Array<{
        annotation: string;
        platform:
          | 'aws-lambda'
          | 'aws-fargate'
          | 'aws-ec2'
          | 'kubernetes'
          | 'gcp-cloud-run'
          | 'gcp-cloud-functions'
          | 'azure-functions'
          | 'azure-container-apps'
          | 'cloudflare-workers';
        /** Said with the inference, e.g. why the platform is only the likely one. */
        note?: string;
      }>;
      /**
       * `spec.type` values that are not deployed workloads: not priced, not counted in any score.
       * Replaces the default list: library, documentation, template.
       */
      notApplicableTypes?: string[];
    };
    history?: {
      /** Days of snapshots and history kept. Default 90. */
      retentionDays?: number;
    };
  };
}
