import Typography from '@material-ui/core/Typography';
import type { SnapshotInfo } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatAge, secondsSince } from '../../lib/format';

/**
 * How fresh and how complete a response's figures are, in words: `figures from the refresh 3 min ago`,
 * and, when the catalog's permissions hide some components or teams from the viewer, that the figures
 * leave those out.
 */
export function freshness(snapshot: SnapshotInfo): string {
  const age = `figures from the refresh ${formatAge(secondsSince(snapshot.createdAt))}`;
  return snapshot.partial ? `${age} · covering only what you may read in the catalog` : age;
}

/**
 * Figures are computed by a scheduled refresh, not live: every view says how old they are, so nobody
 * mistakes yesterday's estimate for today's.
 */
export function SnapshotAge({ snapshot }: { snapshot: SnapshotInfo }) {
  const text = freshness(snapshot);
  return (
    <Typography variant="body2" color="textSecondary" title={`Snapshot #${snapshot.id}, ${snapshot.createdAt}`}>
      {`${text.charAt(0).toUpperCase()}${text.slice(1)}`}
    </Typography>
  );
}
