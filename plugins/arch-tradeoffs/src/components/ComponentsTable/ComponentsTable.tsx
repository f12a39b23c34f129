import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ComponentRecord,
  PLATFORM_LABELS,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
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
    width: '13%',
    field: 'owner',
    render: r => (r.owner ? <EntityRefLink entityRef={r.owner} defaultKind="group" /> : '—'),
  },
  {
    title: 'System',
    width: '13%',
    field: 'system',
    render: r => (r.system ? <EntityRefLink entityRef={r.system} defaultKind="system" /> : '—'),
  },
  {
    title: 'Execution model',
    width: '10%',
    field: 'settings.executionModel',
    render: r => <ModelChip model={r.settings?.executionModel ?? 'unannotated'} />,
  },
  {
    title: 'Platform',
    width: '12%',
    field: 'settings.platform',
    render: r => (r.settings ? PLATFORM_LABELS[r.settings.platform] : '—'),
  },
  {
    title: 'Diagnostics',
    width: '34%',
    field: 'diagnostics',
    customSort: (a, b) => severityRank(a) - severityRank(b),
    render: r => <DiagnosticsList diagnostics={r.diagnostics} />,
  },
];

/** Every component with its ownership, execution model, platform and annotation diagnostics. */
export function ComponentsTable({ components }: { components: ComponentRecord[] }) {
  return (
    <Table<ComponentRecord>
      title={`Components (${components.length})`}
      options={{ paging: components.length > 50, pageSize: 50, search: true, padding: 'dense' }}
      columns={columns}
      data={components}
    />
  );
}
