import { screen, within } from '@testing-library/react';
import { formatCost } from '../../lib/format';
import { EntityArchTradeoffsContent } from './EntityArchTradeoffsContent';
import {
  componentEntity,
  componentResponse,
  fakeApi,
  HOT_LAMBDA,
  mockResizeObserver,
  renderWithEntity,
} from './__testUtils__/fixtures';

beforeAll(mockResizeObserver);

describe('EntityArchTradeoffsContent', () => {
  it('shows the breakdown arithmetic, alternatives, posture, assumptions and the what-if', async () => {
    const response = componentResponse('payment-status-service', HOT_LAMBDA);
    const assessment = response.component.assessment!;
    response.decision = {
      suggestionId: assessment.suggestion!.id,
      decision: 'snoozed',
      snoozeUntil: '2027-01-15T00:00:00Z',
      decidedBy: 'user:default/jane',
      decidedAt: '2026-11-20T09:00:00Z',
      reason: 'after the holiday freeze',
    };
    await renderWithEntity(<EntityArchTradeoffsContent />, {
      entity: componentEntity('payment-status-service', HOT_LAMBDA),
      api: fakeApi({ getComponent: async () => response }),
    });

    // Every line item with its arithmetic.
    expect(await screen.findByText('Cost breakdown')).toBeInTheDocument();
    for (const item of assessment.monthlyCost.breakdown) {
      expect(screen.getByText(item.detail)).toBeInTheDocument();
    }
    // Alternatives: a feasible one with its cost, an infeasible one with the reason.
    const fargate = assessment.alternatives.find(
      a => a.platform === 'aws-fargate',
    )!;
    const fargateRow = screen
      .getAllByRole('row')
      .find(row => within(row).queryByText('AWS Fargate'))!;
    expect(
      within(fargateRow).getByText(
        formatCost(fargate.monthlyCost!.expected, 'USD'),
      ),
    ).toBeInTheDocument();
    const workers = assessment.alternatives.find(
      a => a.platform === 'cloudflare-workers',
    )!;
    expect(workers.feasible).toBe(false);
    expect(screen.getByText(workers.infeasible[0])).toBeInTheDocument();
    // Posture facts and the decision.
    const coldStartRow = screen.getByText('Cold start vs SLO').closest('tr')!;
    expect(
      within(coldStartRow).getByText(assessment.posture.coldStart.message),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Snoozed by user:default\/jane/),
    ).toBeInTheDocument();
    expect(screen.getByText(assessment.suggestion!.title)).toBeInTheDocument();
    // The what-if starts at today's figures: same engine, same prices.
    expect(
      screen.getByLabelText('What-if cost on AWS Lambda'),
    ).toHaveTextContent(formatCost(assessment.monthlyCost.expected, 'USD'));
  });
});
