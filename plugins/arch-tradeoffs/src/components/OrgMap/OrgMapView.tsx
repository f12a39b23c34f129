import {
  MouseEvent,
  FocusEvent,
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useHref, useNavigate } from 'react-router-dom';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteParams, entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  ComponentsResponse,
  ComponentSummary,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { SnapshotAge } from '../SnapshotAge';
import { formatCost } from '../../lib/format';
import { MapFilterBar } from './MapFilterBar';
import { MapLegend } from './MapLegend';
import { MapTiles } from './MapTiles';
import { OrgTreemap } from './OrgTreemap';
import { TileDetails } from './TileDetails';
import {
  componentFilter,
  filterGroups,
  filterOptions,
  groupComponents,
  searchTexts,
  tileSizer,
} from './mapModel';
import { MapView, useMapFilters } from './useMapFilters';
import { isPlainClick, tileOf } from './tileEvents';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    alignItems: 'center',
    margin: theme.spacing(2, 0),
  },
  figures: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(2) },
  canvas: { position: 'relative' },
}));

interface Hover {
  component: ComponentSummary;
  left: number;
  top: number;
}

/**
 * Filters, legend, totals and the components of an already loaded set: as a treemap (default) or as
 * a list of tiles under headings.
 */
export function OrgMapView({ response }: { response: ComponentsResponse<ComponentSummary> }) {
  const classes = useStyles();
  const { items, currency, snapshot } = response;
  const { filters, groupBy, view, zoom, setFilter, clearFilters, setGroupBy, setView, setZoom } =
    useMapFilters();

  // Typing in the search box stays responsive: React re-draws the tiles after the keystroke.
  const deferredFilters = useDeferredValue(filters);
  const deferredGroupBy = useDeferredValue(groupBy);

  const byRef = useMemo(() => new Map(items.map(c => [c.entityRef, c])), [items]);
  const options = useMemo(() => filterOptions(items), [items]);
  const sizeOf = useMemo(() => tileSizer(items), [items]);
  const texts = useMemo(() => searchTexts(items), [items]);
  // The whole organisation's groups, sorted once per data set and grouping. They are kept while
  // filters change: a filter keeps part of each group in its order, and clearing it comes back to the
  // very same groups, whose layout and drawing OrgTreemap still has.
  const allGroups = useMemo(
    () => groupComponents(items, deferredGroupBy),
    [items, deferredGroupBy],
  );
  const groups = useMemo(() => {
    const keep = componentFilter(deferredFilters, texts);
    return keep ? filterGroups(allGroups, keep) : allGroups;
  }, [allGroups, deferredFilters, texts]);
  const visibleCount = groups.reduce((n, g) => n + g.count, 0);
  const visibleCost = groups.reduce((sum, g) => sum + g.cost, 0);

  // The catalog's entity page, as a router path and as an href with the app's base path.
  const entityRoute = useRouteRef(entityRouteRef);
  const base = useHref('/').replace(/\/$/, '');
  const pathOf = useCallback(
    (ref: string) => entityRoute(entityRouteParams(ref, { encodeParams: true })),
    [entityRoute],
  );
  const hrefOf = useCallback((ref: string) => `${base}${pathOf(ref)}`, [base, pathOf]);

  const navigate = useNavigate();
  const canvas = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);


  const showDetails = (event: MouseEvent | FocusEvent) => {
    const tile = tileOf(event.target);
    const component = tile && byRef.get(tile.dataset.ref!);
    if (!tile || !component || !canvas.current) {
      setHover(null);
      return;
    }
    const box = canvas.current.getBoundingClientRect();
    const rect = tile.getBoundingClientRect();
    setHover({ component, left: rect.left - box.left, top: rect.bottom - box.top + 6 });
  };

  const openTile = (event: MouseEvent) => {
    const tile = tileOf(event.target);
    if (!tile || !isPlainClick(event)) return;
    event.preventDefault();
    navigate(pathOf(tile.dataset.ref!));
  };
  const openEntity = useCallback((ref: string) => navigate(pathOf(ref)), [navigate, pathOf]);

  return (
    <InfoCard title="Org-wide map" subheader="Every component, coloured by execution model, its area by estimated monthly cost">
      <MapFilterBar
        filters={filters}
        options={options}
        groupBy={groupBy}
        onFilter={setFilter}
        onClear={clearFilters}
        onGroupBy={setGroupBy}
      />
      <MapLegend view={view} />
      <div className={classes.summary}>
        <div className={classes.figures}>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={view}
            aria-label="View"
            onChange={(_, value: MapView | null) => value && setView(value)}
          >
            <ToggleButton value="treemap">Treemap</ToggleButton>
            {/* The same components as tiles under headings: for keyboard and screen-reader users. */}
            <ToggleButton value="list">List</ToggleButton>
          </ToggleButtonGroup>
          <Typography variant="body1" aria-live="polite">
            {visibleCount === items.length
              ? `${items.length.toLocaleString()} components`
              : `${visibleCount.toLocaleString()} of ${items.length.toLocaleString()} components`}{' '}
            · {formatCost(visibleCost, currency)} / month estimated
          </Typography>
        </div>
        <SnapshotAge snapshot={snapshot} />
      </div>
      {visibleCount === 0 && (
        <div>
          <Typography variant="body1">No component matches these filters.</Typography>
          <Button onClick={clearFilters}>Clear filters</Button>
        </div>
      )}
      {visibleCount > 0 && view === 'treemap' && (
        <OrgTreemap
          groups={groups}
          currency={currency}
          zoom={zoom}
          onZoom={setZoom}
          hrefOf={hrefOf}
          onOpen={openEntity}
          byRef={byRef}
          rootLabel={deferredGroupBy === 'owner' ? 'All teams' : 'All domains'}
        />
      )}
      {visibleCount > 0 && view === 'list' && (
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
        <div
          ref={canvas}
          className={classes.canvas}
          onMouseOver={showDetails}
          onFocus={showDetails}
          onMouseLeave={() => setHover(null)}
          onBlur={() => setHover(null)}
          onClick={openTile}
        >
          <MapTiles groups={groups} currency={currency} sizeOf={sizeOf} hrefOf={hrefOf} />
          {hover && (
            <TileDetails
              component={hover.component}
              currency={currency}
              left={hover.left}
              top={hover.top}
            />
          )}
        </div>
      )}
    </InfoCard>
  );
}
