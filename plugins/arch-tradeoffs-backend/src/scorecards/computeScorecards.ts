import type {
  ScorecardCheck,
  ScorecardCheckId,
  ScorecardFigures,
  ScorecardWeights,
  ScoreLevel,
  TeamScorecard,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

/** What a scorecard needs of one component: a few figures, not the assessment. */
export interface ScoredComponent {
  owner?: string;
  /** False for a component that is not a deployed workload (a library, …): counted nowhere. */
  applicable: boolean;
  /** Assessable, with no error diagnostics. */
  annotated: boolean;
  /** Execution model known, traffic stated or measured, no error diagnostics. */
  covered: boolean;
  /** Traffic measured by the usage source. */
  measured: boolean;
  /** Expected monthly cost; null when the component could not be assessed. */
  monthlyCost: number | null;
  /** Cheapest feasible option on the same provider (the current one when nothing is cheaper). */
  bestMonthlyCost: number | null;
  /** A warning or critical posture flag. */
  postureRisk: boolean;
  suggestionId: string | null;
  savings: number;
}

export interface GroupNode {
  groupRef: string;
  title?: string;
  type?: string;
  parent?: string;
}

/** Money to the cent, as every figure in a response. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Default weights: cost counts most, since that is the question the plugin exists to answer. */
export const DEFAULT_WEIGHTS: ScorecardWeights = {
  'input-coverage': 25,
  'cost-efficiency': 35,
  'posture-risks': 20,
  'open-suggestions': 20,
};

const CHECKS: Record<ScorecardCheckId, { title: string; description: string }> = {
  'input-coverage': {
    title: 'Input coverage',
    description:
      'Share of workloads whose estimate rests on real inputs: the execution model is known (annotated, or inferred from other plugins’ annotations) and the traffic is stated or measured, without annotation errors. The others are priced on defaults or not at all. Libraries, documentation and templates are not counted.',
  },
  'cost-efficiency': {
    title: 'Cost efficiency',
    description:
      'Cost of the cheapest feasible option on the same provider ÷ estimated cost, summed over assessed components (100 = already on the cheapest).',
  },
  'posture-risks': {
    title: 'Posture risks',
    description:
      'Share of assessed components without a warning or critical posture flag (cold start over the latency objective, no headroom, near a hard limit).',
  },
  'open-suggestions': {
    title: 'Open suggestions',
    description:
      'Share of assessed components without an undecided migration suggestion (accepted, dismissed and snoozed ones count as handled).',
  },
};

/** Thresholds of the levels, best first. */
const LEVELS: Array<[number, ScoreLevel]> = [
  [85, 'excellent'],
  [70, 'good'],
  [50, 'fair'],
  [0, 'poor'],
];

interface Totals {
  components: number;
  annotated: number;
  covered: number;
  measured: number;
  assessed: number;
  monthlyCost: number;
  bestMonthlyCost: number;
  potentialSavings: number;
  openSuggestions: number;
  postureRisks: number;
}

const emptyTotals = (): Totals => ({
  components: 0,
  annotated: 0,
  covered: 0,
  measured: 0,
  assessed: 0,
  monthlyCost: 0,
  bestMonthlyCost: 0,
  potentialSavings: 0,
  openSuggestions: 0,
  postureRisks: 0,
});

function addTotals(into: Totals, from: Totals) {
  for (const key of Object.keys(into) as Array<keyof Totals>) into[key] += from[key];
}

function count(totals: Totals, component: ScoredComponent, isOpen: (id: string) => boolean) {
  if (!component.applicable) return;
  totals.components += 1;
  if (component.annotated) totals.annotated += 1;
  if (component.covered) totals.covered += 1;
  if (component.measured) totals.measured += 1;
  if (component.monthlyCost === null) return;
  totals.assessed += 1;
  totals.monthlyCost += component.monthlyCost;
  totals.bestMonthlyCost += component.bestMonthlyCost ?? component.monthlyCost;
  if (component.postureRisk) totals.postureRisks += 1;
  if (component.suggestionId !== null && isOpen(component.suggestionId)) {
    totals.openSuggestions += 1;
    // Suggestions forced by a hard limit or a latency objective can cost more: they are not savings.
    totals.potentialSavings += Math.max(0, component.savings);
  }
}

const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

function checkScores(t: Totals): Record<ScorecardCheckId, { score: number | null; detail: string }> {
  const perAssessed = (bad: number, noun: string) =>
    t.assessed === 0
      ? { score: null, detail: 'No assessed components' }
      : { score: 100 - percent(bad, t.assessed), detail: `${bad} of ${t.assessed} assessed components ${noun}` };
  let efficiency: { score: number | null; detail: string } = { score: null, detail: 'No assessed components' };
  if (t.assessed > 0) {
    // A team whose services cost nothing is as efficient as it gets.
    const ratio = t.monthlyCost > 0 ? t.bestMonthlyCost / t.monthlyCost : 1;
    efficiency = {
      score: Math.round(100 * Math.min(1, ratio)),
      detail:
        ratio >= 1
          ? 'Every assessed component is on its cheapest feasible option'
          : `Costs ${(1 / ratio).toFixed(2)}× the cheapest feasible options on the same providers`,
    };
  }
  return {
    'input-coverage':
      t.components === 0
        ? { score: null, detail: 'No components' }
        : {
            score: percent(t.covered, t.components),
            detail: `${t.covered} of ${t.components} workloads with a known model and stated or measured traffic (${t.measured} measured)`,
          },
    'cost-efficiency': efficiency,
    'posture-risks': perAssessed(t.postureRisks, 'have a posture risk'),
    'open-suggestions': perAssessed(t.openSuggestions, 'have an open suggestion'),
  };
}

/** A level for a 0–100 score. */
export function levelOf(score: number): ScoreLevel {
  return LEVELS.find(([min]) => score >= min)![1];
}

/** Scores a set of totals: each check, then the weighted mean of those that apply. */
export function scoreFigures(totals: Totals, weights: ScorecardWeights): ScorecardFigures {
  const scores = checkScores(totals);
  const checks: ScorecardCheck[] = (Object.keys(CHECKS) as ScorecardCheckId[]).map(id => ({
    id,
    ...CHECKS[id],
    weight: weights[id],
    ...scores[id],
  }));
  let weighted = 0;
  let weightSum = 0;
  for (const check of checks) {
    if (check.score !== null && check.weight > 0) {
      weighted += check.weight * check.score;
      weightSum += check.weight;
    }
  }
  const score = weightSum > 0 ? Math.round(weighted / weightSum) : null;
  return {
    ...totals,
    monthlyCost: round2(totals.monthlyCost),
    bestMonthlyCost: round2(totals.bestMonthlyCost),
    potentialSavings: round2(totals.potentialSavings),
    score,
    level: score === null ? null : levelOf(score),
    checks,
  };
}


/**
 * Scorecards counted one component at a time, so that a refresh can count each component as it
 * passes instead of holding every component's figures until the end.
 */
export class ScorecardTally {
  private readonly direct: Map<string, Totals>;
  private readonly org = emptyTotals();

  constructor(
    private readonly groups: GroupNode[],
    private readonly isOpen: (suggestionId: string) => boolean,
  ) {
    this.direct = new Map(groups.map(g => [g.groupRef, emptyTotals()]));
  }

  add(component: ScoredComponent): void {
    count(this.org, component, this.isOpen);
    const owned = component.owner ? this.direct.get(component.owner) : undefined;
    if (owned) count(owned, component, this.isOpen);
  }

  /** Every group's scorecard and the organisation's figures, from the components added so far. */
  scorecards(weights: ScorecardWeights): { teams: TeamScorecard[]; org: ScorecardFigures } {
    const { groups, direct } = this;
    const children = new Map<string, string[]>(groups.map(g => [g.groupRef, []]));
    for (const group of groups) {
      if (group.parent && children.has(group.parent)) children.get(group.parent)!.push(group.groupRef);
    }
    // Each group sums the direct figures of itself and every descendant it reaches, each counted once,
    // so a cycle in the catalog's hierarchy cannot count a team twice.
    const aggregate = (ref: string): Totals => {
      const totals = emptyTotals();
      const seen = new Set<string>([ref]);
      const stack = [ref];
      while (stack.length > 0) {
        const next = stack.pop()!;
        addTotals(totals, direct.get(next)!);
        for (const child of children.get(next)!) {
          if (!seen.has(child)) {
            seen.add(child);
            stack.push(child);
          }
        }
      }
      return totals;
    };

    const teams = groups.map(group => ({
      groupRef: group.groupRef,
      ...(group.title ? { title: group.title } : {}),
      ...(group.type ? { type: group.type } : {}),
      ...(group.parent && children.has(group.parent) ? { parent: group.parent } : {}),
      children: children.get(group.groupRef)!,
      direct: scoreFigures(direct.get(group.groupRef)!, weights),
      aggregated: scoreFigures(aggregate(group.groupRef), weights),
    }));
    return { teams, org: scoreFigures(this.org, weights) };
  }
}

/**
 * Scorecards for every group, and the organisation's figures. A group's `direct` figures cover the
 * components it owns; `aggregated` adds its descendants', transitively.
 */
export function computeScorecards(
  components: Iterable<ScoredComponent>,
  groups: GroupNode[],
  isOpen: (suggestionId: string) => boolean,
  weights: ScorecardWeights,
): { teams: TeamScorecard[]; org: ScorecardFigures } {
  const tally = new ScorecardTally(groups, isOpen);
  for (const component of components) tally.add(component);
  return tally.scorecards(weights);
}

/** Best aggregated score first; teams with nothing to score last, then by name. */
export function rankScorecards(teams: TeamScorecard[]): TeamScorecard[] {
  return [...teams].sort(
    (a, b) =>
      (b.aggregated.score ?? -1) - (a.aggregated.score ?? -1) ||
      a.groupRef.localeCompare(b.groupRef),
  );
}
