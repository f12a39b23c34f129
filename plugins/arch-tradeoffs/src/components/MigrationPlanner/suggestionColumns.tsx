import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  PLATFORM_LABELS,
  SuggestionRecord,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCostRange } from '../../lib/format';
import { componentName, statusText } from './suggestionStatus';

export type DecisionAction = 'accept' | 'dismiss' | 'snooze';

const ACTIONS: { action: DecisionAction; label: string; status: SuggestionRecord['status'] }[] = [
  { action: 'accept', label: 'Accept', status: 'accepted' },
  { action: 'dismiss', label: 'Dismiss', status: 'dismissed' },
  { action: 'snooze', label: 'Snooze', status: 'snoozed' },
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The first reason in full; the rest behind a native disclosure, so rows stay one or two lines. */
function Reasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return <>—</>;
  const [first, ...rest] = reasons;
  return (
    <Typography variant="body2" component="div">
      {first}
      {rest.length > 0 && (
        <details>
          <summary>{rest.length} more</summary>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {rest.map(r => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </Typography>
  );
}

export function suggestionColumns(options: {
  currency: string;
  /** Suggestion ids with a decision on its way, whose buttons are disabled. */
  pending: ReadonlySet<string>;
  onAction: (action: DecisionAction, record: SuggestionRecord) => void;
}): TableColumn<SuggestionRecord>[] {
  const { currency, pending, onAction } = options;
  return [
    {
      title: 'Component',
      field: 'entityRef',
      highlight: true,
      render: r => <EntityRefLink entityRef={r.entityRef} title={r.title ?? componentName(r)} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      render: r => (r.owner ? <EntityRefLink entityRef={r.owner} defaultKind="group" /> : '—'),
    },
    {
      title: 'Migration',
      field: 'suggestion.targetPlatform',
      render: r => (
        <>
          <Typography variant="body2">
            {PLATFORM_LABELS[r.currentPlatform]} → {PLATFORM_LABELS[r.suggestion.targetPlatform]}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            now {formatCost(r.currentMonthlyCost, currency)} / month
          </Typography>
        </>
      ),
    },
    {
      title: 'Savings / month',
      field: 'suggestion.monthlySavings.expected',
      type: 'numeric',
      defaultSort: 'desc',
      customSort: (a, b) =>
        a.suggestion.monthlySavings.expected - b.suggestion.monthlySavings.expected,
      render: r => {
        const s = r.suggestion.monthlySavings;
        return (
          <span title={`expected ${formatCost(s.expected, currency)}`}>
            {formatCostRange(s.low, s.high, currency)}
          </span>
        );
      },
    },
    {
      title: 'Confidence',
      field: 'suggestion.confidence',
      render: r => capitalise(r.suggestion.confidence),
    },
    { title: 'Effort', field: 'suggestion.effort', render: r => capitalise(r.suggestion.effort) },
    { title: 'Risk', field: 'suggestion.risk', render: r => capitalise(r.suggestion.risk) },
    {
      title: 'Reasons',
      field: 'suggestion.reasons',
      sorting: false,
      width: '28%',
      render: r => <Reasons reasons={r.suggestion.reasons} />,
    },
    { title: 'Status', field: 'status', render: r => statusText(r) },
    {
      title: 'Actions',
      sorting: false,
      render: r => (
        <div style={{ display: 'flex', gap: 4 }}>
          {ACTIONS.map(({ action, label, status }) => (
            <Button
              key={action}
              size="small"
              variant="outlined"
              aria-label={`${label} suggestion for ${componentName(r)}`}
              // Re-deciding is allowed (a snoozed suggestion can be accepted); repeating is not.
              disabled={pending.has(r.suggestion.id) || r.status === status}
              onClick={() => onAction(action, r)}
            >
              {label}
            </Button>
          ))}
        </div>
      ),
    },
  ];
}
