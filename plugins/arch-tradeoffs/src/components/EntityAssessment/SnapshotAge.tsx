import Typography from '@material-ui/core/Typography';
import type { SnapshotInfo } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatAge } from './formatAge';

/** How fresh the figures are: they come from the last scheduled refresh, not from this page load. */
export function SnapshotAge({ snapshot }: { snapshot: SnapshotInfo }) {
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      title={snapshot.createdAt}
    >
      Estimated {formatAge(snapshot.ageSeconds)} (snapshot #{snapshot.id})
    </Typography>
  );
}
