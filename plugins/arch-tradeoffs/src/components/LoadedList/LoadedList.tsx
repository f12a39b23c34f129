import type { ReactElement } from 'react';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import useAsync from 'react-use/esm/useAsync';

/**
 * Loading, error and empty states in one place, so every list view of the plugin shows them alike.
 * `load` must be stable (wrap it in `useCallback`): a new function loads again.
 */
export function LoadedList<T extends { items: unknown[] }>(props: {
  load: () => Promise<T>;
  empty: { title: string; description: string };
  children: (value: T) => ReactElement;
}) {
  const { value, loading, error } = useAsync(props.load, [props.load]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={props.empty.title}
        description={props.empty.description}
      />
    );
  }
  return props.children(value);
}
