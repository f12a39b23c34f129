import { MutableRefObject, useMemo, useRef, useState } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import type {
  Decision,
  SuggestionRecord,
  SuggestionsResponse,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { SuggestionsQuery } from '../../api/ArchTradeoffsApi';
import type { StatusFilter } from './suggestionStatus';

/**
 * What the planner asks for first under a status filter. A result this small (about 100 KB) is kept
 * whole in the browser, so it can be searched and sorted; a larger one is paged by the backend.
 */
export const FIRST_PAGE = 100;
/** Rows per table page, in the browser and from the backend alike. */
const TABLE_PAGE = 25;

/** A page of the ranked list under a status filter; "all" sends no status. */
export function pageQuery(
  status: StatusFilter,
  offset: number,
  limit: number,
): SuggestionsQuery {
  return { ...(status === 'all' ? {} : { status }), offset, limit };
}

/** What the planner needs of material-table: re-reading the page it shows. */
export type TableHandle = { onQueryChange(): void };

const emptyDataSourceMessage = 'No suggestions with this status';

/**
 * The suggestions of one status filter. Given `loadPage`, the table pages through the backend (search
 * and sorting, which would only see one page, are off; the backend ranks by savings); otherwise it
 * holds `response` whole and shows it with the decisions made on this page.
 */
export function SuggestionTable(props: {
  /** The first page under `status`. */
  response: SuggestionsResponse;
  status: StatusFilter;
  columns: TableColumn<SuggestionRecord>[];
  /** Decisions made on this page, by suggestion id, newer than `response`. */
  decisions: ReadonlyMap<string, Decision>;
  loadPage?: (offset: number, limit: number) => Promise<SuggestionsResponse>;
  tableRef: MutableRefObject<TableHandle | null>;
}) {
  const { response, status, columns, decisions, loadPage, tableRef } = props;
  const [remoteCount, setRemoteCount] = useState(response.totalCount);
  // The table's first page is in `response` already: used once, it saves a request per filter.
  const prefetched = useRef<SuggestionsResponse | null>(response);

  const shown = useMemo(() => {
    const rows = response.items.map(r => {
      const decision = decisions.get(r.suggestion.id);
      return decision ? { ...r, status: decision.decision, decision } : r;
    });
    // A decided row leaves a filter it no longer matches, as it would on the next load.
    return status === 'all' ? rows : rows.filter(r => r.status === status);
  }, [response, decisions, status]);

  if (loadPage) {
    return (
      <Table<SuggestionRecord>
        tableRef={tableRef}
        title={`Migration suggestions (${remoteCount.toLocaleString()})`}
        subtitle="Largest saving first, a page at a time (too many to search or sort here; Export CSV has them all)"
        options={{
          paging: true,
          pageSize: TABLE_PAGE,
          pageSizeOptions: [TABLE_PAGE],
          padding: 'dense',
          search: false,
          sorting: false,
        }}
        localization={{ body: { emptyDataSourceMessage } }}
        columns={columns}
        data={async query => {
          const first = prefetched.current;
          prefetched.current = null;
          const page =
            first && query.page === 0
              ? { ...first, items: first.items.slice(0, query.pageSize) }
              : await loadPage(query.page * query.pageSize, query.pageSize);
          setRemoteCount(page.totalCount);
          return {
            data: page.items,
            page: query.page,
            totalCount: page.totalCount,
          };
        }}
      />
    );
  }
  return (
    <Table<SuggestionRecord>
      title={`Migration suggestions (${shown.length.toLocaleString()})`}
      options={{
        paging: shown.length > TABLE_PAGE,
        pageSize: TABLE_PAGE,
        padding: 'dense',
        search: true,
      }}
      localization={{ body: { emptyDataSourceMessage } }}
      columns={columns}
      data={shown}
    />
  );
}
