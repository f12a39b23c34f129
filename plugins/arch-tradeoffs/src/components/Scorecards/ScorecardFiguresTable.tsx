import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { ScorecardFigures } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost } from '../../lib/format';
import { formatScore } from './formatScore';

/**
 * Direct (the team's own components) next to aggregated (plus every descendant team's), so a manager
 * can tell their own standing from their organisation's.
 */
export function ScorecardFiguresTable({
  direct,
  aggregated,
  currency,
}: {
  direct: ScorecardFigures;
  aggregated: ScorecardFigures;
  currency: string;
}) {
  const money = (n: number) => formatCost(n, currency);
  const rows: [string, (f: ScorecardFigures) => string][] = [
    ['Score', f => formatScore(f.score)],
    ['Components', f => String(f.components)],
    // What the input-coverage check counts, and how much of it a measurement rather than a hand
    // estimate backs.
    ['Inputs known', f => String(f.covered)],
    ['Traffic measured', f => String(f.measured)],
    ['Assessed', f => String(f.assessed)],
    ['Monthly cost', f => money(f.monthlyCost)],
    ['Best-option cost', f => money(f.bestMonthlyCost)],
    ['Potential savings', f => money(f.potentialSavings)],
    ['Open suggestions', f => String(f.openSuggestions)],
    ['Posture risks', f => String(f.postureRisks)],
  ];
  return (
    <Table size="small" aria-label="direct and aggregated figures">
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell align="right">Direct</TableCell>
          <TableCell align="right">With child teams</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([name, value]) => (
          <TableRow key={name}>
            <TableCell component="th" scope="row">
              {name}
            </TableCell>
            <TableCell align="right">{value(direct)}</TableCell>
            <TableCell align="right">{value(aggregated)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
