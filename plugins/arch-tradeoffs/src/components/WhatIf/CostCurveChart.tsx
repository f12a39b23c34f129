import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@material-ui/core/styles';
import {
  PLATFORM_LABELS,
  Platform,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCount } from '../../lib/format';
import type { CurvePoint } from './costCurves';

export interface CostCurveChartProps {
  points: CurvePoint[];
  currency: string;
  current: Platform;
  against?: Platform;
  /** Today's (what-if) traffic, marked on the chart. */
  requests: number;
  /** Where the curves cross, when they do. */
  breakEvenRequests?: number;
  height?: number;
}

/** Monthly cost of the current platform and its counterpart against monthly requests, log-scaled. */
export function CostCurveChart({
  points,
  currency,
  current,
  against,
  requests,
  breakEvenRequests,
  height = 320,
}: CostCurveChartProps) {
  const theme = useTheme();
  const first = points[0]?.requests ?? 1;
  const last = points[points.length - 1]?.requests ?? 1;
  const showBreakEven =
    breakEvenRequests !== undefined &&
    breakEvenRequests >= first &&
    breakEvenRequests <= last;
  const money = (value: number) => formatCost(value, currency);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart
        data={points}
        margin={{ top: 16, right: 24, bottom: 8, left: 16 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="requests"
          type="number"
          scale="log"
          domain={[first, last]}
          allowDataOverflow
          tickFormatter={formatCount}
          label={{
            value: 'requests / month',
            position: 'insideBottomRight',
            offset: -4,
          }}
        />
        <YAxis tickFormatter={money} width={80} />
        <Tooltip
          formatter={(value: number) => money(value)}
          labelFormatter={(label: number) =>
            `${formatCount(label)} requests / month`
          }
        />
        <Legend />
        <Line
          type="monotone"
          dataKey="current"
          name={PLATFORM_LABELS[current]}
          stroke={theme.palette.primary.main}
          dot={false}
          isAnimationActive={false}
        />
        {against && (
          <Line
            type="monotone"
            dataKey="alternative"
            name={PLATFORM_LABELS[against]}
            stroke={theme.palette.secondary.main}
            dot={false}
            isAnimationActive={false}
          />
        )}
        <ReferenceLine
          x={requests}
          stroke={theme.palette.text.secondary}
          strokeDasharray="4 4"
          label={{ value: 'this traffic', position: 'top' }}
        />
        {showBreakEven && (
          <ReferenceLine
            x={breakEvenRequests}
            stroke={theme.palette.error.main}
            label={{ value: 'break-even', position: 'insideTopLeft' }}
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}
