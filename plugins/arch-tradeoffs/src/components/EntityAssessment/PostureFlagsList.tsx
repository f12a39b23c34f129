import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import InfoIcon from '@material-ui/icons/Info';
import type { ComponentType } from 'react';
import type { PostureFlag } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

const ICONS: Record<PostureFlag['severity'], ComponentType<any>> = {
  critical: ErrorIcon,
  warning: WarningIcon,
  info: InfoIcon,
};
const RANK: Record<PostureFlag['severity'], number> = {
  critical: 0,
  warning: 1,
  info: 2,
};

const useStyles = makeStyles(theme => ({
  list: { margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(0.5) },
  critical: { color: theme.palette.error.main, fontSize: 16 },
  warning: { color: theme.palette.warning.main, fontSize: 16 },
  info: { color: theme.palette.info.main, fontSize: 16 },
}));

/** Posture flags, most severe first; `limit` keeps the card short while the tab lists them all. */
export function PostureFlagsList({
  flags,
  limit,
}: {
  flags: PostureFlag[];
  limit?: number;
}) {
  const classes = useStyles();
  if (flags.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No posture flags
      </Typography>
    );
  }
  const sorted = [...flags].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const shown = limit === undefined ? sorted : sorted.slice(0, limit);
  return (
    <ul className={classes.list} aria-label="posture flags">
      {shown.map((flag, i) => {
        const Icon = ICONS[flag.severity];
        return (
          <li key={i} className={classes.item}>
            <Icon
              className={classes[flag.severity]}
              titleAccess={flag.severity}
            />
            <Typography variant="body2">{flag.message}</Typography>
          </li>
        );
      })}
      {shown.length < sorted.length && (
        <li>
          <Typography variant="caption" color="textSecondary">
            and {sorted.length - shown.length} more on the Architecture tab
          </Typography>
        </li>
      )}
    </ul>
  );
}
