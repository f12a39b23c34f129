import {
  ReactElement,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { LoadedList } from '../LoadedList';
import type {
  Decision,
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
  FIRST_PAGE,
  pageQuery,
  SuggestionTable,
  TableHandle,
} from './SuggestionTable';
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

/** The header's figures: every open suggestion, whatever the status filter shows. */
const openTotals = (r: SuggestionsResponse) => ({
  count: r.totalCount,
  savings: r.openSavings,
});

/**
 * The planner around its first page of open suggestions (`open`). Each status filter is asked of the
 * backend; decisions are kept up to date locally.
 */
function Planner({ open }: { open: SuggestionsResponse }) {
  const classes = useStyles();
  const api = useApi(archTradeoffsApiRef);
  const alertApi = useApi(alertApiRef);
  const { currency } = open;

  const [status, setStatus] = useState<StatusFilter>('open');
  // The first page under the status filter; the open one came with the planner.
  const [listing, loadListing] = useAsyncFn(
    async (s: StatusFilter) => ({
      status: s,
      response: await api.getSuggestions(pageQuery(s, 0, FIRST_PAGE)),
    }),
    [api],
    {
      loading: false,
      value: { status: 'open' as StatusFilter, response: open },
    },
  );
  // Only a response of the open filter counts the open suggestions; in between, decisions made here
  // adjust the figures, rather than asking the backend for its totals again after each one.
  const [totals, setTotals] = useState(() => openTotals(open));
  useEffect(() => {
    if (listing.value?.status === 'open') {
      setTotals(openTotals(listing.value.response));
    }
  }, [listing.value]);
  const [decisions, setDecisions] = useState<ReadonlyMap<string, Decision>>(
    new Map(),
  );
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [exporting, setExporting] = useState(false);
  // Set while a backend-paged table is shown.
  const tableRef = useRef<TableHandle | null>(null);

  /** Records a decision and puts it in the row; rejects when the backend does. */
  const decide = useCallback(
    async (record: SuggestionRecord, request: DecisionRequest) => {
      const id = record.suggestion.id;
      setPending(p => new Set(p).add(id));
      try {
        const decision = await api.decide(id, request);
        setDecisions(d => new Map(d).set(id, decision));
        if (record.status === 'open') {
          // As the backend counts it: a suggestion that costs more saves 0.
          const saved = Math.max(0, record.suggestion.monthlySavings.expected);
          // Rounded to cents as the backend does, so no float dust shows as "-$0.00".
          setTotals(t => ({
            count: t.count - 1,
            savings: Math.round((t.savings - saved) * 100) / 100,
          }));
        }
        // A backend page is re-read: the row shows the decision, or leaves a filter it no longer
        // matches, as a row held in the browser does.
        tableRef.current?.onQueryChange();
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

  const changeStatus = (s: StatusFilter) => {
    setStatus(s);
    loadListing(s);
  };

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
  const shown = listing.value;
  const loadPage = useCallback(
    (offset: number, limit: number) =>
      api.getSuggestions(pageQuery(shown?.status ?? 'open', offset, limit)),
    [api, shown?.status],
  );

  const closeDialog = () => setDialog(null);

  let table: ReactElement | null = null;
  if (listing.loading) {
    table = <Progress />;
  } else if (listing.error) {
    table = <ResponseErrorPanel error={listing.error} />;
  } else if (shown) {
    const { response } = shown;
    table = (
      <SuggestionTable
        key={shown.status}
        response={response}
        status={shown.status}
        columns={columns}
        decisions={decisions}
        tableRef={tableRef}
        loadPage={
          response.totalCount > response.items.length ? loadPage : undefined
        }
      />
    );
  }

  return (
    <>
      <div className={classes.toolbar}>
        <TextField
          select
          id="planner-status"
          label="Status"
          value={status}
          onChange={e => changeStatus(e.target.value as StatusFilter)}
          SelectProps={{ native: true }}
        >
          {STATUS_FILTERS.map(f => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </TextField>
        <Typography variant="body1" aria-live="polite">
          {totals.count.toLocaleString()} open{' '}
          {totals.count === 1 ? 'suggestion' : 'suggestions'} would save about{' '}
          <strong>{formatCost(totals.savings, currency)} / month</strong>
        </Typography>
        <span className={classes.spacer} />
        <SnapshotAge snapshot={(shown?.response ?? open).snapshot} />
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          disabled={exporting}
          onClick={exportCsv}
        >
          Export CSV
        </Button>
      </div>
      {table}
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
 * reason, or snooze, and to export as CSV. The backend serves it a page at a time under the status
 * filter; a result that fits in the first page is searched and sorted in the browser.
 */
export function MigrationPlanner() {
  const api = useApi(archTradeoffsApiRef);
  const load = useCallback(async () => {
    const open = await api.getSuggestions(pageQuery('open', 0, FIRST_PAGE));
    // The empty state means no suggestion at all: with none open, decided ones still need the planner.
    const any =
      open.totalCount > 0
        ? open
        : await api.getSuggestions(pageQuery('all', 0, 1));
    return { items: any.items, open };
  }, [api]);
  const empty = {
    title: 'No migration suggestions',
    description:
      'Suggestions appear when an assessed component would be cheaper or safer on the other execution model. Components need arch-tradeoffs.io annotations (execution model or platform, plus traffic such as arch-tradeoffs.io/monthly-requests) to be assessed.',
  };
  return (
    <LoadedList load={load} empty={empty}>
      {value => <Planner open={value.open} />}
    </LoadedList>
  );
}
