import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { Level } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

const useStyles = makeStyles(theme => ({
  row: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/** Effort, risk and confidence side by side, each labelled (a bare "low" is ambiguous). */
export function LevelChips({ levels }: { levels: Record<string, Level> }) {
  const classes = useStyles();
  return (
    <div className={classes.row}>
      {Object.entries(levels).map(([name, level]) => (
        <Chip
          key={name}
          size="small"
          variant="outlined"
          label={`${name}: ${level}`}
        />
      ))}
    </div>
  );
}
