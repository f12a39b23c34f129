import Typography from '@material-ui/core/Typography';
import type { SnapshotInfo } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** 42 → "42 s ago", 180 → "3 min ago", 7200 → "2 h ago", 172800 → "2 days ago". */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  const days = Math.floor(s / 86400);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

/**
 * Figures are computed by a scheduled refresh, not live: every view says how old they are, so nobody
 * mistakes yesterday's estimate for today's.
 */
export function SnapshotAge({ snapshot }: { snapshot: SnapshotInfo }) {
  return (
    <Typography variant="body2" color="textSecondary" title={snapshot.createdAt}>
      Figures from the refresh {formatAge(snapshot.ageSeconds)}
    </Typography>
  );
}
