import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  EMPTY_FILTERS,
  MAX_TILE,
  MIN_TILE,
  MapFilters,
  componentFilter,
  filterGroups,
  groupComponents,
  isFiltered,
  searchTexts,
  shortRef,
  tileSizer,
} from './mapModel';

const component = (i: number): ComponentSummary => ({
  entityRef: `component:default/svc-${i}`,
  name: `svc-${i}`,
  owner: `group:default/team-${i % 40}`,
  system: `system:default/sys-${i % 200}`,
  domain: `domain:default/dom-${i % 12}`,
  executionModel: i % 3 === 0 ? 'on-demand' : 'always-on',
  platform: i % 3 === 0 ? 'aws-lambda' : 'kubernetes',
  monthlyCost: i % 7 === 0 ? null : i,
  bestMonthlyCost: null,
  diagnosticCount: 0,
  suggestion: null,
});

describe('mapModel', () => {
  it('sizes tiles by the square root of cost, relative to the most expensive component', () => {
    const size = tileSizer([component(1), { ...component(2), monthlyCost: 400 }]);
    expect(size(400)).toBe(MAX_TILE);
    expect(size(100)).toBe(Math.round(MIN_TILE + (MAX_TILE - MIN_TILE) / 2));
    expect(size(null)).toBe(MIN_TILE);
    expect(size(0)).toBe(MIN_TILE);
  });

  it('shortens refs, keeping a non-default namespace', () => {
    expect(shortRef('group:default/payments')).toBe('payments');
    expect(shortRef('group:ops/payments')).toBe('ops/payments');
    expect(shortRef(undefined)).toBe('');
  });

  it('groups 5,000 components by domain and system with exact totals', () => {
    const items = Array.from({ length: 5000 }, (_, i) => component(i + 1));
    const groups = groupComponents(items, 'system');

    expect(groups).toHaveLength(12);
    const count = groups.reduce((n, g) => n + g.children.reduce((m, c) => m + c.items.length, 0), 0);
    expect(count).toBe(5000);
    const cost = groups.reduce((sum, g) => sum + g.cost, 0);
    expect(cost).toBe(items.reduce((sum, c) => sum + (c.monthlyCost ?? 0), 0));
  });

  it('applies no filter for a blank search, and keeps the matching components of each group otherwise', () => {
    const items = Array.from({ length: 10 }, (_, i) => component(i + 1));
    const texts = searchTexts(items);
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTERS, search: '   ' })).toBe(false);
    expect(componentFilter({ ...EMPTY_FILTERS, search: '  ' }, texts)).toBeNull();
    expect(isFiltered({ ...EMPTY_FILTERS, hasSuggestion: true })).toBe(true);
    const keep = componentFilter({ ...EMPTY_FILTERS, search: 'SVC-1' }, texts)!;
    const narrowed = filterGroups(groupComponents(items, 'owner'), keep);
    expect(narrowed.flatMap(g => g.items.map(c => c.name)).sort()).toEqual(['svc-1', 'svc-10']);
  });

  it('searches names and titles lowercased once per data set, when first searched', () => {
    const items = [
      { ...component(1), name: 'Ledger-API' },
      { ...component(2), title: 'Payments Gateway' },
      component(3),
    ];
    const texts = searchTexts(items);
    const matching = (search: string) =>
      items.filter(componentFilter({ ...EMPTY_FILTERS, search }, texts)!).map(c => c.entityRef);
    expect(matching('ledger')).toEqual([items[0].entityRef]);
    expect(matching('GATEWAY')).toEqual([items[1].entityRef]);
    expect(matching(' svc-3 ')).toEqual([items[2].entityRef]);
    // The same lowercased texts for every search.
    expect(texts()).toBe(texts());
    expect(texts().get(items[0])).toEqual({ name: 'ledger-api', title: undefined });
  });

  it('orders each group most expensive first, unassessed last by name, whatever the input order', () => {
    const items = Array.from({ length: 60 }, (_, i) => component(i + 1));
    const names = (groups: ReturnType<typeof groupComponents>) =>
      groups.map(g => [g.key, g.items.map(c => c.name)]);
    const grouped = groupComponents(items, 'owner');
    expect(names(groupComponents([...items].reverse(), 'owner'))).toEqual(names(grouped));
    for (const group of grouped) {
      const costs = group.items.map(c => c.monthlyCost ?? -1);
      expect(costs).toEqual([...costs].sort((a, b) => b - a));
      const unassessed = group.items.filter(c => c.monthlyCost === null).map(c => c.name);
      expect(unassessed).toEqual([...unassessed].sort((a, b) => a.localeCompare(b)));
    }
    const ranked = grouped.map(g => g.cost);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  });

  it('filters the groups to exactly the groups of the kept components', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({
      ...component(i + 1),
      // A few without a domain, system or owner: their "none" groups stay last.
      ...(i % 97 === 0 ? { domain: undefined, system: undefined, owner: undefined } : {}),
      suggestion: i % 5 === 0 ? { id: `s${i}`, title: 't', targetPlatform: 'aws-fargate' as const, savings: 1 } : null,
    }));
    const texts = searchTexts(items);
    const filters: Partial<MapFilters>[] = [
      { search: '7' },
      { model: 'on-demand' },
      { hasSuggestion: true, platform: 'kubernetes' },
      { domain: 'domain:default/dom-3', search: '1' },
      { search: 'no such component' },
    ];
    for (const groupBy of ['system', 'owner'] as const) {
      const all = groupComponents(items, groupBy);
      for (const f of filters) {
        const keep = componentFilter({ ...EMPTY_FILTERS, ...f }, texts)!;
        expect(filterGroups(all, keep)).toEqual(groupComponents(items.filter(keep), groupBy));
      }
    }
  });
});
