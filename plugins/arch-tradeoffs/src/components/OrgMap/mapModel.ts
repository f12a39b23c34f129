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

/** A component's name and title, lowercased for the search. */
export interface SearchText {
  name: string;
  title?: string;
}

/** Lowercased names and titles of a data set, made on first use (see searchTexts). */
export type SearchTexts = () => ReadonlyMap<ComponentSummary, SearchText>;

const searchTextOf = (c: ComponentSummary): SearchText => ({
  name: c.name.toLocaleLowerCase(),
  title: c.title?.toLocaleLowerCase(),
});

/**
 * Each component's name and title lowercased, once per data set and only when first searched:
 * lowercasing 50,000 names and titles again on every keystroke was a good part of a search that keeps
 * most of the organisation.
 */
export function searchTexts(items: ComponentSummary[]): SearchTexts {
  let texts: Map<ComponentSummary, SearchText> | undefined;
  return () => {
    texts ??= new Map(items.map(c => [c, searchTextOf(c)]));
    return texts;
  };
}

/**
 * The filters as a test of one component, or null when they keep every component: the unfiltered
 * map is the one people come back to, and keeping its very groups lets everything derived from them
 * (layout, markup) be remembered rather than computed again.
 */
export function componentFilter(
  f: MapFilters,
  texts: SearchTexts,
): ((c: ComponentSummary) => boolean) | null {
  if (!isFiltered(f)) return null;
  const search = f.search.trim().toLocaleLowerCase();
  const lowered = search ? texts() : undefined;
  const matches = (c: ComponentSummary) => {
    const text = lowered?.get(c) ?? searchTextOf(c);
    return (
      text.name.includes(search) || (text.title?.includes(search) ?? false)
    );
  };
  return c =>
    (!f.owner || c.owner === f.owner) &&
    (!f.system || c.system === f.system) &&
    (!f.domain || c.domain === f.domain) &&
    (!f.platform || c.platform === f.platform) &&
    (!f.model || modelOf(c) === f.model) &&
    (!f.input || summaryInput(c) === f.input) &&
    (!f.hasSuggestion || c.suggestion !== null) &&
    (!search || matches(c));
}

/**
 * One collator for every comparison: String.prototype.localeCompare sets one up per call, which was a
 * good part of grouping 50,000 components (thousands of unassessed ones tie on cost).
 */
const compareText = new Intl.Collator().compare;

const byCostDesc = (a: ComponentSummary, b: ComponentSummary) =>
  (b.monthlyCost ?? -1) - (a.monthlyCost ?? -1) || compareText(a.name, b.name);

/** Most expensive first, so the map reads like a ranking; the "none" bucket always last. */
const byRank = (a: MapGroup, b: MapGroup) =>
  Number(a.key === NONE) - Number(b.key === NONE) ||
  b.cost - a.cost ||
  compareText(a.label, b.label);

/**
 * A group of `children` (nested groups) or of `items` (components, in the map's order), its totals
 * summed from them: the same way whether grouped afresh or filtered (filterGroups).
 */
function groupOf(
  key: string,
  label: string,
  children: MapGroup[],
  items: ComponentSummary[],
): MapGroup {
  let count = items.length;
  let cost = 0;
  for (const child of children) {
    count += child.count;
    cost += child.cost;
  }
  for (const c of items) cost += c.monthlyCost ?? 0;
  return { key, label, count, cost, children, items };
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
    const label = key === NONE ? noneLabel : shortRef(key);
    // Nested groups hold the tiles; a flat group holds them itself.
    return nest
      ? groupOf(key, label, nest(members), [])
      : groupOf(key, label, [], members.sort(byCostDesc));
  });
  return groups.sort(byRank);
}

/**
 * Domains with their systems, or teams, most expensive first, each holding its components most
 * expensive first (ties by name). Done once per data set and grouping: a filter keeps part of these
 * groups (filterGroups), in their order, rather than grouping and sorting again.
 */
export function groupComponents(items: ComponentSummary[], groupBy: GroupBy): MapGroup[] {
  if (groupBy === 'owner') {
    return toGroups(items, c => c.owner, 'No owner');
  }
  return toGroups(items, c => c.domain, 'No domain', members =>
    toGroups(members, c => c.system, 'No system'),
  );
}

/**
 * The groups with only the components `keep` keeps, in their order; groups left empty are dropped and
 * the rest ranked again by their new totals. The same groups as grouping the kept components afresh,
 * for one pass over the components: no bucketing, no sorting on every keystroke of a search.
 */
export function filterGroups(
  groups: MapGroup[],
  keep: (c: ComponentSummary) => boolean,
): MapGroup[] {
  const kept: MapGroup[] = [];
  for (const g of groups) {
    const children = filterGroups(g.children, keep);
    const items = g.items.filter(keep);
    if (children.length > 0 || items.length > 0) {
      kept.push(groupOf(g.key, g.label, children, items));
    }
  }
  return kept.sort(byRank);
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
