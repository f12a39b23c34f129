import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  EMPTY_FILTERS,
  MAX_TILE,
  MIN_TILE,
  filterComponents,
  groupComponents,
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
});
