import {
  HierarchyNode,
  hierarchy,
  treemap,
  treemapSquarify,
} from 'd3-hierarchy';
import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { MapGroup } from './mapModel';

/**
 * The treemap's pure layout: the groups of mapModel.groupComponents (domain → system → component, or
 * team → component) as nested rectangles whose area follows estimated monthly cost, laid out by
 * d3-hierarchy's squarified treemap. Kept apart from React so it can be tested and benchmarked alone.
 */

/**
 * A component's area never falls below this share of the mean cost, so unassessed (null), free and
 * not-a-workload components stay visible: they are exactly the coverage gaps the map should show.
 */
export const MIN_AREA_SHARE = 0.1;
/**
 * Rectangles narrower or lower than this are not drawn; their area shows as their group's (hatched).
 * 4 px rather than 2: at 50,000 components it halves what the browser builds (8,200 → 5,300 tiles)
 * and keeps a zoom or a filter within budget; a 2–3 px sliver cannot be pointed at anyway.
 */
export const MIN_DRAWN_PX = 4;
/** Height of a group's label band. */
export const GROUP_LABEL_PX = 18;
/**
 * Only a group with room for its label and some content gets the label band: on a thin group the band
 * would squeeze its components out of sight.
 */
export const hasLabelBand = (r: { width: number; height: number }) =>
  r.height >= 3 * GROUP_LABEL_PX && r.width >= 40;
/** Gap between siblings, so groups read as groups. */
const GAP_PX = 2;

type Datum = MapGroup | ComponentSummary;

const isComponent = (d: Datum): d is ComponentSummary => 'entityRef' in d;

/** A group's id in the URL (`?zoom=`): the keys from the top, joined; "no domain" etc. as `-`. */
const ZOOM_SEPARATOR = '|';
const NONE_ID = '-';
export const zoomIdOf = (keys: string[]) =>
  keys.map(k => k || NONE_ID).join(ZOOM_SEPARATOR);

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TreemapGroup extends Rect {
  /** Zoom id (see zoomIdOf). */
  id: string;
  label: string;
  /** 1 = the top groups of the current view. */
  depth: number;
  count: number;
  cost: number;
  /** Whether the top GROUP_LABEL_PX carry the label (see hasLabelBand). */
  labelled: boolean;
}

export interface TreemapTile extends Rect {
  component: ComponentSummary;
}

export interface Crumb {
  /** '' is the whole organisation. */
  id: string;
  label: string;
}

export interface TreemapLayout {
  groups: TreemapGroup[];
  tiles: TreemapTile[];
  /** Components too small to draw at this size: their area shows as part of their group's. */
  hidden: number;
  /** The whole organisation down to the zoomed group (only the first when not zoomed). */
  breadcrumbs: Crumb[];
  /** The zoomed group's figures (the whole set's when not zoomed). */
  count: number;
  cost: number;
}

/**
 * Layout weight of each component: its cost, raised to the floor. Computed over the whole visible set
 * (not the zoomed group), so zooming magnifies without re-weighting: a group keeps its total. The
 * groups' totals give the mean without visiting a component.
 */
export function weightOf(groups: MapGroup[]): (c: ComponentSummary) => number {
  const total = groups.reduce((sum, g) => sum + g.cost, 0);
  const count = groups.reduce((n, g) => n + g.count, 0);
  // With nothing priced at all, every component weighs the same.
  const floor = total > 0 ? (MIN_AREA_SHARE * total) / count : 1;
  return c => Math.max(c.monthlyCost ?? 0, floor);
}

/** The group a zoom id names, with the path to it; null when it no longer exists (filtered away). */
function findZoomed(
  groups: MapGroup[],
  zoom: string,
): { group: MapGroup; path: MapGroup[] } | null {
  if (!zoom) return null;
  const keys = zoom.split(ZOOM_SEPARATOR).map(k => (k === NONE_ID ? '' : k));
  const path: MapGroup[] = [];
  let level = groups;
  for (const key of keys) {
    const group = level.find(g => g.key === key);
    if (!group) return null;
    path.push(group);
    level = group.children;
  }
  return { group: path[path.length - 1], path };
}

const childrenOf = (d: Datum): Datum[] | undefined => {
  if (isComponent(d)) return undefined;
  return d.children.length > 0 ? d.children : d.items;
};

/**
 * Lays out `groups` (or the group `zoom` names) in a `width` × `height` box. Only rectangles at least
 * MIN_DRAWN_PX wide and tall are returned, and nothing below a group too small to draw, so the cost of
 * drawing follows what can be seen rather than the number of components.
 */
