import { useCallback, useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import { Table } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { LoadedList } from '../LoadedList';
import type {
  DecisionRequest,
  SuggestionRecord,
  SuggestionsResponse,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { SnapshotAge } from '../SnapshotAge';
import { formatCost } from '../../lib/format';
import { DismissDialog } from './DismissDialog';
import { SnoozeDialog } from './SnoozeDialog';
import { downloadBlob } from './downloadBlob';
import { DecisionAction, suggestionColumns } from './suggestionColumns';
import {
  STATUS_FILTERS,
  StatusFilter,
  componentName,
  inputToIso,
} from './suggestionStatus';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(3),
    marginBottom: theme.spacing(2),
  },
  spacer: { flex: 1 },
}));

type OpenDialog = {
  kind: 'dismiss' | 'snooze';
  record: SuggestionRecord;
} | null;

/** The suggestions of a loaded response, with their decisions kept up to date locally. */
function Planner({ response }: { response: SuggestionsResponse }) {
  const classes = useStyles();
  const api = useApi(archTradeoffsApiRef);
  const alertApi = useApi(alertApiRef);
  const { currency } = response;

  // Ranked by the table's default sort (savings, largest first), whatever order the backend used.
  const [records, setRecords] = useState(response.items);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [exporting, setExporting] = useState(false);

  /** Records a decision and puts it in the row; rejects when the backend does. */
  const decide = useCallback(
    async (record: SuggestionRecord, request: DecisionRequest) => {
      const id = record.suggestion.id;
      setPending(p => new Set(p).add(id));
      try {
        const decision = await api.decide(id, request);
        setRecords(rs =>
          rs.map(r =>
            r.suggestion.id === id
              ? { ...r, status: decision.decision, decision }
              : r,
          ),
        );
      } finally {
        setPending(p => {
          const next = new Set(p);
          next.delete(id);
          return next;
        });
      }
    },
    [api],
  );

  const onAction = useCallback(
    (action: DecisionAction, record: SuggestionRecord) => {
      if (action === 'accept') {
        decide(record, { decision: 'accepted' }).catch(e =>
          alertApi.post({
            message: `Could not accept the suggestion for ${componentName(record)}: ${e.message}`,
            severity: 'error',
          }),
        );
      } else {
        setDialog({ kind: action, record });
      }
    },
    [decide, alertApi],
  );

  const exportCsv = async () => {
    setExporting(true);
    try {
      // The file holds what the table shows: the status filter applies (not the table's search).
      downloadBlob(
        await api.downloadCsv(
          'suggestions',
          status === 'all' ? {} : { status },
        ),
        status === 'all'
          ? 'arch-tradeoffs-suggestions.csv'
          : `arch-tradeoffs-suggestions-${status}.csv`,
      );
    } catch (e) {
      alertApi.post({
        message: `Export failed: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setExporting(false);
    }
  };

  const columns = useMemo(
    () => suggestionColumns({ currency, pending, onAction }),
    [currency, pending, onAction],
  );
  const shown = useMemo(
    () =>
      status === 'all' ? records : records.filter(r => r.status === status),
    [records, status],
  );
  // Summed here rather than taken from the response, so it follows decisions made on this page.
  const open = records.filter(r => r.status === 'open');
  const openSavings = open.reduce(
    (sum, r) => sum + r.suggestion.monthlySavings.expected,
    0,
  );

  const closeDialog = () => setDialog(null);

  return (
    <>
      <div className={classes.toolbar}>
        <TextField
          select
          id="planner-status"
          label="Status"
          value={status}
          onChange={e => setStatus(e.target.value as StatusFilter)}
          SelectProps={{ native: true }}
        >
          {STATUS_FILTERS.map(f => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </TextField>
        <Typography variant="body1" aria-live="polite">
          {open.length} open {open.length === 1 ? 'suggestion' : 'suggestions'}{' '}
          would save about{' '}
          <strong>{formatCost(openSavings, currency)} / month</strong>
        </Typography>
        <span className={classes.spacer} />
        <SnapshotAge snapshot={response.snapshot} />
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          disabled={exporting}
          onClick={exportCsv}
        >
          Export CSV
        </Button>
      </div>
      <Table<SuggestionRecord>
        title={`Migration suggestions (${shown.length})`}
        options={{
          paging: shown.length > 25,
          pageSize: 25,
          padding: 'dense',
          search: true,
        }}
        localization={{
          body: { emptyDataSourceMessage: 'No suggestions with this status' },
        }}
        columns={columns}
        data={shown}
      />
      {dialog?.kind === 'dismiss' && (
        <DismissDialog
          componentName={componentName(dialog.record)}
          onCancel={closeDialog}
          onSubmit={async reason => {
            await decide(dialog.record, { decision: 'dismissed', reason });
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === 'snooze' && (
        <SnoozeDialog
          componentName={componentName(dialog.record)}
          onCancel={closeDialog}
          onSubmit={async date => {
            await decide(dialog.record, {
              decision: 'snoozed',
              snoozeUntil: inputToIso(date),
            });
            closeDialog();
          }}
        />
      )}
    </>
  );
}

/**
 * Journey 3's work list: every migration suggestion, largest saving first, to accept, dismiss with a
 * reason, or snooze, and to export as CSV.
 */
export function MigrationPlanner() {
  const api = useApi(archTradeoffsApiRef);
  const load = useCallback(() => api.getSuggestions(), [api]);
  const empty = {
    title: 'No migration suggestions',
    description:
      'Suggestions appear when an assessed component would be cheaper or safer on the other execution model. Components need arch-tradeoffs.io annotations (execution model or platform, plus traffic such as arch-tradeoffs.io/monthly-requests) to be assessed.',
  };
  return (
    <LoadedList load={load} empty={empty}>
      {value => <Planner response={value} />}
    </LoadedList>
  );
}
