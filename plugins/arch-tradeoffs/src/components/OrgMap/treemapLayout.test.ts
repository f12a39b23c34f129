import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { groupComponents } from './mapModel';
import {
  MIN_AREA_SHARE,
  MIN_DRAWN_PX,
  TreemapTile,
  layoutTreemap,
  rememberedLayouts,
  weightOf,
  zoomIdOf,
} from './treemapLayout';

const component = (
  i: number,
  fields: Partial<ComponentSummary> = {},
): ComponentSummary => ({
  entityRef: `component:default/svc-${i}`,
  name: `svc-${i}`,
  owner: `group:default/team-${i % 4}`,
  system: `system:default/sys-${i % 6}`,
  domain: `domain:default/dom-${i % 3}`,
  executionModel: 'always-on',
  platform: 'kubernetes',
  monthlyCost: 100 * (1 + (i % 5)),
  bestMonthlyCost: null,
  diagnosticCount: 0,
  suggestion: null,
  ...fields,
});

const area = (t: { width: number; height: number }) => t.width * t.height;
const byName = (tiles: TreemapTile[]) =>
  new Map(tiles.map(t => [t.component.name, t]));
const BOX = { width: 1000, height: 600 };

describe('layoutTreemap', () => {
  const items = Array.from({ length: 30 }, (_, i) => component(i));
  const groups = groupComponents(items, 'system');

  it('draws every component exactly once when all are large enough', () => {
    const layout = layoutTreemap(groups, BOX);
    expect(layout.hidden).toBe(0);
    const refs = layout.tiles.map(t => t.component.entityRef);
    expect(refs).toHaveLength(30);
    expect(new Set(refs).size).toBe(30);
    // 3 domains, each with its 2 systems.
    expect(
      layout.groups
        .filter(g => g.depth === 1)
        .map(g => g.label)
        .sort(),
    ).toEqual(['dom-0', 'dom-1', 'dom-2']);
    expect(layout.groups.filter(g => g.depth === 2)).toHaveLength(6);
    for (const t of layout.tiles) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.y).toBeGreaterThanOrEqual(0);
      expect(t.x + t.width).toBeLessThanOrEqual(BOX.width + 1e-6);
      expect(t.y + t.height).toBeLessThanOrEqual(BOX.height + 1e-6);
    }
  });

  it('gives areas proportional to cost', () => {
    // Only padding breaks exact proportionality; with one team (one group) there is little of it.
    const team = { owner: 'group:default/one-team' };
    const oneGroup = groupComponents(
      [
        component(1, { ...team, monthlyCost: 100 }),
        component(2, { ...team, monthlyCost: 400 }),
        component(3, { ...team, monthlyCost: 200 }),
      ],
      'owner',
    );
    const tiles = byName(layoutTreemap(oneGroup, BOX).tiles);
    const ratio = (a: string, b: string) =>
      area(tiles.get(a)!) / area(tiles.get(b)!);
    expect(ratio('svc-2', 'svc-1')).toBeCloseTo(4, 1);
    expect(ratio('svc-3', 'svc-1')).toBeCloseTo(2, 1);
  });

  it('gives unassessed and free components a minimum area', () => {
    const withGaps = [
      ...items,
      component(100, {
        monthlyCost: null,
        executionModel: null,
        platform: null,
      }),
      component(101, { monthlyCost: 0 }),
      component(102, { monthlyCost: null, notApplicable: true }),
    ];
    const layout = layoutTreemap(groupComponents(withGaps, 'system'), BOX);
    const tiles = byName(layout.tiles);
    const mean =
      withGaps.reduce((s, c) => s + (c.monthlyCost ?? 0), 0) / withGaps.length;
    const cheapest = area(tiles.get('svc-0')!) / 100; // px² per dollar, roughly
    for (const name of ['svc-100', 'svc-101', 'svc-102']) {
      const tile = tiles.get(name)!;
      expect(tile).toBeDefined();
      expect(tile.width).toBeGreaterThanOrEqual(MIN_DRAWN_PX);
      expect(area(tile) / (MIN_AREA_SHARE * mean)).toBeGreaterThan(
        cheapest * 0.5,
      );
    }
  });

  it('zooms into a domain and a system, keeping their totals, with breadcrumbs back up', () => {
    const domain = groups[0];
    const system = domain.children[0];
    const domainId = zoomIdOf([domain.key]);
    const systemId = zoomIdOf([domain.key, system.key]);

    const inDomain = layoutTreemap(groups, { ...BOX, zoom: domainId });
    expect(inDomain.count).toBe(domain.count);
    expect(inDomain.cost).toBe(domain.cost);
    expect(inDomain.tiles.map(t => t.component.entityRef).sort()).toEqual(
      domain.children.flatMap(s => s.items.map(c => c.entityRef)).sort(),
    );
    expect(
      inDomain.tiles.reduce((s, t) => s + (t.component.monthlyCost ?? 0), 0),
    ).toBe(domain.cost);
    expect(inDomain.breadcrumbs).toEqual([
      { id: '', label: 'All components' },
      { id: domainId, label: domain.label },
    ]);

    const inSystem = layoutTreemap(groups, { ...BOX, zoom: systemId });
    expect(inSystem.count).toBe(system.count);
    expect(inSystem.tiles).toHaveLength(system.count);
    expect(inSystem.breadcrumbs.map(b => b.id)).toEqual([
      '',
      domainId,
      systemId,
    ]);

    // A zoom that no longer matches (filtered away) shows everything.
    expect(
      layoutTreemap(groups, { ...BOX, zoom: 'domain:default/gone' }).tiles,
    ).toHaveLength(30);
  });

  it('names groups without the attribute in zoom ids', () => {
    const orphans = [component(1, { domain: undefined, system: undefined })];
    const layout = layoutTreemap(groupComponents(orphans, 'system'), BOX);
    expect(layout.groups.map(g => g.id)).toEqual(['-', '-|-']);
    expect(
      layoutTreemap(groupComponents(orphans, 'system'), { ...BOX, zoom: '-|-' })
        .tiles,
    ).toHaveLength(1);
  });

  it('lays out 50,000 components, drawing only what is visible', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      component(i, {
        system: `system:default/sys-${i % 400}`,
        domain: `domain:default/dom-${i % 40}`,
        monthlyCost: i % 8 === 0 ? null : Math.round(10 ** (1 + (i % 13) / 3)),
      }),
    );
    const layout = layoutTreemap(groupComponents(many, 'system'), {
      width: 1400,
      height: 800,
    });
    expect(layout.tiles.length + layout.hidden).toBe(50_000);
    expect(layout.tiles.length).toBeLessThan(50_000);
    for (const t of layout.tiles) {
      expect(Math.min(t.width, t.height)).toBeGreaterThanOrEqual(MIN_DRAWN_PX);
    }
  });

  it('weighs components by cost, raised to a share of the mean taken from the groups', () => {
    const priced = [
      component(1, { monthlyCost: 900 }),
      component(2, { monthlyCost: 100 }),
      component(3, { monthlyCost: null }),
      component(4, { monthlyCost: 0 }),
    ];
    const weight = weightOf(groupComponents(priced, 'system'));
    const floor = (MIN_AREA_SHARE * 1000) / 4;
    expect(weight(priced[0])).toBe(900);
    expect(weight(priced[1])).toBe(100);
    expect(weight(priced[2])).toBe(floor);
    expect(weight(priced[3])).toBe(floor);
    // Nothing priced: every component weighs the same.
    const unpriced = [component(5, { monthlyCost: null })];
    expect(weightOf(groupComponents(unpriced, 'system'))(unpriced[0])).toBe(1);
  });

  it('remembers layouts by groups and zoom, and lays out again for other groups', () => {
    const layouts = rememberedLayouts(BOX);
    const whole = layouts(groups, '');
    const domainId = zoomIdOf([groups[0].key]);
    const zoomed = layouts(groups, domainId);
    expect(layouts(groups, '')).toBe(whole);
    expect(layouts(groups, domainId)).toBe(zoomed);
    expect(zoomed).not.toBe(whole);
    expect(whole).toEqual(layoutTreemap(groups, BOX));

    // Equal groups computed again (another filter) are laid out again, to the same result.
    const regrouped = groupComponents(items, 'system');
    const again = layouts(regrouped, '');
    expect(again).not.toBe(whole);
    expect(again).toEqual(whole);
  });
});
