import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { IndexedComponent, SnapshotIndex } from './SnapshotIndex';

function component(name: string, summary: Partial<ComponentSummary>, suggestionId: string | null = null): IndexedComponent {
  return {
    summary: {
      entityRef: `component:default/${name}`,
      name,
      executionModel: null,
      platform: null,
      monthlyCost: null,
      bestMonthlyCost: null,
      diagnosticCount: 0,
      suggestion: null,
      ...summary,
    },
    annotated: summary.executionModel !== undefined,
    monthlyCost: summary.monthlyCost ?? null,
    bestMonthlyCost: summary.bestMonthlyCost ?? null,
    postureRisk: false,
    suggestionId,
    savings: 0,
  };
}

const index = new SnapshotIndex(7, [
  component('a', { owner: 'group:default/x', executionModel: 'always-on', platform: 'aws-fargate', system: 'system:default/s' }, 's-a'),
  component('b', { owner: 'group:default/y', executionModel: 'on-demand', platform: 'aws-lambda', domain: 'domain:default/d' }),
  component('c', { owner: 'group:default/x' }),
  component('d', { owner: 'group:default/x', executionModel: 'on-demand', platform: 'aws-lambda', system: 'system:default/s' }),
]);
const names = (items: readonly IndexedComponent[]) => items.map(c => c.summary.name);

describe('SnapshotIndex', () => {
  it('filters on every field, combined, in entity-ref order', () => {
    expect(names(index.filter({}))).toEqual(['a', 'b', 'c', 'd']);
    expect(names(index.filter({ owner: 'group:default/x' }))).toEqual(['a', 'c', 'd']);
    expect(names(index.filter({ model: 'on-demand' }))).toEqual(['b', 'd']);
    expect(names(index.filter({ model: 'unannotated' }))).toEqual(['c']);
    expect(names(index.filter({ platform: 'aws-lambda', system: 'system:default/s' }))).toEqual(['d']);
    expect(names(index.filter({ domain: 'domain:default/d' }))).toEqual(['b']);
    expect(names(index.filter({ owner: 'group:default/nobody' }))).toEqual([]);
  });

  const items = (page: { head: { text(tail: string): string } }) => JSON.parse(page.head.text('}')).items;

  it('serialises a page of summaries with the count of every match', () => {
    const page = index.summaryPage({ owner: 'group:default/x' }, { offset: 1, limit: 1 });
    expect(page.totalCount).toBe(3);
    expect(items(page)).toEqual([index.components[2].summary]);
    expect(items(index.summaryPage({}, { offset: 0 }))).toHaveLength(4);
  });

  it('keeps the last few pages only, and answers the same either way', () => {
    const first = index.summaryPage({}, { offset: 0 });
    expect(index.summaryPage({}, { offset: 0 })).toBe(first);
    for (let offset = 1; offset <= 4; offset++) index.summaryPage({}, { offset });
    const again = index.summaryPage({}, { offset: 0 });
    expect(again).not.toBe(first); // evicted and rebuilt
    expect(items(again)).toEqual(items(first));
  });

  it('knows the suggestions of its snapshot', () => {
    expect(index.hasSuggestion('s-a')).toBe(true);
    expect(index.hasSuggestion('s-b')).toBe(false);
  });
});
