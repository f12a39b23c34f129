import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { LoadedList } from '../LoadedList';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { ComponentsTable } from '../ComponentsTable';
import { SnapshotAge } from '../SnapshotAge';

/**
 * Every component with its annotations' diagnostics. `GET /v1/components` is paged: when the first
 * page holds every component the table works on them in the browser, otherwise it pages through the
 * backend.
 */
export function ComponentsTab() {
  const api = useApi(archTradeoffsApiRef);
  // The table shows what the annotations say, not the assessments: it asks for records without them.
  const load = useCallback(() => api.getComponents({ view: 'annotations' }), [api]);
  const loadPage = useCallback(
    (offset: number, limit: number) => api.getComponents({ offset, limit, view: 'annotations' }),
    [api],
  );
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
              {value.totalCount.toLocaleString()} components, a page at a time;
              search the map to find one by name.
            </Typography>
          )}
          <ComponentsTable
            components={value.items}
            totalCount={value.totalCount}
            loadPage={
              value.totalCount > value.items.length ? loadPage : undefined
            }
          />
        </>
      )}
    </LoadedList>
  );
}
