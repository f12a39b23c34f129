import { EmptyState } from '@backstage/core-components';

/**
 * The backend answers 404 for an annotated component it has not assessed yet: it was registered (or
 * annotated) after the last scheduled refresh. Saying so beats an error panel.
 */
export function NotInSnapshot() {
  return (
    <EmptyState
      missing="data"
      title="Not in the latest snapshot yet"
      description="This component was added or annotated after the last arch-tradeoffs refresh. It appears after the next scheduled refresh."
    />
  );
}
