import { parseEntityRef } from '@backstage/catalog-model';
import type {
  ComponentSummary,
  InputFilter,
  ModelFilter,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { INPUT_FILTERS, summaryInput } from '../../lib/inputFilter';

/**
 * The map's pure logic — filtering, grouping, sizing — kept apart from React so it can be memoised
 * as a whole and tested without rendering 5,000 tiles.
 */

export type GroupBy = 'system' | 'owner';

export interface MapFilters {
  owner: string;
  system: string;
  domain: string;
  platform: string;
  model: string;
  /** `measured`, `estimated` or '' (all): where the traffic figures came from. */
  input: string;
  hasSuggestion: boolean;
  search: string;
}

export const EMPTY_FILTERS: MapFilters = {
  owner: '',
  system: '',
  domain: '',
  platform: '',
  model: '',
  input: '',
  hasSuggestion: false,
  search: '',
};

/** A group of tiles: a domain (with its systems as children), a system or a team. */
export interface MapGroup {
  key: string;
  label: string;
  count: number;
  /** Sum of the assessed components' expected monthly cost. */
  cost: number;
  children: MapGroup[];
  items: ComponentSummary[];
}

/** Placeholder group keys for components that lack the attribute (never a valid entity ref). */
export const NONE = '';

export function modelOf(c: ComponentSummary): ModelFilter {
  if (c.notApplicable) return 'not-applicable';
  return c.executionModel ?? 'unannotated';
}

/** `system:default/checkout` → `checkout`; other namespaces stay visible: `ops/checkout`. */
export function shortRef(ref: string | undefined): string {
  if (!ref) return '';
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

/** Whether any filter narrows the map (a blank search does not). */
export function isFiltered(f: MapFilters): boolean {
  return Boolean(
    f.owner ||
      f.system ||
      f.domain ||
      f.platform ||
      f.model ||
      f.input ||
      f.hasSuggestion ||
      f.search.trim(),
  );
}

/**
 * The components the filters keep, in the order of `items`. With no filter, `items` itself: the
 * unfiltered map is the one people come back to, and the same array lets everything derived from it
 * (groups, layout, markup) be remembered rather than computed again.
 */
export function filterComponents(
  items: ComponentSummary[],
  f: MapFilters,
): ComponentSummary[] {
  if (!isFiltered(f)) return items;
  const search = f.search.trim().toLocaleLowerCase();
  return items.filter(
    c =>
      (!f.owner || c.owner === f.owner) &&
      (!f.system || c.system === f.system) &&
      (!f.domain || c.domain === f.domain) &&
      (!f.platform || c.platform === f.platform) &&
      (!f.model || modelOf(c) === f.model) &&
      (!f.input || summaryInput(c) === f.input) &&
      (!f.hasSuggestion || c.suggestion !== null) &&
      (!search ||
        c.name.toLocaleLowerCase().includes(search) ||
        (c.title?.toLocaleLowerCase().includes(search) ?? false)),
  );
}

/**
 * One collator for every comparison: String.prototype.localeCompare sets one up per call, which was a
 * good part of grouping 50,000 components (thousands of unassessed ones tie on cost).
 */
const compareText = new Intl.Collator().compare;

const byCostDesc = (a: ComponentSummary, b: ComponentSummary) =>
  (b.monthlyCost ?? -1) - (a.monthlyCost ?? -1) || compareText(a.name, b.name);

/**
 * The components in the map's order, most expensive first (ties by name). Done once per data set:
 * filtering keeps this order, so grouping a filtered set only has to check it (see inMapOrder).
 */
export function orderForMap(items: ComponentSummary[]): ComponentSummary[] {
  return [...items].sort(byCostDesc);
}

/**
 * `members` in the map's order: checked in one pass when they already are (the map's components
 * come through orderForMap), sorted otherwise. Sorting 50,000 components on every filter change was
 * most of the cost of grouping.
 */
function inMapOrder(members: ComponentSummary[]): ComponentSummary[] {
  for (let i = 1; i < members.length; i++) {
    if (byCostDesc(members[i - 1], members[i]) > 0) return members.sort(byCostDesc);
  }
  return members;
}

function toGroups(
  items: ComponentSummary[],
  keyOf: (c: ComponentSummary) => string | undefined,
  noneLabel: string,
  nest?: (items: ComponentSummary[]) => MapGroup[],
): MapGroup[] {
  const buckets = new Map<string, ComponentSummary[]>();
  for (const c of items) {
    const key = keyOf(c) ?? NONE;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = [];
      buckets.set(key, bucket);
    }
    bucket.push(c);
  }
  const groups = [...buckets].map(([key, members]) => {
    const children = nest ? nest(members) : [];
    return {
      key,
      label: key === NONE ? noneLabel : shortRef(key),
      count: members.length,
      cost: members.reduce((sum, c) => sum + (c.monthlyCost ?? 0), 0),
      children,
      // Nested groups hold the tiles; a flat group holds them itself.
      items: nest ? [] : inMapOrder(members),
    };
  });
  // Most expensive first, so the map reads like a ranking; the "none" bucket always last.
  return groups.sort(
    (a, b) =>
      Number(a.key === NONE) - Number(b.key === NONE) ||
      b.cost - a.cost ||
      compareText(a.label, b.label),
  );
}

/**
 * Domains with their systems, or teams, most expensive first, each holding its components most
 * expensive first. Cheapest when `items` come through orderForMap (and then filterComponents).
 */
export function groupComponents(items: ComponentSummary[], groupBy: GroupBy): MapGroup[] {
  if (groupBy === 'owner') {
    return toGroups(items, c => c.owner, 'No owner');
  }
  return toGroups(items, c => c.domain, 'No domain', members =>
    toGroups(members, c => c.system, 'No system'),
  );
}

export interface FilterOptions {
  owners: string[];
  systems: string[];
  domains: string[];
  platforms: string[];
  models: ModelFilter[];
  inputs: InputFilter[];
}

/** Only values that occur in the data, so no filter can offer an option that matches nothing. */
export function filterOptions(items: ComponentSummary[]): FilterOptions {
  const owners = new Set<string>();
  const systems = new Set<string>();
  const domains = new Set<string>();
  const platforms = new Set<string>();
  const models = new Set<ModelFilter>();
  const inputs = new Set<InputFilter | undefined>();
  for (const c of items) {
    if (c.owner) owners.add(c.owner);
    if (c.system) systems.add(c.system);
    if (c.domain) domains.add(c.domain);
    if (c.platform) platforms.add(c.platform);
    models.add(modelOf(c));
    inputs.add(summaryInput(c));
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => shortRef(a).localeCompare(shortRef(b)));
  return {
    owners: sorted(owners),
    systems: sorted(systems),
    domains: sorted(domains),
    platforms: [...platforms].sort(),
    models: (['always-on', 'on-demand', 'unannotated', 'not-applicable'] as ModelFilter[]).filter(m =>
      models.has(m),
    ),
    inputs: INPUT_FILTERS.filter(i => inputs.has(i)),
  };
}

export const MIN_TILE = 14;
export const MAX_TILE = 64;

/**
 * Tile edge in pixels: area proportional to cost (a square root scale), relative to the most expensive
 * component of the whole data set, so sizes do not jump as filters change. Unassessed = smallest.
 */
export function tileSizer(items: ComponentSummary[]): (cost: number | null) => number {
  const max = items.reduce((m, c) => Math.max(m, c.monthlyCost ?? 0), 0);
  return cost => {
    if (cost === null || cost <= 0 || max <= 0) return MIN_TILE;
    return Math.round(MIN_TILE + (MAX_TILE - MIN_TILE) * Math.sqrt(cost / max));
  };
}
