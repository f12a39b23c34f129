import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@material-ui/core/styles';
import type { HistoryPoint } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost } from '../../lib/format';

const day = (iso: string) => new Date(iso).toLocaleDateString();

/** Score (left axis, 0–100) and monthly cost (right axis) across stored snapshots, oldest first. */
export function ScoreTrendChart({
  points,
  currency,
  height = 240,
}: {
  points: HistoryPoint[];
  currency: string;
  height?: number;
}) {
  const theme = useTheme();
  const money = (n: number) => formatCost(n, currency);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        data={points}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="createdAt" tickFormatter={day} />
        <YAxis yAxisId="score" domain={[0, 100]} width={40} />
        <YAxis
          yAxisId="cost"
          orientation="right"
          tickFormatter={money}
          width={80}
        />
        <Tooltip
          labelFormatter={day}
          formatter={(value: number, name: string) =>
            name === 'Monthly cost' ? money(value) : Math.round(value)
          }
        />
        <Legend />
        <Line
          yAxisId="score"
          dataKey="score"
          name="Score"
          stroke={theme.palette.primary.main}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          yAxisId="cost"
          dataKey="monthlyCost"
          name="Monthly cost"
          stroke={theme.palette.secondary.main}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
