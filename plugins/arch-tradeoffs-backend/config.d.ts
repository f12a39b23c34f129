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
        annotationCoverage?: number;
        costEfficiency?: number;
        postureRisks?: number;
        openSuggestions?: number;
      };
    };
    history?: {
      /** Days of snapshots and history kept. Default 90. */
      retentionDays?: number;
    };
  };
}
