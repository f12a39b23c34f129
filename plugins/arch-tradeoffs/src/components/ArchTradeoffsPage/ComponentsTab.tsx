import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { LoadedList } from '../LoadedList';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { ComponentsTable } from '../ComponentsTable';
import { SnapshotAge } from '../SnapshotAge';

/**
 * Every component with its annotations' diagnostics. `GET /v1/components` is paged; this shows the
 * first page the backend serves and says so when there are more.
 */
export function ComponentsTab() {
  const api = useApi(archTradeoffsApiRef);
  const load = useCallback(() => api.getComponents(), [api]);
  const empty = {
    title: 'No components in the catalog',
    description:
      'arch-tradeoffs assesses catalog entities of kind Component. Register some, and annotate them with arch-tradeoffs.io/execution-model or arch-tradeoffs.io/platform.',
  };
  return (
    <LoadedList load={load} empty={empty}>
      {value => (
        <>
          <SnapshotAge snapshot={value.snapshot} />
          {value.totalCount > value.items.length && (
            <Typography variant="body2" color="textSecondary">
              Showing the first {value.items.length} of {value.totalCount}{' '}
              components; filter the map to find the others.
            </Typography>
          )}
          <ComponentsTable components={value.items} />
        </>
      )}
    </LoadedList>
  );
}
