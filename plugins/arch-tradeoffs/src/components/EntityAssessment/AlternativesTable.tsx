import Typography from '@material-ui/core/Typography';
import { Table, TableColumn } from '@backstage/core-components';
import {
  Alternative,
  PLATFORM_LABELS,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCostRange } from '../../lib/format';
import { ModelChip } from '../ComponentsTable/ModelChip';

function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <Typography key={i} variant="body2">
          {line}
        </Typography>
      ))}
    </>
  );
}

function CostCell({
  alternative,
  currency,
}: {
  alternative: Alternative;
  currency: string;
}) {
  const cost = alternative.monthlyCost;
  if (!alternative.feasible || !cost) {
    return (
      <>
        <Typography variant="body2" color="error">
          Not feasible
        </Typography>
        <Lines lines={alternative.infeasible} />
      </>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {formatCost(cost.expected, currency)}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {formatCostRange(cost.low, cost.high, currency)}
      </Typography>
    </>
  );
}

/**
 * The same workload priced on every other platform, cheapest feasible first; infeasible ones last,
 * with the hard constraint that rules them out.
 */
export function AlternativesTable({
  alternatives,
  currency,
}: {
  alternatives: Alternative[];
  currency: string;
}) {
  const rank = (a: Alternative) =>
    a.feasible && a.monthlyCost
      ? a.monthlyCost.expected
      : Number.POSITIVE_INFINITY;
  const rows = [...alternatives]
    .sort((a, b) => rank(a) - rank(b))
    // Plain rows, each field read by name: the engine's alternatives (the what-if's) compute their
    // fields when read, which a spread would drop; the table also writes its own state into rows.
    .map(a => ({
      id: a.platform,
      platform: a.platform,
      executionModel: a.executionModel,
      feasible: a.feasible,
      monthlyCost: a.monthlyCost,
      infeasible: a.infeasible,
      notes: a.notes,
    }));
  // Platform, model and cost are short: they keep narrow columns, so the notes get the room.
  const narrow = (width: number) => ({
    width: `${width}px`,
    cellStyle: { width, whiteSpace: 'nowrap' as const },
    headerStyle: { width },
  });
  const columns: TableColumn<Alternative>[] = [
    {
      title: 'Platform',
      field: 'platform',
      ...narrow(170),
      render: a => PLATFORM_LABELS[a.platform],
    },
    {
      title: 'Model',
      field: 'executionModel',
      ...narrow(110),
      render: a => <ModelChip model={a.executionModel} />,
    },
    {
      title: 'Monthly cost',
      // Wide enough for a range on one line and a short infeasibility reason.
      width: '220px',
      cellStyle: { width: 220, minWidth: 180, maxWidth: 220, wordBreak: 'normal' },
      headerStyle: { width: 220 },
      render: a => <CostCell alternative={a} currency={currency} />,
    },
    { title: 'How it was priced', render: a => <Lines lines={a.notes} /> },
  ];
  return (
    <Table<Alternative>
      title="Alternatives"
      columns={columns}
      data={rows}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        sorting: false,
      }}
    />
  );
}
