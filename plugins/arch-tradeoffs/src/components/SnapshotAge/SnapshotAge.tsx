import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  SnapshotInfo,
  UsageSourceHealth,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatAge, secondsSince, USAGE_SOURCE_LABELS } from '../../lib/format';

const useStyles = makeStyles(theme => ({
  error: { color: theme.palette.warning.dark },
}));

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
 * The usage source at that refresh, in a line: `Prometheus: 8 of 12 selected components measured over
 * 30 days` (without the counts for a viewer who may not read every component), and its error when the refresh had one (the figures of the components it could not measure
 * then rest on annotations and defaults).
 */
export function usageStatus(usage: UsageSourceHealth): { status: string; error?: string } {
  const source = USAGE_SOURCE_LABELS[usage.source] ?? usage.source;
  const span = `over ${usage.windowDays} ${usage.windowDays === 1 ? 'day' : 'days'}`;
  // The counts are organisation-wide: a viewer who may not read every component does not get them.
  const status =
    usage.measured !== undefined && usage.selected !== undefined
      ? `${source}: ${usage.measured.toLocaleString()} of ${usage.selected.toLocaleString()} selected components measured ${span}`
      : `${source}: traffic measured ${span}`;
  if (!usage.lastError) return { status };
  const since = usage.lastSuccess
    ? `; last fully successful ${formatAge(secondsSince(usage.lastSuccess))}`
    : '';
  return {
    status,
    error: `error ${formatAge(secondsSince(usage.lastError.at))}: ${usage.lastError.message}${since}`,
  };
}

/**
 * Figures are computed by a scheduled refresh, not live: every view says how old they are, so nobody
 * mistakes yesterday's estimate for today's. With a usage source configured, a second line says how
 * much of the traffic it measured, and whether it failed.
 */
export function SnapshotAge({ snapshot }: { snapshot: SnapshotInfo }) {
  const classes = useStyles();
  const text = freshness(snapshot);
  const line = (
    <Typography variant="body2" color="textSecondary" title={`Snapshot #${snapshot.id}, ${snapshot.createdAt}`}>
      {`${text.charAt(0).toUpperCase()}${text.slice(1)}`}
    </Typography>
  );
  if (!snapshot.usage) return line;
  const { status, error } = usageStatus(snapshot.usage);
  const { windowNote, queries, lastError } = snapshot.usage;
  return (
    <div>
      {line}
      <Typography
        variant="body2"
        color="textSecondary"
        aria-label="usage source"
        title={`${queries.toLocaleString()} queries${windowNote ? ` · ${windowNote}` : ''}`}
      >
        {status}
        {error && (
          <>
            {' · '}
            <span className={classes.error} title={lastError!.at}>
              {error}
            </span>
          </>
        )}
      </Typography>
    </div>
  );
}
