import {
  computeScorecards,
  DEFAULT_WEIGHTS,
  GroupNode,
  levelOf,
  rankScorecards,
  ScoredComponent,
} from './computeScorecards';

const component = (owner: string, overrides: Partial<ScoredComponent> = {}): ScoredComponent => ({
  owner,
  applicable: true,
  annotated: true,
  covered: true,
  measured: false,
  monthlyCost: 100,
  bestMonthlyCost: 100,
  postureRisk: false,
  suggestionId: null,
  savings: 0,
  ...overrides,
});

// acme ── eng ── payments
//            └── web
const groups: GroupNode[] = [
  { groupRef: 'group:default/acme' },
  { groupRef: 'group:default/eng', parent: 'group:default/acme' },
  { groupRef: 'group:default/payments', parent: 'group:default/eng' },
  { groupRef: 'group:default/web', parent: 'group:default/eng' },
];
const open = () => true;

describe('computeScorecards', () => {
  it('counts a component that is not a workload nowhere: not in coverage, cost or any score', () => {
    const workloads = [component('group:default/web'), component('group:default/web', { annotated: false, monthlyCost: null, bestMonthlyCost: null })];
    const library = component('group:default/web', { applicable: false, annotated: false, monthlyCost: null, bestMonthlyCost: null });
    const without = computeScorecards(workloads, groups, open, DEFAULT_WEIGHTS);
    const withLibrary = computeScorecards([...workloads, library], groups, open, DEFAULT_WEIGHTS);
    expect(withLibrary).toEqual(without);
    expect(withLibrary.org.components).toBe(2);
  });

  it('rolls figures up the hierarchy transitively, keeping direct figures apart', () => {
    const components = [
      component('group:default/payments'),
      component('group:default/payments', { monthlyCost: 300, bestMonthlyCost: 100, suggestionId: 's1', savings: 200 }),
      component('group:default/web', { monthlyCost: 50, bestMonthlyCost: 50 }),
      component('group:default/eng', { annotated: false, monthlyCost: null, bestMonthlyCost: null }),
    ];
    const { teams, org } = computeScorecards(components, groups, open, DEFAULT_WEIGHTS);
    const team = (name: string) => teams.find(t => t.groupRef === `group:default/${name}`)!;

    expect(team('payments').direct).toMatchObject({ components: 2, monthlyCost: 400, bestMonthlyCost: 200, potentialSavings: 200 });
    expect(team('payments').aggregated.components).toBe(2);
    expect(team('eng').direct).toMatchObject({ components: 1, assessed: 0, monthlyCost: 0 });
    expect(team('eng').aggregated).toMatchObject({ components: 4, assessed: 3, annotated: 3, monthlyCost: 450, bestMonthlyCost: 250 });
    // acme owns nothing itself but covers everything below it, two levels down.
    expect(team('acme').direct.components).toBe(0);
    expect(team('acme').direct.score).toBeNull();
    expect(team('acme').aggregated.components).toBe(4);
    expect(team('acme').children).toEqual(['group:default/eng']);
    expect(team('eng').children.sort()).toEqual(['group:default/payments', 'group:default/web']);
    expect(org.components).toBe(4);
  });

  it('scores each check and takes the weighted mean', () => {
    const components = [
      component('group:default/web', { monthlyCost: 200, bestMonthlyCost: 150, postureRisk: true, suggestionId: 's1', savings: 50 }),
      component('group:default/web', { monthlyCost: 200, bestMonthlyCost: 200 }),
      component('group:default/web', { annotated: false, covered: false, monthlyCost: null, bestMonthlyCost: null }),
    ];
    const { teams } = computeScorecards(components, groups, open, DEFAULT_WEIGHTS);
    const web = teams.find(t => t.groupRef === 'group:default/web')!.direct;
    const scores = Object.fromEntries(web.checks.map(c => [c.id, c.score]));
    // coverage 2/3 = 67; efficiency 350/400 = 88 (rounded 87.5); posture 1 of 2 risky = 50; open 1 of 2 = 50.
    expect(scores).toEqual({
      'input-coverage': 67,
      'cost-efficiency': 88,
      'posture-risks': 50,
      'open-suggestions': 50,
    });
    // (25×67 + 35×88 + 20×50 + 20×50) / 100 = 67.55 → 68
    expect(web.score).toBe(68);
    expect(web.level).toBe('fair');
    expect(web.checks.find(c => c.id === 'cost-efficiency')!.detail).toContain('1.14×');
    expect(web.checks.map(c => c.weight)).toEqual([25, 35, 20, 20]);
  });

  it('counts as covered only workloads with a known model and stated or measured traffic, and says how many were measured', () => {
    const components = [
      component('group:default/web', { measured: true }),
      component('group:default/web', { covered: false }),
      component('group:default/web', { covered: false, measured: false }),
      component('group:default/web', { applicable: false, covered: false }),
    ];
    const web = computeScorecards(components, groups, open, DEFAULT_WEIGHTS).teams.find(t => t.groupRef === 'group:default/web')!.direct;
    expect(web).toMatchObject({ components: 3, covered: 1, measured: 1 });
    const check = web.checks.find(c => c.id === 'input-coverage')!;
    expect(check.score).toBe(33);
    expect(check.detail).toBe('1 of 3 workloads with a known model and stated or measured traffic (1 measured)');
  });

  it('counts decided suggestions as handled, and only positive savings as potential savings', () => {
    const components = [
      component('group:default/web', { suggestionId: 'decided', savings: 80 }),
      component('group:default/web', { suggestionId: 'costs-more', savings: -40 }),
    ];
    const { teams } = computeScorecards(components, groups, id => id !== 'decided', DEFAULT_WEIGHTS);
    const web = teams.find(t => t.groupRef === 'group:default/web')!.direct;
    expect(web.openSuggestions).toBe(1);
    expect(web.potentialSavings).toBe(0);
  });

  it('follows configured weights, leaving out a check weighted 0', () => {
    const components = [component('group:default/web', { annotated: false, postureRisk: true })];
    const weights = { ...DEFAULT_WEIGHTS, 'input-coverage': 0, 'posture-risks': 0 };
    const { teams } = computeScorecards(components, groups, open, weights);
    // Only efficiency (100) and open suggestions (100) count.
    expect(teams.find(t => t.groupRef === 'group:default/web')!.direct.score).toBe(100);
  });

  it('survives a cycle in the group hierarchy without counting twice', () => {
    const cyclic: GroupNode[] = [
      { groupRef: 'group:default/a', parent: 'group:default/b' },
      { groupRef: 'group:default/b', parent: 'group:default/a' },
    ];
    const { teams } = computeScorecards([component('group:default/a'), component('group:default/b')], cyclic, open, DEFAULT_WEIGHTS);
    for (const team of teams) expect(team.aggregated.components).toBe(2);
  });

  it('maps scores to levels and ranks best first', () => {
    expect([100, 85, 84, 70, 69, 50, 49, 0].map(levelOf)).toEqual([
      'excellent', 'excellent', 'good', 'good', 'fair', 'fair', 'poor', 'poor',
    ]);
    const { teams } = computeScorecards(
      [component('group:default/web', { postureRisk: true }), component('group:default/payments')],
      groups,
      open,
      DEFAULT_WEIGHTS,
    );
    expect(rankScorecards(teams).map(t => t.groupRef)).toEqual([
      'group:default/payments',
      'group:default/acme',
      'group:default/eng',
      'group:default/web',
    ]);
  });
});
