import { Table, TableColumn } from '@backstage/core-components';
import {
  ANNOTATION_PREFIX,
  Assumption,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** Every value the estimate used without the entity stating it, and why: each one lowers confidence. */
export function AssumptionsTable({
  assumptions,
}: {
  assumptions: Assumption[];
}) {
  const columns: TableColumn<Assumption>[] = [
    {
      title: 'Annotation',
      render: a => a.annotation.replace(ANNOTATION_PREFIX, ''),
    },
    { title: 'Value used', render: a => String(a.value) },
    { title: 'Why', field: 'reason' },
  ];
  return (
    <Table<Assumption>
      title="Assumptions"
      subtitle="State these annotations to make the estimate more precise"
      columns={columns}
      data={assumptions.map(a => ({ ...a }))}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        sorting: false,
      }}
      emptyContent={
        <div style={{ padding: 16 }}>
          Every setting is stated; nothing was assumed.
        </div>
      }
    />
  );
}
