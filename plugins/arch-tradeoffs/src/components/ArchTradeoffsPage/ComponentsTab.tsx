import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { InputFilter } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { LoadedList } from '../LoadedList';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { ComponentsTable } from '../ComponentsTable';
import { SnapshotAge } from '../SnapshotAge';
import { INPUT_FILTERS, INPUT_LABELS, parseInputFilter } from '../../lib/inputFilter';

const EMPTY = {
  title: 'No components in the catalog',
  description:
    'arch-tradeoffs assesses catalog entities of kind Component. Register some, and annotate them with arch-tradeoffs.io/execution-model or arch-tradeoffs.io/platform.',
};

const EMPTY_FILTERED: Record<InputFilter, typeof EMPTY> = {
  measured: {
    title: 'No component has measured traffic',
    description:
      'None of the components was measured by the usage source at the latest refresh. Choose All under Inputs to list every component.',
  },
  estimated: {
    title: 'Every workload has measured traffic',
    description: 'No workload rests on estimated traffic. Choose All under Inputs to list every component.',
  },
};

/**
 * The Inputs filter lives in `?input=`, as on the map (the same parameter, so the choice carries over
 * between the tabs), and replaces the history entry as the map's filters do.
 */
function useInputFilter() {
  const [params, setParams] = useSearchParams();
  const input = parseInputFilter(params.get('input'));
  const setInput = useCallback(
    (value: string) =>
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          if (parseInputFilter(value)) next.set('input', value);
          else next.delete('input');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { input, setInput };
}

/**
 * Every component with its annotations' diagnostics. `GET /v1/components` is paged: when the first
 * page holds every component the table works on them in the browser, otherwise it pages through the
 * backend. The Inputs filter is the backend's (`input=`), so it applies to every page.
 */
export function ComponentsTab() {
  const api = useApi(archTradeoffsApiRef);
  const { input, setInput } = useInputFilter();
  // The table shows what the annotations say, not the assessments: it asks for records without them.
  const load = useCallback(
    () => api.getComponents({ view: 'annotations', ...(input ? { input } : {}) }),
    [api, input],
  );
  const loadPage = useCallback(
    (offset: number, limit: number) =>
      api.getComponents({ offset, limit, view: 'annotations', ...(input ? { input } : {}) }),
    [api, input],
  );
  return (
    <>
      <Box mb={2}>
        <TextField
          select
          id="components-input"
          label="Inputs"
          value={input ?? ''}
          onChange={e => setInput(e.target.value)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 160 }}
        >
          <option value="">All</option>
          {INPUT_FILTERS.map(f => (
            <option key={f} value={f}>
              {INPUT_LABELS[f]}
            </option>
          ))}
        </TextField>
      </Box>
      <LoadedList load={load} empty={input ? EMPTY_FILTERED[input] : EMPTY}>
        {value => (
          <>
            <SnapshotAge snapshot={value.snapshot} />
            {value.totalCount > value.items.length && (
              <Typography variant="body2" color="textSecondary">
                {value.totalCount.toLocaleString()} components, a page at a time;
                search the map to find one by name.
              </Typography>
            )}
            <ComponentsTable
              components={value.items}
              totalCount={value.totalCount}
              loadPage={
                value.totalCount > value.items.length ? loadPage : undefined
              }
            />
          </>
        )}
      </LoadedList>
    </>
  );
}
