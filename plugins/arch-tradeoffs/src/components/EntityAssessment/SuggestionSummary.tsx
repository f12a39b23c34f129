import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Decision,
  PLATFORM_LABELS,
  Suggestion,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCostRange } from '../../lib/format';
import { LevelChips } from './LevelChips';
import { DecisionNote } from './DecisionNote';

const useStyles = makeStyles(theme => ({
  root: {
    borderLeft: `4px solid ${theme.palette.primary.main}`,
    paddingLeft: theme.spacing(1.5),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  reasons: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

/** A migration suggestion: what, how much it saves (as a range), what it takes, and why. */
export function SuggestionSummary({
  suggestion,
  decision,
}: {
  suggestion: Suggestion;
  decision?: Decision | null;
}) {
  const classes = useStyles();
  const { monthlySavings: s } = suggestion;
  return (
    <section className={classes.root} aria-label="migration suggestion">
      <Typography variant="subtitle1">{suggestion.title}</Typography>
      <Typography variant="body2">
        Saves about {formatCost(s.expected, s.currency)} a month (
        {formatCostRange(s.low, s.high, s.currency)}) by moving to{' '}
        {PLATFORM_LABELS[suggestion.targetPlatform]} ({suggestion.targetModel}).
      </Typography>
      <LevelChips
        levels={{
          effort: suggestion.effort,
          risk: suggestion.risk,
          confidence: suggestion.confidence,
        }}
      />
      <ul className={classes.reasons}>
        {suggestion.reasons.map((reason, i) => (
          <li key={i}>
            <Typography variant="body2">{reason}</Typography>
          </li>
        ))}
      </ul>
      {decision && <DecisionNote decision={decision} />}
    </section>
  );
}
