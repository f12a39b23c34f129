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

/**
 * The suggestion's title (its one-line case) with the reasons behind a native disclosure, so rows stay
 * short and the column keeps a readable width.
 */
function Reasons({ title, reasons }: { title: string; reasons: string[] }) {
  return (
    <Typography variant="body2" component="div">
      {title}
      {reasons.length > 0 && (
        <details>
          <summary>
            {reasons.length} reason{reasons.length === 1 ? '' : 's'}
          </summary>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {reasons.map(r => (
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
      cellStyle: { minWidth: 180, wordBreak: 'normal' },
      render: r => <EntityRefLink entityRef={r.entityRef} title={r.title ?? componentName(r)} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      cellStyle: { minWidth: 140 },
      render: r => (r.owner ? <EntityRefLink entityRef={r.owner} defaultKind="group" /> : '—'),
    },
    {
      title: 'Migration',
      field: 'suggestion.targetPlatform',
      cellStyle: { minWidth: 200 },
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
      // One column for the three levels keeps the table within a laptop screen.
      title: 'Confidence · effort · risk',
      field: 'suggestion.confidence',
      sorting: false,
      render: r => (
        <Typography variant="body2" component="div" style={{ whiteSpace: 'nowrap' }}>
          <div>Confidence {r.suggestion.confidence}</div>
          <div>Effort {r.suggestion.effort}</div>
          <div>Risk {r.suggestion.risk}</div>
        </Typography>
      ),
    },
    {
      title: 'Suggestion',
      field: 'suggestion.title',
      sorting: false,
      cellStyle: { minWidth: 280 },
      render: r => <Reasons title={r.suggestion.title} reasons={r.suggestion.reasons} />,
    },
    { title: 'Status', field: 'status', render: r => statusText(r) },
    {
      title: 'Actions',
      sorting: false,
      render: r => (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 96 }}>
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
