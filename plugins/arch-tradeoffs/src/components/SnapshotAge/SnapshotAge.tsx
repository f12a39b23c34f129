import Typography from '@material-ui/core/Typography';
import type { SnapshotInfo } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatAge, secondsSince } from '../../lib/format';

/**
 * Figures are computed by a scheduled refresh, not live: every view says how old they are, so nobody
 * mistakes yesterday's estimate for today's; and when the catalog's permissions hide some components
 * from the viewer, that the figures leave those out.
 */
export function SnapshotAge({ snapshot }: { snapshot: SnapshotInfo }) {
  return (
    <Typography variant="body2" color="textSecondary" title={`Snapshot #${snapshot.id}, ${snapshot.createdAt}`}>
      Figures from the refresh {formatAge(secondsSince(snapshot.createdAt))}
      {snapshot.partial ? ' · covering only the components you may read' : ''}
    </Typography>
  );
}
