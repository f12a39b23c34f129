import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Assessment,
  PLATFORM_LABELS,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { ModelChip } from '../ComponentsTable/ModelChip';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
}));

/** The model chip, the platform and how much to trust the estimate, on one line. */
export function ModelAndPlatform({ assessment }: { assessment: Assessment }) {
  const classes = useStyles();
  return (
    <div className={classes.row}>
      <ModelChip model={assessment.executionModel} />
      <Typography variant="body1">
        {PLATFORM_LABELS[assessment.platform]}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        · {assessment.confidence} confidence
      </Typography>
    </div>
  );
}
