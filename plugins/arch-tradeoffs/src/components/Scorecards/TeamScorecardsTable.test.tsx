import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { formatCost } from '../../lib/format';
import { fakeApi } from '../EntityAssessment/__testUtils__/fixtures';
import { TeamScorecardsTable } from './TeamScorecardsTable';
import {
  DATA,
  EMPTY_TEAM,
  PAYMENTS,
  PAYMENTS_CORE,
  SNAPSHOT,
} from './__fixtures__';

const WEIGHTS = {
  'input-coverage': 1,
  'cost-efficiency': 2,
  'posture-risks': 1,
  'open-suggestions': 1,
};

async function renderTable(getScorecards: () => Promise<any>) {
  return renderInTestApp(
    <TestApiProvider apis={[[archTradeoffsApiRef, fakeApi({ getScorecards })]]}>
      <TeamScorecardsTable />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const dataRows = () =>
  screen
    .getAllByRole('row')
    .filter(row => within(row).queryAllByRole('link').length > 0);

describe('TeamScorecardsTable', () => {
  it('ranks teams by aggregated score with direct vs aggregated figures', async () => {
    // Deliberately out of order: the table ranks by aggregated score, empty teams last.
    await renderTable(async () => ({
      items: [DATA, EMPTY_TEAM, PAYMENTS, PAYMENTS_CORE],
      weights: WEIGHTS,
      currency: 'USD',
      snapshot: SNAPSHOT,
    }));
    expect(await screen.findByText('Team scorecards')).toBeInTheDocument();
    const names = dataRows().map(
      row => within(row).getByRole('link').textContent,
    );
    expect(names).toEqual(['Payments core', 'Payments', 'Data', 'Design']);

    const payments = dataRows()[1];
    expect(within(payments).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(within(payments).getByText('good')).toBeInTheDocument();
    expect(within(payments).getByText('71')).toBeInTheDocument(); // aggregated
    expect(within(payments).getByText('64')).toBeInTheDocument(); // direct
    expect(within(payments).getByText('2 / 7')).toBeInTheDocument();
    expect(
      within(payments).getByText(formatCost(1840, 'USD')),
    ).toBeInTheDocument();
    expect(
      within(payments).getByText(formatCost(440, 'USD')),
    ).toBeInTheDocument();
    expect(
      within(dataRows()[3]).getByText('No components'),
    ).toBeInTheDocument();
    expect(screen.getByText(/figures from the refresh 3 h ago/)).toBeInTheDocument();
  });

  it('shows each check with weight, score and detail in the detail panel', async () => {
    await renderTable(async () => ({
      items: [PAYMENTS],
      weights: WEIGHTS,
      currency: 'USD',
      snapshot: SNAPSHOT,
    }));
    const row = (await screen.findByRole('link', { name: 'Payments' })).closest(
      'tr',
    )!;
    fireEvent.click(within(row).getAllByRole('button')[0]);
    const checks = await screen.findByRole('table', {
      name: 'checks of group:default/payments',
    });
    const coverage = within(checks)
      .getByText('Input coverage')
      .closest('tr')!;
    expect(
      within(coverage).getByText('6 of 7 workloads with known inputs'),
    ).toBeInTheDocument();
    expect(within(coverage).getByText('86')).toBeInTheDocument();
    // Weight 2 of the 4 whose checks apply (open suggestions has nothing to measure).
    const efficiency = within(checks)
      .getByText('Cost efficiency')
      .closest('tr')!;
    expect(within(efficiency).getByText('2 (50 %)')).toBeInTheDocument();
    const open = within(checks).getByText('Open suggestions').closest('tr')!;
    expect(within(open).getByText('—')).toBeInTheDocument();
  });

  it('shows errors and the empty state', async () => {
    await renderTable(() =>
      Promise.reject(new Error('scorecards unavailable')),
    );
    expect(
      (await screen.findAllByText(/scorecards unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('says when there are no scorecards yet', async () => {
    await renderTable(async () => ({
      items: [],
      weights: WEIGHTS,
      currency: 'USD',
      snapshot: SNAPSHOT,
    }));
    expect(
      await screen.findByText('No team scorecards yet'),
    ).toBeInTheDocument();
  });
});
