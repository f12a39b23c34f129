import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { LoadedList } from '../LoadedList';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { OrgMapView } from './OrgMapView';

/**
 * The org-wide map: every catalog component as a tile. Loads the compact summaries once; all
 * filtering and grouping happens in the browser, so changing a filter costs no round trip.
 */
export function OrgMap() {
  const api = useApi(archTradeoffsApiRef);
  const load = useCallback(() => api.getComponentSummaries(), [api]);
  const empty = {
    title: 'No components to map',
    description:
      'The map draws catalog entities of kind Component. Register some, and annotate them with arch-tradeoffs.io/execution-model or arch-tradeoffs.io/platform (plus workload annotations such as arch-tradeoffs.io/monthly-requests) so their cost can be estimated.',
  };
  return (
    <LoadedList load={load} empty={empty}>
      {value => <OrgMapView response={value} />}
    </LoadedList>
  );
}
