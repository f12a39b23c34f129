import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  EMPTY_FILTERS,
  MAX_TILE,
  MIN_TILE,
  filterComponents,
  groupComponents,
  isFiltered,
  orderForMap,
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

  it('groups 5,000 components by domain and system with exact totals, quickly', () => {
    const items = Array.from({ length: 5000 }, (_, i) => component(i + 1));
    const started = performance.now();
    const groups = groupComponents(filterComponents(items, EMPTY_FILTERS), 'system');
    const elapsed = performance.now() - started;

    expect(groups).toHaveLength(12);
    const count = groups.reduce((n, g) => n + g.children.reduce((m, c) => m + c.items.length, 0), 0);
    expect(count).toBe(5000);
    const cost = groups.reduce((sum, g) => sum + g.cost, 0);
    expect(cost).toBe(items.reduce((sum, c) => sum + (c.monthlyCost ?? 0), 0));
    // Generous bound (it takes a few ms): guards against accidental quadratic work.
    expect(elapsed).toBeLessThan(1000);
  });

  it('returns the very same array when no filter applies, so what is derived from it can be kept', () => {
    const items = Array.from({ length: 10 }, (_, i) => component(i + 1));
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTERS, search: '   ' })).toBe(false);
    expect(filterComponents(items, { ...EMPTY_FILTERS, search: '  ' })).toBe(items);
    expect(isFiltered({ ...EMPTY_FILTERS, hasSuggestion: true })).toBe(true);
    const narrowed = filterComponents(items, { ...EMPTY_FILTERS, search: 'svc-1' });
    expect(narrowed).not.toBe(items);
    expect(narrowed.map(c => c.name)).toEqual(['svc-1', 'svc-10']);
  });

  it('orders components most expensive first, unassessed last by name, and grouping keeps that order', () => {
    const items = Array.from({ length: 60 }, (_, i) => component(i + 1));
    const ordered = orderForMap(items);
    expect(ordered).not.toBe(items);
    const costs = ordered.map(c => c.monthlyCost ?? -1);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    const unassessed = ordered.filter(c => c.monthlyCost === null).map(c => c.name);
    expect(unassessed).toEqual([...unassessed].sort((a, b) => a.localeCompare(b)));

    // The same groups, in the same order, whether or not the components came ordered.
    const fromOrdered = groupComponents(ordered, 'owner');
    const fromShuffled = groupComponents([...items].reverse(), 'owner');
    const names = (groups: typeof fromOrdered) =>
      groups.map(g => [g.key, g.items.map(c => c.name)]);
    expect(names(fromShuffled)).toEqual(names(fromOrdered));
    for (const group of fromOrdered) {
      const inGroup = group.items.map(c => c.monthlyCost ?? -1);
      expect(inGroup).toEqual([...inGroup].sort((a, b) => b - a));
    }
  });
});
