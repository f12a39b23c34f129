import {
  FocusEvent,
  KeyboardEvent,
  MouseEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { MapGroup } from './mapModel';
import { TileDetails } from './TileDetails';
import { TreemapBreadcrumbs } from './TreemapBreadcrumbs';
import { TreemapSvg } from './TreemapSvg';
import { rememberedLayouts } from './treemapLayout';
import { closestElement, isPlainClick, tileOf } from './tileEvents';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  canvas: { position: 'relative', width: '100%' },
}));

/** Used until the container is measured (and in jsdom, which measures nothing). */
const FALLBACK_WIDTH = 1000;
/** The details panel's largest size (TileDetails), to keep it inside the map. */
const DETAILS_WIDTH = 320;
const DETAILS_HEIGHT = 150;

/** Tall enough to read, short enough that the whole organisation fits the viewport. */
const heightFor = (width: number) =>
  Math.round(Math.max(360, Math.min(width * 0.62, window.innerHeight - 120)));

interface Hover {
  component: ComponentSummary;
  left: number;
  top: number;
}

interface Props {
  groups: MapGroup[];
  currency: string;
  zoom: string;
  onZoom: (id: string) => void;
  /** The entity page, with the app's base path (the tiles' href). */
  hrefOf: (entityRef: string) => string;
  /** Opens the entity page inside the app. */
  onOpen: (entityRef: string) => void;
  byRef: Map<string, ComponentSummary>;
  rootLabel: string;
}


/**
 * The whole organisation (or the zoomed group) as a squarified treemap that fits the card's width.
 * Hover, focus, click and keys are handled here once, for every rectangle.
 */
export function OrgTreemap({
  groups,
  currency,
  zoom,
  onZoom,
  hrefOf,
  onOpen,
  byRef,
  rootLabel,
}: Props) {
  const classes = useStyles();
  const canvas = useRef<HTMLDivElement>(null);
  // Unknown until measured: laying out 50,000 components twice, at a guessed width first, would waste
  // the first paint.
  const [width, setWidth] = useState<number | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return undefined;
    const measure = () =>
      setWidth(Math.floor(element.clientWidth) || FALLBACK_WIDTH);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const height = width === null ? 0 : heightFor(width);
  // Layouts already made at this size, by groups and zoom: going back up a level (the breadcrumbs,
  // Back) or back to the whole organisation (a search cleared) redraws without laying out again.
  const layouts = useMemo(
    () =>
      width === null ? null : rememberedLayouts({ width, height, rootLabel }),
    [width, height, rootLabel],
  );
  const layout = useMemo(
    () => layouts?.(groups, zoom) ?? null,
    [layouts, groups, zoom],
  );

  const showDetails = (event: MouseEvent | FocusEvent) => {
    const tile = tileOf(event.target);
    const component = tile && byRef.get(tile.dataset.ref!);
    if (!tile || !component || !canvas.current) {
      setHover(null);
      return;
    }
    const box = canvas.current.getBoundingClientRect();
    // Next to the pointer (a tile can be half the map), or inside the top-left corner of a tile
    // reached by keyboard; flipped to stay inside the map near its right and bottom edges.
    const rect = tile.getBoundingClientRect();
    const pointer = 'clientX' in event;
    const x = (pointer ? event.clientX : rect.left) - box.left + 12;
    const y = (pointer ? event.clientY : rect.top) - box.top + 12;
    setHover({
      component,
      left:
        x + DETAILS_WIDTH > box.width ? Math.max(0, x - DETAILS_WIDTH - 24) : x,
      top:
        y + DETAILS_HEIGHT > box.height
          ? Math.max(0, y - DETAILS_HEIGHT - 24)
          : y,
    });
  };

  // A tile opens its entity page (modified clicks keep the browser's way: new tab, ...); elsewhere in
  // a group, the click zooms into it.
  const onClick = (event: MouseEvent) => {
    const tile = tileOf(event.target);
    if (tile) {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      setHover(null);
      onOpen(tile.dataset.ref!);
      return;
    }
    const group = closestElement<SVGElement>(event.target, '[data-zoom]');
    if (group && group.dataset.zoom !== zoom) {
      setHover(null);
      onZoom(group.dataset.zoom!);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const group = closestElement<SVGElement>(event.target, 'g[data-zoom]');
    if (group && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onZoom(group.dataset.zoom!);
    } else if (
      event.key === 'Escape' &&
      layout &&
      layout.breadcrumbs.length > 1
    ) {
      onZoom(layout.breadcrumbs[layout.breadcrumbs.length - 2].id);
    }
  };

  return (
    <>
      {layout && (
        <div className={classes.bar}>
          <TreemapBreadcrumbs crumbs={layout.breadcrumbs} onZoom={onZoom} />
          <Typography variant="body2" color="textSecondary">
            {layout.hidden > 0
              ? `${layout.hidden.toLocaleString()} components too small to draw here (hatched): click a group to zoom in`
              : 'Click a group to zoom in, a component to open it'}
          </Typography>
        </div>
      )}
      {/* Keyboard users reach each rectangle by Tab; the List view is the full alternative. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        ref={canvas}
        className={classes.canvas}
        onMouseOver={showDetails}
        onFocus={showDetails}
        onMouseLeave={() => setHover(null)}
        onBlur={() => setHover(null)}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        {layout && (
          <TreemapSvg
            layout={layout}
            width={width!}
            height={height}
            currency={currency}
            hrefOf={hrefOf}
          />
        )}
        {hover && (
          <TileDetails
            component={hover.component}
            currency={currency}
            left={hover.left}
            top={hover.top}
          />
        )}
      </div>
    </>
  );
}
