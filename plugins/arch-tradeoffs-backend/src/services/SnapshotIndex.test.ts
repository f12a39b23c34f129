import type { ComponentSummary } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { FULL_SCOPE, ReadScope } from '../permissions/ReadAccess';
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
    covered: summary.executionModel !== undefined,
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
const summaryOf = ({ annotated, postureRisk, covered, ...summary }: IndexEntry): ComponentSummary => summary;

describe('SnapshotIndex', () => {
  it('filters on every field, combined, in entity-ref order', () => {
    expect(names(index.filter({}, FULL_SCOPE))).toEqual(['a', 'b', 'c', 'd']);
    expect(names(index.filter({ owner: 'group:default/x' }, FULL_SCOPE))).toEqual(['a', 'c', 'd']);
    expect(names(index.filter({ model: 'on-demand' }, FULL_SCOPE))).toEqual(['b', 'd']);
    expect(names(index.filter({ model: 'unannotated' }, FULL_SCOPE))).toEqual(['c']);
    expect(names(index.filter({ platform: 'aws-lambda', system: 'system:default/s' }, FULL_SCOPE))).toEqual(['d']);
    expect(names(index.filter({ domain: 'domain:default/d' }, FULL_SCOPE))).toEqual(['b']);
    expect(names(index.filter({ owner: 'group:default/nobody' }, FULL_SCOPE))).toEqual([]);
    expect(names(index.filter({ owner: 'group:default/x', platform: 'gcp-cloud-run' }, FULL_SCOPE))).toEqual([]);
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
    expect([...index.scoredComponents(FULL_SCOPE)]).toEqual([
      { owner: 'group:default/x', applicable: true, annotated: true, covered: true, measured: false, monthlyCost: 120.5, bestMonthlyCost: 80.25, postureRisk: false, suggestionId: 's-a', savings: 40.25 },
      { owner: 'group:default/y', applicable: true, annotated: true, covered: true, measured: false, monthlyCost: 0, bestMonthlyCost: 0, postureRisk: true, suggestionId: null, savings: 0 },
      { owner: 'group:default/x', applicable: true, annotated: false, covered: false, measured: false, monthlyCost: null, bestMonthlyCost: null, postureRisk: false, suggestionId: null, savings: 0 },
      { owner: 'group:default/x', applicable: true, annotated: true, covered: true, measured: false, monthlyCost: null, bestMonthlyCost: null, postureRisk: false, suggestionId: null, savings: 0 },
    ]);
    const ownerless = new SnapshotIndex(8, [entry('e', {})]);
    expect([...ownerless.scoredComponents(FULL_SCOPE)][0].owner).toBeUndefined();
  });

  /** Sees the components named, by position. */
  const seeing = (...visible: string[]): ReadScope => ({
    key: visible.join(','),
    complete: false,
    seesComponent: position => visible.includes(index.summary(position).name),
    seesGroup: () => true,
  });

  it('narrows filters, counts and scorecard figures to what the scope sees', () => {
    expect(names(index.filter({}, seeing('b', 'd')))).toEqual(['b', 'd']);
    expect(names(index.filter({ owner: 'group:default/x' }, seeing('b', 'd')))).toEqual(['d']);
    expect(names(index.filter({ model: 'on-demand' }, seeing('a', 'c')))).toEqual([]);
    expect(index.countVisible(seeing('a', 'c'))).toBe(2);
    expect(index.countVisible(FULL_SCOPE)).toBe(4);
    expect([...index.scoredComponents(seeing('b'))]).toEqual([...index.scoredComponents(FULL_SCOPE)].slice(1, 2));
  });

  it('tells components that are not workloads from unannotated ones', () => {
    const library = { ...entry('lib', { owner: 'group:default/x' }), notApplicable: true as const };
    const mixed = new SnapshotIndex(9, [entries[0], entries[2], library]);
    const named = (positions: number[]) => positions.map(i => mixed.summary(i).name);
    expect(named(mixed.filter({ model: 'unannotated' }, FULL_SCOPE))).toEqual(['c']);
    expect(named(mixed.filter({ model: 'not-applicable' }, FULL_SCOPE))).toEqual(['lib']);
    expect(named(mixed.filter({ model: 'always-on' }, FULL_SCOPE))).toEqual(['a']);
    expect(mixed.summary(2)).toEqual(summaryOf(library));
    expect(mixed.summary(2).notApplicable).toBe(true);
    expect('notApplicable' in mixed.summary(1)).toBe(false);
    expect([...mixed.scoredComponents(FULL_SCOPE)].map(c => c.applicable)).toEqual([true, true, false]);
  });

  it('filters workloads by measured or estimated traffic; components that are not workloads match neither', () => {
    const measured = { ...entry('m', { executionModel: 'always-on' }), measured: true as const };
    const library = { ...entry('lib', {}), notApplicable: true as const };
    const mixed = new SnapshotIndex(10, [entries[0], library, measured]);
    const named = (positions: number[]) => positions.map(i => mixed.summary(i).name);
    expect(named(mixed.filter({ input: 'measured' }, FULL_SCOPE))).toEqual(['m']);
    expect(named(mixed.filter({ input: 'estimated' }, FULL_SCOPE))).toEqual(['a']);
    expect(mixed.summary(2).measured).toBe(true);
    expect('measured' in mixed.summary(0)).toBe(false);
    expect([...mixed.scoredComponents(FULL_SCOPE)].map(c => c.measured)).toEqual([false, false, true]);
  });

  it('finds components by ref and suggestions by id', () => {
    expect(index.positionOf('component:default/c')).toBe(2);
    expect(index.positionOf('component:default/zz')).toBeUndefined();
    expect(index.suggestionPosition('s-a')).toBe(0);
    expect(index.suggestionPosition('s-b')).toBeUndefined();
  });
});
