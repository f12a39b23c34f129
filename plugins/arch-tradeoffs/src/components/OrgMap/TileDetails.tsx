import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ComponentSummary,
  PLATFORM_LABELS,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { MODEL_LABELS } from '../ComponentsTable';
import { formatCost } from '../../lib/format';
import { modelOf, shortRef } from './mapModel';

const useStyles = makeStyles(theme => ({
  panel: {
    position: 'absolute',
    zIndex: theme.zIndex.tooltip,
    padding: theme.spacing(1, 1.5),
    maxWidth: 320,
    // Informational only: it must never catch the pointer meant for the tiles below.
    pointerEvents: 'none',
  },
}));

/**
 * The one hover panel the whole map shares (one MUI Tooltip per tile is too slow at 5,000 tiles).
 * Positioned by the map below the hovered or focused tile.
 */
export function TileDetails({
  component: c,
  currency,
  left,
  top,
}: {
  component: ComponentSummary;
  currency: string;
  left: number;
  top: number;
}) {
  const classes = useStyles();
  return (
    <Paper role="tooltip" elevation={4} className={classes.panel} style={{ left, top }}>
      <Typography variant="subtitle2">{c.title ?? c.name}</Typography>
      <Typography variant="body2">
        {MODEL_LABELS[modelOf(c)]}
        {c.platform ? ` on ${PLATFORM_LABELS[c.platform]}` : ''}
      </Typography>
      <Typography variant="body2">
        {c.monthlyCost === null
          ? 'Not assessed'
          : `${formatCost(c.monthlyCost, currency)} / month (estimated)`}
      </Typography>
      {c.measured && (
        <Typography variant="body2" color="textSecondary">
          Traffic measured
        </Typography>
      )}
      {c.owner && (
        <Typography variant="body2" color="textSecondary">
          Owner: {shortRef(c.owner)}
        </Typography>
      )}
      {c.suggestion && (
        <Typography variant="body2">
          Suggestion: {c.suggestion.title} — move to {PLATFORM_LABELS[c.suggestion.targetPlatform]},
          saves about {formatCost(c.suggestion.savings, currency)} / month
        </Typography>
      )}
    </Paper>
  );
}
