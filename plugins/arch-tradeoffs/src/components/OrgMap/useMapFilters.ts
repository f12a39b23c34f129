import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseInputFilter } from '../../lib/inputFilter';
import { EMPTY_FILTERS, GroupBy, MapFilters } from './mapModel';

/** The treemap (default) or the accessible list of tiles grouped under headings. */
export type MapView = 'treemap' | 'list';

/**
 * URL parameter of each filter: a filtered map is a link someone can share. `input` is the one the
 * Components tab reads too, so the choice carries over between the two.
 */
const PARAMS: Record<keyof MapFilters, string> = {
  owner: 'owner',
  system: 'system',
  domain: 'domain',
  platform: 'platform',
  model: 'model',
  input: 'input',
  hasSuggestion: 'suggested',
  search: 'q',
};

/**
 * The map's filters, grouping, view and zoom, kept in the query string. Other parameters (the page's `tab`) are
 * left alone, and updates replace the history entry so typing a search does not flood Back.
 */
export function useMapFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<MapFilters>(
    () => ({
      owner: params.get(PARAMS.owner) ?? '',
      system: params.get(PARAMS.system) ?? '',
      domain: params.get(PARAMS.domain) ?? '',
      platform: params.get(PARAMS.platform) ?? '',
      model: params.get(PARAMS.model) ?? '',
      input: parseInputFilter(params.get(PARAMS.input)) ?? '',
      hasSuggestion: params.get(PARAMS.hasSuggestion) === '1',
      search: params.get(PARAMS.search) ?? '',
    }),
    [params],
  );
  const groupBy: GroupBy = params.get('group') === 'owner' ? 'owner' : 'system';
  const view: MapView = params.get('view') === 'list' ? 'list' : 'treemap';
  /** The treemap group zoomed into (treemapLayout's zoom id), '' for the whole organisation. */
  const zoom = params.get('zoom') ?? '';

  // react-router makes a new setParams whenever the URL changes. The setters below stay the same
  // function throughout, so the filter bar's memoised selects do not re-render on every keystroke.
  const latestSetParams = useRef(setParams);
  useLayoutEffect(() => {
    latestSetParams.current = setParams;
  }, [setParams]);
  const update = useCallback(
    (change: (next: URLSearchParams) => void, replace = true) =>
      latestSetParams.current(
        previous => {
          const next = new URLSearchParams(previous);
          change(next);
          return next;
        },
        { replace },
      ),
    [],
  );

  const setFilter = useCallback(
    <K extends keyof MapFilters>(key: K, value: MapFilters[K]) =>
      update(next => {
        const text = typeof value === 'boolean' ? (value && '1') || '' : String(value);
        if (text) next.set(PARAMS[key], text);
        else next.delete(PARAMS[key]);
      }),
    [update],
  );

  const clearFilters = useCallback(
    () =>
      update(next => {
        for (const key of Object.keys(EMPTY_FILTERS) as (keyof MapFilters)[]) {
          next.delete(PARAMS[key]);
        }
      }),
    [update],
  );

  const setGroupBy = useCallback(
    (value: GroupBy) =>
      update(next => {
        if (value === 'owner') next.set('group', 'owner');
        else next.delete('group');
        // Zoom ids are paths of group keys: they mean nothing under the other grouping.
        next.delete('zoom');
      }),
    [update],
  );

  const setView = useCallback(
    (value: MapView) =>
      update(next => {
        if (value === 'list') next.set('view', 'list');
        else next.delete('view');
      }),
    [update],
  );

  // Zooming is navigation: it adds a history entry, so Back goes up a level.
  const setZoom = useCallback(
    (id: string) =>
      update(next => {
        if (id) next.set('zoom', id);
        else next.delete('zoom');
      }, false),
    [update],
  );

  return { filters, groupBy, view, zoom, setFilter, clearFilters, setGroupBy, setView, setZoom };
}
