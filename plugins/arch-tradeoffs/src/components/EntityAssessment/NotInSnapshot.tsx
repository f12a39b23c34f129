import { EmptyState } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { refreshIntervalMinutes } from './refreshInterval';

/**
 * The backend answers 404 for an annotated component it has not assessed yet: it was registered (or
 * annotated) after the last scheduled refresh. Saying so beats an error panel.
 */
export function NotInSnapshot() {
  const minutes = refreshIntervalMinutes(useApi(configApiRef));
  const when = minutes
    ? `refreshes every ${minutes} minute${minutes === 1 ? '' : 's'}`
    : 'refreshes on a schedule';
  return (
    <EmptyState
      missing="data"
      title="Not in the latest snapshot yet"
      description={`This component is not in the latest arch-tradeoffs snapshot yet (the estimate ${when}). It appears after the next refresh.`}
    />
  );
}
