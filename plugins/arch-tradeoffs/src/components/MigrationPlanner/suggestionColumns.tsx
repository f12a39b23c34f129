import type { CSSProperties } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  PLATFORM_LABELS,
  SuggestionRecord,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost, formatCostRange } from '../../lib/format';
import { componentName, statusSummary, statusText } from './suggestionStatus';

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

/** Read by screen readers (and found by text queries) but not drawn. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** Words wrap between words only, never inside one (the theme's cells break anywhere). */
const noBreak: CSSProperties = { wordBreak: 'normal', overflowWrap: 'normal' };

/**
 * The status compactly: "Dismissed", then "guest · Nov 23" and the reason cut to two lines. The full
 * sentence ("Dismissed by user:default/guest: …") is the tooltip and what screen readers hear.
 */
function StatusCell({ record }: { record: SuggestionRecord }) {
  const full = statusText(record);
  const { label, detail, reason } = statusSummary(record);
  if (!detail && !reason) return <>{full}</>;
  return (
    <div title={full} style={{ position: 'relative' }}>
      <span style={visuallyHidden}>{full}</span>
      <div aria-hidden="true">
        <Typography variant="body2">{label}</Typography>
        <Typography
          variant="caption"
          color="textSecondary"
          component="div"
          style={{ whiteSpace: 'nowrap' }}
        >
          {detail}
        </Typography>
        {reason && (
          <Typography
            variant="caption"
            color="textSecondary"
            component="div"
            style={{
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
              overflowWrap: 'anywhere',
            }}
          >
            {reason}
          </Typography>
        )}
      </div>
    </div>
  );
}

/**
 * A savings range; a negative one (the move costs more, e.g. to meet a timeout or latency objective)
 * is worded as the extra cost rather than as negative savings.
 */
export function savingsText(low: number, high: number, currency: string): string {
  if (low >= 0) return formatCostRange(low, high, currency);
  if (high <= 0) return `costs ${formatCostRange(-high, -low, currency)} more`;
  return `costs up to ${formatCost(-low, currency)} more, or saves up to ${formatCost(high, currency)}`;
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
      cellStyle: { ...noBreak, minWidth: 130 },
      render: r => <EntityRefLink entityRef={r.entityRef} title={r.title ?? componentName(r)} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      cellStyle: { ...noBreak, minWidth: 100 },
      render: r => (r.owner ? <EntityRefLink entityRef={r.owner} defaultKind="group" /> : '—'),
    },
    {
      title: 'Migration',
      field: 'suggestion.targetPlatform',
      cellStyle: { ...noBreak, minWidth: 150 },
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
      title: 'Saves / month',
      field: 'suggestion.monthlySavings.expected',
      type: 'numeric',
      defaultSort: 'desc',
      customSort: (a, b) =>
        a.suggestion.monthlySavings.expected - b.suggestion.monthlySavings.expected,
      cellStyle: { ...noBreak, minWidth: 100 },
      render: r => {
        const s = r.suggestion.monthlySavings;
        const expected =
          s.expected < 0
            ? `expected to cost ${formatCost(-s.expected, currency)} more`
            : `expected ${formatCost(s.expected, currency)}`;
        return <span title={expected}>{savingsText(s.low, s.high, currency)}</span>;
      },
    },
    {
      // One column for the three levels keeps the table within a laptop screen.
      title: 'Confidence · effort · risk',
      cellStyle: noBreak,
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
      cellStyle: { ...noBreak, minWidth: 200 },
      render: r => <Reasons title={r.suggestion.title} reasons={r.suggestion.reasons} />,
    },
    {
      title: 'Status',
      field: 'status',
      cellStyle: { ...noBreak, minWidth: 110, maxWidth: 160 },
      render: r => <StatusCell record={r} />,
    },
    {
      title: 'Actions',
      sorting: false,
      render: r => (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 88 }}>
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
