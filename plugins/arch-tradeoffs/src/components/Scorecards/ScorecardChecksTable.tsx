import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import type { ScorecardCheck } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatScore } from './formatScore';

/**
 * The checks behind a score: a manager needs to see which one drags it down and what figure that is.
 * The description (how the check is computed) is a tooltip on its title.
 */
export function ScorecardChecksTable({
  checks,
  label = 'scorecard checks',
}: {
  checks: ScorecardCheck[];
  label?: string;
}) {
  const totalWeight = checks.reduce(
    (sum, c) => sum + (c.score === null ? 0 : c.weight),
    0,
  );
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell align="right">Weight</TableCell>
          <TableCell align="right">Score</TableCell>
          <TableCell>Detail</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {checks.map(check => (
          <TableRow key={check.id}>
            <TableCell>
              <Tooltip title={check.description}>
                <span>{check.title}</span>
              </Tooltip>
            </TableCell>
            <TableCell align="right">
              {check.weight}
              {check.score !== null && totalWeight > 0
                ? ` (${Math.round((check.weight / totalWeight) * 100)} %)`
                : ''}
            </TableCell>
            <TableCell align="right">{formatScore(check.score)}</TableCell>
            <TableCell>{check.detail}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
