import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { formatScore } from './formatScore';
import { ScoreTrendChart } from './ScoreTrendChart';

/**
 * The team's history, loaded on its own: a failing history must not hide the scorecard itself.
 * Says in words how the score moved, so the figure is readable without the chart.
 */
export function ScoreTrend({ groupRef }: { groupRef: string }) {
  const api = useApi(archTradeoffsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getHistory({ group: groupRef }),
    [api, groupRef],
  );
  if (loading) return <Progress />;
  if (error)
    return (
      <ResponseErrorPanel title="Could not load the trend" error={error} />
    );
  if (value?.partial) {
    return (
      <Typography variant="body2" color="textSecondary">
        The trend is not shown: it sums components of this team that you may not read.
      </Typography>
    );
  }
  const points = value?.points ?? [];
  if (points.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        The trend appears once there are two or more snapshots.
      </Typography>
    );
  }
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <>
      <Typography variant="body2" aria-label="score trend">
        Score {formatScore(first.score)} → {formatScore(last.score)} over{' '}
        {points.length} snapshots
      </Typography>
      <ScoreTrendChart points={points} currency={value!.currency} />
    </>
  );
}
