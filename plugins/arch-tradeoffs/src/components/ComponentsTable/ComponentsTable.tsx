import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ComponentRecord,
  PLATFORM_LABELS,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { INPUT_LABELS, recordInput } from '../../lib/inputFilter';
import { DiagnosticsList } from './DiagnosticsList';
import { ModelChip } from './ModelChip';

const severityRank = (r: ComponentRecord) =>
  r.diagnostics.filter(d => d.severity === 'error').length * 100 +
  r.diagnostics.filter(d => d.severity === 'warning').length;

const columns: TableColumn<ComponentRecord>[] = [
  {
    title: 'Component',
    width: '18%',
    field: 'name',
    highlight: true,
    render: r => <EntityRefLink entityRef={r.entityRef} title={r.title} />,
  },
  {
    title: 'Owner',
    width: '12%',
    field: 'owner',
    render: r => (r.owner ? <EntityRefLink entityRef={r.owner} defaultKind="group" /> : '—'),
  },
  {
    title: 'System',
    width: '12%',
    field: 'system',
    render: r => (r.system ? <EntityRefLink entityRef={r.system} defaultKind="system" /> : '—'),
  },
  {
    title: 'Execution model',
    width: '10%',
    field: 'settings.executionModel',
    render: r => (
      <ModelChip model={r.notApplicable ? 'not-applicable' : r.settings?.executionModel ?? 'unannotated'} />
    ),
  },
  {
    title: 'Platform',
    width: '11%',
    field: 'settings.platform',
    render: r => (r.settings ? PLATFORM_LABELS[r.settings.platform] : '—'),
  },
  {
    // Where the traffic figures came from: what the Inputs filter selects on.
    title: 'Traffic',
    width: '8%',
    customSort: (a, b) => (recordInput(a) ?? '').localeCompare(recordInput(b) ?? ''),
    render: r => {
      const input = recordInput(r);
      return input ? INPUT_LABELS[input] : '—';
    },
  },
  {
    title: 'Diagnostics',
    width: '29%',
    field: 'diagnostics',
    customSort: (a, b) => severityRank(a) - severityRank(b),
    render: r => <DiagnosticsList diagnostics={r.diagnostics} />,
  },
];

const PAGE_SIZE = 50;

/** A page of components from the backend, `pageSize` of them from `offset`, with the total count. */
export type LoadComponentsPage = (
  offset: number,
  pageSize: number,
) => Promise<{ items: ComponentRecord[]; totalCount: number }>;

/**
 * Every component with its ownership, execution model, platform, whether its traffic was measured and
 * its annotation diagnostics. Given `loadPage`, the table pages through the backend (a large catalog
 * is never loaded whole, so search and sorting, which would only see one page, are off); otherwise it
 * shows, searches and sorts `components` in the browser.
 */
export function ComponentsTable({
  components,
  totalCount = components.length,
  loadPage,
}: {
  components: ComponentRecord[];
  totalCount?: number;
  loadPage?: LoadComponentsPage;
}) {
  if (loadPage) {
    return (
      <Table<ComponentRecord>
        title={`Components (${totalCount.toLocaleString()})`}
        options={{ paging: true, pageSize: PAGE_SIZE, pageSizeOptions: [PAGE_SIZE], search: false, sorting: false, padding: 'dense' }}
        columns={columns}
        data={async query => {
          const page = await loadPage(query.page * query.pageSize, query.pageSize);
          return { data: page.items, page: query.page, totalCount: page.totalCount };
        }}
      />
    );
  }
  return (
    <Table<ComponentRecord>
      title={`Components (${totalCount.toLocaleString()})`}
      options={{ paging: components.length > PAGE_SIZE, pageSize: PAGE_SIZE, search: true, padding: 'dense' }}
      columns={columns}
      data={components}
    />
  );
}
