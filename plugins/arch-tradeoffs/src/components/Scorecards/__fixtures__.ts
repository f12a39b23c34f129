import type {
  ScorecardCheck,
  ScorecardFigures,
  SnapshotInfo,
  TeamScorecard,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

export const SNAPSHOT: SnapshotInfo = {
  id: 9,
  createdAt: new Date(Date.now() - 3 * 3600 * 1000).toISOString(),
  partial: false,
  componentCount: 40,
  durationMs: 900,
};

function checks(
  coverage: number,
  efficiency: number,
  detail: string,
): ScorecardCheck[] {
  return [
    {
      id: 'input-coverage',
      title: 'Input coverage',
      description:
        'Share of workloads whose execution model is known and whose traffic is stated or measured, without errors',
      weight: 1,
      score: coverage,
      detail,
    },
    {
      id: 'cost-efficiency',
      title: 'Cost efficiency',
      description: 'Best alternative cost / estimated cost',
      weight: 2,
      score: efficiency,
      detail: `best option costs ${efficiency} % of today's estimate`,
    },
    {
      id: 'posture-risks',
      title: 'Posture risks',
      description: 'Assessed components without warning or critical flags',
      weight: 1,
      score: 100,
      detail: 'no posture risks',
    },
    {
      id: 'open-suggestions',
      title: 'Open suggestions',
      description: 'Components without an open migration suggestion',
      weight: 1,
      score: null,
      detail: 'nothing to measure',
    },
  ];
}

export function figures(partial: Partial<ScorecardFigures>): ScorecardFigures {
  return {
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
    score: null,
    level: null,
    checks: [],
    ...partial,
  };
}

/** payments (parent, scores 71 with children, 64 alone), payments-core (child, 88), data (52). */
export const PAYMENTS: TeamScorecard = {
  groupRef: 'group:default/payments',
  title: 'Payments',
  children: ['group:default/payments-core'],
  direct: figures({
    components: 2,
    annotated: 1,
    covered: 1,
    assessed: 1,
    monthlyCost: 120,
    bestMonthlyCost: 100,
    score: 64,
    level: 'fair',
    checks: checks(50, 83, '1 of 2 workloads with known inputs'),
  }),
  aggregated: figures({
    components: 7,
    annotated: 6,
    covered: 6,
    measured: 2,
    assessed: 6,
    monthlyCost: 1840,
    bestMonthlyCost: 1400,
    potentialSavings: 440,
    openSuggestions: 2,
    score: 71,
    level: 'good',
    checks: checks(86, 76, '6 of 7 workloads with known inputs'),
  }),
};

export const PAYMENTS_CORE: TeamScorecard = {
  groupRef: 'group:default/payments-core',
  title: 'Payments core',
  parent: 'group:default/payments',
  children: [],
  direct: figures({
    components: 5,
    score: 88,
    level: 'excellent',
    checks: checks(100, 80, '5 of 5 workloads with known inputs'),
  }),
  aggregated: figures({
    components: 5,
    score: 88,
    level: 'excellent',
    monthlyCost: 1720,
    checks: checks(100, 80, '5 of 5 workloads with known inputs'),
  }),
};

export const DATA: TeamScorecard = {
  groupRef: 'group:default/data',
  title: 'Data',
  children: [],
  direct: figures({
    components: 3,
    score: 52,
    level: 'fair',
    checks: checks(33, 60, '1 of 3 workloads with known inputs'),
  }),
  aggregated: figures({
    components: 3,
    score: 52,
    level: 'fair',
    monthlyCost: 310,
    checks: checks(33, 60, '1 of 3 workloads with known inputs'),
  }),
};

export const EMPTY_TEAM: TeamScorecard = {
  groupRef: 'group:default/design',
  title: 'Design',
  children: [],
  direct: figures({}),
  aggregated: figures({}),
};
