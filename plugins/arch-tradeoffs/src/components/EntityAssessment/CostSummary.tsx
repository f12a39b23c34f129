import Typography from '@material-ui/core/Typography';
import type { MonthlyCost } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCostRange } from '../../lib/format';

/** The expected monthly cost, large, with its low–high range: an estimate is never a single number. */
export function CostSummary({
  cost,
  label = 'Expected monthly cost',
}: {
  cost: MonthlyCost;
  label?: string;
}) {
  return (
    <div>
      <Typography variant="overline" color="textSecondary">
        {label}
      </Typography>
      <Typography variant="h4" component="p" aria-label={label}>
        {formatCost(cost.expected, cost.currency)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        range {formatCostRange(cost.low, cost.high, cost.currency)} a month
      </Typography>
    </div>
  );
}