export function layoutTreemap(
  groups: MapGroup[],
  options: { width: number; height: number; zoom?: string; rootLabel?: string },
): TreemapLayout {
  const { width, height, zoom = '', rootLabel = 'All components' } = options;
  const weight = weightOf(groups);
  const zoomed = findZoomed(groups, zoom);
  const top: MapGroup[] = zoomed ? [zoomed.group] : groups;
  const rootKeys = zoomed ? zoomed.path.slice(0, -1).map(g => g.key) : [];

  const root: MapGroup = {
    key: '',
    label: rootLabel,
    count: top.reduce((n, g) => n + g.count, 0),
    cost: top.reduce((n, g) => n + g.cost, 0),
    children: top,
    items: [],
  };
  // No .sort(): groupComponents already orders groups and components by cost, most expensive first,
  // which is the order squarify wants (weights follow costs); sorting 50,000 nodes again costs ~20%.
  const tree = hierarchy<Datum>(root, childrenOf).sum(d =>
    isComponent(d) ? weight(d) : 0,
  );
  treemap<Datum>()
    .tile(treemapSquarify)
    .size([width, height])
    .round(false)
    .paddingInner(GAP_PX)
    // d3 positions a node before asking for its padding, so the band can depend on the node's size.
    .paddingTop(n => {
      if (n.depth === 0) return 0;
      const r = n as typeof n & {
        x0: number;
        y0: number;
        x1: number;
        y1: number;
      };
      return hasLabelBand({ width: r.x1 - r.x0, height: r.y1 - r.y0 })
        ? GROUP_LABEL_PX
        : 1;
    })
    .paddingRight(n => (n.depth === 0 ? 0 : 1))
    .paddingBottom(n => (n.depth === 0 ? 0 : 1))
    .paddingLeft(n => (n.depth === 0 ? 0 : 1))(tree);

  const layout: TreemapLayout = {
    groups: [],
    tiles: [],
    hidden: 0,
    breadcrumbs: [
      { id: '', label: rootLabel },
      ...(zoomed?.path ?? []).map((g, i, path) => ({
        id: zoomIdOf(path.slice(0, i + 1).map(p => p.key)),
        label: g.label,
      })),
    ],
    count: root.count,
    cost: root.cost,
  };

  const visit = (node: HierarchyNode<Datum>, keys: string[]) => {
    const n = node as HierarchyNode<Datum> & {
      x0: number;
      y0: number;
      x1: number;
      y1: number;
    };
    const rect = { x: n.x0, y: n.y0, width: n.x1 - n.x0, height: n.y1 - n.y0 };
    const d = n.data;
    if (rect.width < MIN_DRAWN_PX || rect.height < MIN_DRAWN_PX) {
      // Not drawn, nor anything inside: it shows as part of its parent's rectangle.
      layout.hidden += isComponent(d) ? 1 : (d as MapGroup).count;
      return;
    }
    if (isComponent(d)) {
      layout.tiles.push({ ...rect, component: d });
      return;
    }
    const path = node.depth === 0 ? keys : [...keys, d.key];
    if (node.depth > 0) {
      layout.groups.push({
        ...rect,
        id: zoomIdOf(path),
        label: d.label,
        depth: node.depth,
        count: d.count,
        cost: d.cost,
        labelled: hasLabelBand(rect),
      });
    }
    node.children?.forEach(child => visit(child, path));
  };
  visit(tree, rootKeys);
  return layout;
}

/**
 * layoutTreemap for one box, remembering each layout by groups and zoom: coming back to groups
 * already drawn (the whole organisation when a search is cleared or a filter reset, a level up after
 * zooming in) lays out nothing again. Groups are held weakly: a filter's layouts go with its groups.
 */
export function rememberedLayouts(options: {
  width: number;
  height: number;
  rootLabel?: string;
}): (groups: MapGroup[], zoom: string) => TreemapLayout {
  const byGroups = new WeakMap<MapGroup[], Map<string, TreemapLayout>>();
  return (groups, zoom) => {
    let byZoom = byGroups.get(groups);
    if (!byZoom) {
      byZoom = new Map();
      byGroups.set(groups, byZoom);
    }
    let layout = byZoom.get(zoom);
    if (!layout) {
      layout = layoutTreemap(groups, { ...options, zoom });
      byZoom.set(zoom, layout);
    }
    return layout;
  };
}
