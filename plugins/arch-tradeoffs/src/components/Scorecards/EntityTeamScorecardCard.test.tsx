import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import type { HistoryResponse } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost } from '../../lib/format';
import {
  fakeApi,
  mockResizeObserver,
  notFound,
  renderWithEntity,
} from '../EntityAssessment/__testUtils__/fixtures';
import { EntityTeamScorecardCard } from './EntityTeamScorecardCard';
import { PAYMENTS, SNAPSHOT } from './__fixtures__';

beforeAll(mockResizeObserver);

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: ['payments-core'] },
};

const history: HistoryResponse = {
  subject: 'group:default/payments',
  kind: 'group',
  currency: 'USD',
  partial: false,
  points: [58, 66, 71].map((score, i) => ({
    snapshotId: i + 1,
    createdAt: `2026-11-${20 + i}T10:00:00Z`,
    monthlyCost: 2000 - i * 80,
    bestMonthlyCost: 1400,
    potentialSavings: 600 - i * 80,
    components: 7,
    openSuggestions: 3 - i,
    score,
  })),
};

describe('EntityTeamScorecardCard', () => {
  it('shows score, level, checks, direct vs aggregated figures and the trend', async () => {
    const getScorecard = jest.fn(async () => ({
      scorecard: PAYMENTS,
      weights: {
        'input-coverage': 1,
        'cost-efficiency': 2,
        'posture-risks': 1,
        'open-suggestions': 1,
      },
      currency: 'USD',
      snapshot: SNAPSHOT,
    }));
    const getHistory = jest.fn(async () => history);
    await renderWithEntity(<EntityTeamScorecardCard />, {
      entity: group,
      api: fakeApi({ getScorecard, getHistory }),
    });
    expect(await screen.findByLabelText('aggregated score')).toHaveTextContent(
      '71',
    );
    expect(getScorecard).toHaveBeenCalledWith('group:default/payments');
    expect(getHistory).toHaveBeenCalledWith({
      group: 'group:default/payments',
    });
    expect(screen.getByText('good')).toBeInTheDocument();
    expect(
      screen.getByText(/including 1 child team; own components score 64/),
    ).toBeInTheDocument();

    const checks = screen.getByRole('table', { name: 'scorecard checks' });
    const efficiency = within(checks)
      .getByText('Cost efficiency')
      .closest('tr')!;
    expect(
      within(efficiency).getByText(
        "best option costs 76 % of today's estimate",
      ),
    ).toBeInTheDocument();
    expect(within(efficiency).getByText('2 (50 %)')).toBeInTheDocument();

    const figures = screen.getByRole('table', {
      name: 'direct and aggregated figures',
    });
    const components = within(figures).getByText('Components').closest('tr')!;
    expect(
      within(components)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['Components', '2', '7']);
    // What the input-coverage check counts, and how much of it was measured.
    const cellsOf = (name: string) =>
      within(within(figures).getByText(name).closest('tr')!)
        .getAllByRole('cell')
        .map(c => c.textContent);
    expect(cellsOf('Inputs known')).toEqual(['Inputs known', '1', '6']);
    expect(cellsOf('Traffic measured')).toEqual(['Traffic measured', '0', '2']);
    expect(within(checks).getByText('Input coverage')).toBeInTheDocument();
    const cost = within(figures).getByText('Monthly cost').closest('tr')!;
    expect(
      within(cost)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([
      'Monthly cost',
      formatCost(120, 'USD'),
      formatCost(1840, 'USD'),
    ]);

    expect(await screen.findByLabelText('score trend')).toHaveTextContent(
      'Score 58 → 71 over 3 snapshots',
    );
    expect(document.querySelector('.recharts-wrapper')).not.toBeNull();
  });

  it('explains a withheld trend, and that the figures cover only what the viewer may read', async () => {
    const getScorecard = jest.fn(async () => ({
      scorecard: PAYMENTS,
      weights: { 'input-coverage': 1, 'cost-efficiency': 1, 'posture-risks': 1, 'open-suggestions': 1 },
      currency: 'USD',
      snapshot: { ...SNAPSHOT, partial: true },
    }));
    const getHistory = jest.fn(async () => ({ ...history, points: [], partial: true }));
    await renderWithEntity(<EntityTeamScorecardCard />, {
      entity: group,
      api: fakeApi({ getScorecard, getHistory }),
    });
    expect(
      await screen.findByText('The trend is not shown: it sums components of this team that you may not read.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/covering only what you may read in the catalog/)).toBeInTheDocument();
    expect(screen.queryByLabelText('score trend')).not.toBeInTheDocument();
  });

  it('says there is no scorecard yet on a 404', async () => {
    await renderWithEntity(<EntityTeamScorecardCard />, {
      entity: group,
      api: fakeApi({ getScorecard: () => Promise.reject(notFound()) }),
    });
    expect(
      await screen.findByText('No scorecard for this group yet'),
    ).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await renderWithEntity(<EntityTeamScorecardCard />, {
      entity: group,
      api: fakeApi({
        getScorecard: () => Promise.reject(new Error('database is down')),
      }),
    });
    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByText('No scorecard for this group yet'),
    ).not.toBeInTheDocument();
  });
});
