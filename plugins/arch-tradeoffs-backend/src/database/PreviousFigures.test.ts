import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { PreviousFigures } from './PreviousFigures';
import { HistoryRow, SnapshotStore } from './SnapshotStore';

jest.setTimeout(60_000);

const figures = (monthlyCost: number, openSuggestions = 0) => ({
  monthlyCost,
  bestMonthlyCost: monthlyCost / 2,
  potentialSavings: openSuggestions * 10,
  openSuggestions,
});

describe('PreviousFigures', () => {
  it('compares each figure exactly, by subject', () => {
    const previous = new PreviousFigures();
    previous.set('component:default/a', figures(100.25, 1));
    expect(previous.same('component:default/a', figures(100.25, 1))).toBe(true);
    expect(previous.same('component:default/a', figures(100.26, 1))).toBe(false);
    expect(previous.same('component:default/a', figures(100.25, 0))).toBe(false);
    expect(previous.same('component:default/a', { ...figures(100.25, 1), bestMonthlyCost: 1 })).toBe(false);
    expect(previous.same('component:default/b', figures(100.25, 1))).toBe(false);
    previous.set('component:default/a', figures(7));
    expect(previous.same('component:default/a', figures(7))).toBe(true);
    expect(previous.size).toBe(1);
  });

  it('grows to any number of subjects', () => {
    const previous = new PreviousFigures();
    for (let i = 0; i < 5000; i++) previous.set(`s${i}`, figures(i));
    expect(previous.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(previous.same(`s${i}`, figures(i))).toBe(true);
  });
});

// The store reads them a range of subjects at a time: more components than one read holds.
const databases = createTestDatabases();
describe.each(databases.eachSupportedId())('previous figures on %s', databaseId => {
  it("reads each component's newest point in a published snapshot, across reads", async () => {
    const store = await SnapshotStore.create(mockServices.database({ knex: await databases.init(databaseId) }));
    const options = { keepComponentSnapshots: 2, historyCutoff: new Date(0) };
    const subject = (i: number) => `component:default/c-${String(i).padStart(5, '0')}`;
    const points = (subjects: number[], cost: (i: number) => number): HistoryRow[] =>
      subjects.map(i => ({ subject: subject(i), kind: 'component', ...figures(cost(i)), components: 1, score: null }));
    const all = Array.from({ length: 12_000 }, (_, i) => i);
    const write = (build: Parameters<SnapshotStore['writeSnapshot']>[0]) => store.writeSnapshot(build, options);

    await write(async tx => {
      await tx.addHistory(points(all, () => 1));
      return { componentCount: 0, currency: 'USD' };
    });
    // A later snapshot moves every third component.
    await write(async tx => {
      await tx.addHistory(points(all.filter(i => i % 3 === 0), () => 2));
      return { componentCount: 0, currency: 'USD' };
    });
    let previous: PreviousFigures | undefined;
    await write(async tx => {
      // Points staged by the refresh itself (unpublished) are not previous figures.
      await tx.addHistory(points([1], () => 3));
      previous = await tx.previousFigures();
      return { componentCount: 0, currency: 'USD' };
    });

    expect(previous!.size).toBe(all.length);
    for (const i of all) expect(previous!.same(subject(i), figures(i % 3 === 0 ? 2 : 1))).toBe(true);
  });
});
