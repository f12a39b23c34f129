import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { IndexEntry, SnapshotIndex } from './SnapshotIndex';

function entry(name: string, summary: Partial<ComponentSummary>, postureRisk = false): IndexEntry {
  return {
    entityRef: `component:default/${name}`,
    name,
    executionModel: null,
    platform: null,
    monthlyCost: null,
    bestMonthlyCost: null,
    diagnosticCount: 0,
    suggestion: null,
    ...summary,
    annotated: summary.executionModel !== undefined,
    postureRisk,
  };
}

const entries = [
  entry('a', {
    title: 'A',
    owner: 'group:default/x',
    executionModel: 'always-on',
    platform: 'aws-fargate',
    system: 'system:default/s',
    monthlyCost: 120.5,
    bestMonthlyCost: 80.25,
    diagnosticCount: 2,
    suggestion: { id: 's-a', title: 'Move to Lambda', targetPlatform: 'aws-lambda', savings: 40.25 },
  }),
  entry('b', { owner: 'group:default/y', executionModel: 'on-demand', platform: 'aws-lambda', domain: 'domain:default/d', monthlyCost: 0, bestMonthlyCost: 0 }, true),
  entry('c', { owner: 'group:default/x', diagnosticCount: 1 }),
  entry('d', { owner: 'group:default/x', executionModel: 'on-demand', platform: 'aws-lambda', system: 'system:default/s' }),
];
const index = new SnapshotIndex(7, entries);
const names = (positions: number[]) => positions.map(i => index.summary(i).name);
/** The entry as the map sends it: a summary, without the scorecard figures. */
const summaryOf = ({ annotated, postureRisk, ...summary }: IndexEntry): ComponentSummary => summary;

describe('SnapshotIndex', () => {
  it('filters on every field, combined, in entity-ref order', () => {
    expect(names(index.filter({}))).toEqual(['a', 'b', 'c', 'd']);
    expect(names(index.filter({ owner: 'group:default/x' }))).toEqual(['a', 'c', 'd']);
    expect(names(index.filter({ model: 'on-demand' }))).toEqual(['b', 'd']);
    expect(names(index.filter({ model: 'unannotated' }))).toEqual(['c']);
    expect(names(index.filter({ platform: 'aws-lambda', system: 'system:default/s' }))).toEqual(['d']);
    expect(names(index.filter({ domain: 'domain:default/d' }))).toEqual(['b']);
    expect(names(index.filter({ owner: 'group:default/nobody' }))).toEqual([]);
    expect(names(index.filter({ owner: 'group:default/x', platform: 'gcp-cloud-run' }))).toEqual([]);
  });

  it('gives back each summary as built, keys in the order the API has always sent them', () => {
    entries.forEach((e, i) => expect(index.summary(i)).toEqual(summaryOf(e)));
    expect(Object.keys(index.summary(0))).toEqual([
      'entityRef', 'name', 'title', 'owner', 'system', 'executionModel', 'platform', 'monthlyCost', 'bestMonthlyCost', 'diagnosticCount', 'suggestion',
    ]);
    expect(Object.keys(index.summary(0).suggestion!)).toEqual(['id', 'title', 'targetPlatform', 'savings']);
    expect(index.size).toBe(4);
    expect(index.entityRef(2)).toBe('component:default/c');
    expect(index.suggestionId(0)).toBe('s-a');
    expect(index.suggestionId(1)).toBeUndefined();
    expect(index.savings(0)).toBe(40.25);
    expect(index.savings(1)).toBe(0);
  });

  it('gives every component’s scorecard figures', () => {
    expect([...index.scoredComponents()]).toEqual([
      { owner: 'group:default/x', annotated: true, monthlyCost: 120.5, bestMonthlyCost: 80.25, postureRisk: false, suggestionId: 's-a', savings: 40.25 },
      { owner: 'group:default/y', annotated: true, monthlyCost: 0, bestMonthlyCost: 0, postureRisk: true, suggestionId: null, savings: 0 },
      { owner: 'group:default/x', annotated: false, monthlyCost: null, bestMonthlyCost: null, postureRisk: false, suggestionId: null, savings: 0 },
      { owner: 'group:default/x', annotated: true, monthlyCost: null, bestMonthlyCost: null, postureRisk: false, suggestionId: null, savings: 0 },
    ]);
    const ownerless = new SnapshotIndex(8, [entry('e', {})]);
    expect([...ownerless.scoredComponents()][0].owner).toBeUndefined();
  });

  const items = (page: { head: { text(tail: string): string } }) => JSON.parse(page.head.text('}')).items;

  it('serialises a page of summaries with the count of every match', () => {
    const page = index.summaryPage({ owner: 'group:default/x' }, { offset: 1, limit: 1 });
    expect(page.totalCount).toBe(3);
    expect(items(page)).toEqual([summaryOf(entries[2])]);
    expect(items(index.summaryPage({}, { offset: 0 }))).toEqual(entries.map(summaryOf));
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
