import { EmptyState } from '@backstage/core-components';

/**
 * A component whose `spec.type` is not a deployed workload (a library, documentation, a template):
 * there is nothing to price, and saying why beats asking for annotations it does not need.
 */
export function NotAWorkload({ reason }: { reason: string }) {
  return (
    <EmptyState
      missing="info"
      title="Not a deployed workload"
      description={`arch-tradeoffs leaves this component out of costs and scores: ${reason}.`}
    />
  );
}
