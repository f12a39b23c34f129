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
const time = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
  });
const dateAndTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/** Snapshots less than this far apart are told apart by time of day, not date. */
const TIME_AXIS_SPAN_MS = 2 * 24 * 60 * 60 * 1000;
/** Beyond this many snapshots the line is drawn without a dot per point. */
const MAX_DOTS = 20;

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
  const span =
    points.length > 1
      ? Date.parse(points[points.length - 1].createdAt) -
        Date.parse(points[0].createdAt)
      : 0;
  // Many snapshots of one day would read "11/23/2026" on every tick: label them by time instead.
  const tick = span < TIME_AXIS_SPAN_MS ? time : day;
  const dots = points.length <= MAX_DOTS;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        data={points}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="createdAt"
          tickFormatter={tick}
          minTickGap={48}
          interval="preserveStartEnd"
        />
        <YAxis yAxisId="score" domain={[0, 100]} width={40} />
        <YAxis
          yAxisId="cost"
          orientation="right"
          tickFormatter={money}
          width={80}
        />
        <Tooltip
          labelFormatter={dateAndTime}
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
          dot={dots}
          isAnimationActive={false}
        />
        <Line
          yAxisId="cost"
          dataKey="monthlyCost"
          name="Monthly cost"
          stroke={theme.palette.secondary.main}
          dot={dots}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
