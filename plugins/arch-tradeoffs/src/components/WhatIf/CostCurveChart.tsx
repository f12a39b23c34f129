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
  CurvePoint,
  Platform,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCount } from '../../lib/format';
import {
  COST_FLOOR,
  decadeTicks,
  plottable,
} from './chartScale';

// One formatter per currency, as in lib/format.ts: the axes format every tick on every keystroke.
const compactMoney = new Map<string, Intl.NumberFormat>();

/** Axis money: $0.01, $1, $100, $10K, $20M — the same style on every tick. */
function formatCompactCost(value: number, currency: string): string {
  let format = compactMoney.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 2,
      });
    } catch {
      const plain = new Intl.NumberFormat(undefined, {
        notation: 'compact',
        maximumFractionDigits: 2,
      });
      format = {
        format: (n: number) => `${plain.format(n)} ${currency}`,
      } as Intl.NumberFormat;
    }
    compactMoney.set(currency, format);
  }
  return format.format(value);
}

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

/**
 * Monthly cost of the current platform and its counterpart against monthly requests, both axes
 * log-scaled: costs grow with traffic, so on a linear cost axis everything below today's traffic
 * would sit flat at zero. Costs under a cent are drawn at a cent (a log axis has no zero).
 */
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
  const axisMoney = (value: number) => formatCompactCost(value, currency);
  const data = plottable(points);
  const costs = data.flatMap(p =>
    p.alternative === undefined ? [p.current] : [p.current, p.alternative],
  );
  const yTicks = decadeTicks(
    costs.length > 0 ? Math.min(...costs) : COST_FLOOR,
    Math.max(...costs, COST_FLOOR),
  );
  const decades = decadeTicks(first, last).filter(t => t >= first && t <= last);
  // Round ticks when at least two powers of ten are in range, else recharts' own.
  const xTicks = decades.length >= 2 ? decades : undefined;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart
        data={data}
        margin={{ top: 16, right: 24, bottom: 8, left: 16 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="requests"
          type="number"
          scale="log"
          domain={[first, last]}
          allowDataOverflow
          ticks={xTicks}
          tickFormatter={formatCount}
          label={{
            value: 'requests / month',
            position: 'insideBottomRight',
            offset: -4,
          }}
        />
        <YAxis
          type="number"
          scale="log"
          domain={
            yTicks.length > 0
              ? [yTicks[0], yTicks[yTicks.length - 1]]
              : [COST_FLOOR, 'auto']
          }
          ticks={yTicks.length > 0 ? yTicks : undefined}
          allowDataOverflow
          tickFormatter={axisMoney}
          width={64}
        />
        <Tooltip
          formatter={(value: number) =>
            value <= COST_FLOOR ? `≤ ${money(COST_FLOOR)}` : money(value)
          }
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
