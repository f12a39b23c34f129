import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { ScoreLevel } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

const COLOURS: Record<ScoreLevel, string> = {
  excellent: '#2e7d32',
  good: '#558b2f',
  fair: '#f9a825',
  poor: '#c62828',
};

const useStyles = makeStyles({
  chip: { color: '#fff', fontWeight: 500, textTransform: 'capitalize' },
});

/** The level a score falls in; "No components" when the team owns nothing to score. */
export function ScoreLevelChip({ level }: { level: ScoreLevel | null }) {
  const classes = useStyles();
  if (!level)
    return <Chip size="small" variant="outlined" label="No components" />;
  return (
    <Chip
      size="small"
      label={level}
      className={classes.chip}
      style={{ backgroundColor: COLOURS[level] }}
    />
  );
}
