import { Table, TableColumn } from '@backstage/core-components';
import type {
  CostLineItem,
  MonthlyCost,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCostRange } from '../../lib/format';

/**
 * The line items of the current cost with their arithmetic (`detail`), so a reader can check every
 * figure against a price page.
 */
export function CostBreakdownTable({ cost }: { cost: MonthlyCost }) {
  const columns: TableColumn<CostLineItem>[] = [
    { title: 'Item', field: 'label', width: '25%' },
    { title: 'How it is computed', field: 'detail' },
    {
      title: 'Monthly',
      field: 'amount',
      align: 'right',
      render: row => formatCost(row.amount, cost.currency),
    },
  ];
  return (
    <Table<CostLineItem>
      title="Cost breakdown"
      subtitle={`Expected ${formatCost(cost.expected, cost.currency)}, range ${formatCostRange(cost.low, cost.high, cost.currency)} a month (730 h)`}
      columns={columns}
      data={cost.breakdown.map(item => ({ ...item }))}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        sorting: false,
      }}
    />
  );
}
