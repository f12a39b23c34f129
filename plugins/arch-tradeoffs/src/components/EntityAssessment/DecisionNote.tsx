import Typography from '@material-ui/core/Typography';
import type { Decision } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

const VERBS: Record<Decision['decision'], string> = {
  accepted: 'Accepted',
  dismissed: 'Dismissed',
  snoozed: 'Snoozed',
};

/** Who decided on the suggestion, when, and why: the planner records it, the entity page shows it. */
export function DecisionNote({ decision }: { decision: Decision }) {
  const date = (iso: string) => new Date(iso).toLocaleDateString();
  return (
    <Typography variant="body2" color="textSecondary">
      {VERBS[decision.decision]} by {decision.decidedBy} on{' '}
      {date(decision.decidedAt)}
      {decision.snoozeUntil ? `, until ${date(decision.snoozeUntil)}` : ''}
      {decision.reason ? `: ${decision.reason}` : ''}
    </Typography>
  );
}
