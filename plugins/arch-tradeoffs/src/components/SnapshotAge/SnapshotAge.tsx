import Typography from '@material-ui/core/Typography';
import type { SnapshotInfo } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatAge } from '../../lib/format';

/**
 * Figures are computed by a scheduled refresh, not live: every view says how old they are, so nobody
 * mistakes yesterday's estimate for today's.
 */
export function SnapshotAge({ snapshot }: { snapshot: SnapshotInfo }) {
  return (
    <Typography variant="body2" color="textSecondary" title={`Snapshot #${snapshot.id}, ${snapshot.createdAt}`}>
      Figures from the refresh {formatAge(snapshot.ageSeconds)}
    </Typography>
  );
}
