import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { MAX_DAILY_SWING, type TrafficShape } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

const ratio = (n: number) =>
  `${n.toLocaleString(undefined, { maximumFractionDigits: 1 })}×`;
const rate = (n: number) =>
  n.toLocaleString(undefined, { maximumFractionDigits: n < 10 ? 2 : 0 });
const hour = (h: number) => String(h).padStart(2, '0');

/**
 * The figures the pattern was classified by, in words: `Diurnal: busiest hour 4.2× the quietest;
 * busiest 5 minutes 2.1× the mean; 0 % of hours idle`. The swing is capped (an idle quietest hour
 * would make it infinite): at the cap it says "or more".
 */
export function shapeTitle(shape: TrafficShape): string {
  const swing =
    shape.dailySwing >= MAX_DAILY_SWING
      ? `busiest hour ${ratio(MAX_DAILY_SWING)} the quietest or more`
      : `busiest hour ${ratio(shape.dailySwing)} the quietest`;
  const pattern = `${shape.pattern.charAt(0).toUpperCase()}${shape.pattern.slice(1)}`;
  return `${pattern}: ${swing}; busiest 5 minutes ${ratio(shape.peakToMean)} the mean; ${Math.round(shape.idleShare * 100)} % of hours idle`;
}

/**
 * The measured day: mean requests per second in each UTC hour, averaged over the days measured. Bars
 * rather than a line: each is an hour's average, not a sample of a continuous curve.
 */
export function TrafficShapeChart({
  shape,
  height = 200,
}: {
  shape: TrafficShape;
  height?: number;
}) {
  const theme = useTheme();
  const data = shape.hourlyRps.map((rps, h) => ({ hour: h, rps }));
  const title = shapeTitle(shape);
  return (
    <figure aria-label="traffic by hour" style={{ margin: 0 }}>
      <Typography variant="body2" component="figcaption" gutterBottom>
        {title}
      </Typography>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="hour"
            tickFormatter={hour}
            interval={2}
            label={{ value: 'hour (UTC)', position: 'insideBottom', offset: -8 }}
          />
          <YAxis
            tickFormatter={rate}
            width={56}
            label={{ value: 'req/s', angle: -90, position: 'insideLeft' }}
          />
          <Tooltip
            labelFormatter={(h: number) => `${hour(h)}:00–${hour((h + 1) % 24)}:00 UTC`}
            formatter={(value: number) => [`${rate(value)} req/s`, 'mean rate']}
          />
          <Bar
            dataKey="rps"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
