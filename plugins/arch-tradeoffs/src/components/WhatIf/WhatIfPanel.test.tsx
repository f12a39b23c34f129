import { fireEvent, screen, within } from '@testing-library/react';
import {
  ANNOTATIONS,
  PLATFORM_LABELS,
  type Assessment,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { formatCost } from '../../lib/format';
import {
  componentEntity,
  fakeApi,
  HOT_LAMBDA,
  mockResizeObserver,
  realAssessment,
  renderWithEntity,
} from '../EntityAssessment/__testUtils__/fixtures';
import { WhatIfPanel } from './WhatIfPanel';

beforeAll(mockResizeObserver);

async function renderPanel(
  config: Parameters<typeof renderWithEntity>[1]['config'] = {},
) {
  return renderWithEntity(
    <WhatIfPanel
      entityRef="component:default/payment-status-service"
      annotations={HOT_LAMBDA}
    />,
    {
      entity: componentEntity('payment-status-service', HOT_LAMBDA),
      api: fakeApi({}),
      config,
    },
  );
}

const whatIfCost = () => screen.getByLabelText('What-if cost on AWS Lambda');

describe('WhatIfPanel', () => {
  it('recomputes the cost with the engine when traffic changes', async () => {
    await renderPanel();
    const today = realAssessment('payment-status-service', HOT_LAMBDA);
    expect(whatIfCost()).toHaveTextContent(
      formatCost(today.monthlyCost.expected, 'USD'),
    );

    fireEvent.change(screen.getByLabelText('Monthly requests'), {
      target: { value: '30000000' },
    });

    // A tenth of the traffic: the peak scales with it (150 → 15 req/s), as the panel documents.
    const expected = realAssessment('payment-status-service', {
      ...HOT_LAMBDA,
      [ANNOTATIONS.monthlyRequests]: '30000000',
      [ANNOTATIONS.peakRps]: '15',
    });
    expect(expected.monthlyCost.expected).not.toBeCloseTo(
      today.monthlyCost.expected,
      0,
    );
    expect(whatIfCost()).toHaveTextContent(
      formatCost(expected.monthlyCost.expected, 'USD'),
    );
    expect(screen.getByLabelText('What-if break-even')).toHaveTextContent(
      expected.breakEven.message,
    );
    // The chart renders both curves' legend entries.
    expect(document.querySelector('.recharts-wrapper')).not.toBeNull();
    expect(
      within(
        document.querySelector('.recharts-legend-wrapper') as HTMLElement,
      ).getByText('AWS Lambda'),
    ).toBeInTheDocument();
  });

  it('starts from the platform other plugins’ annotations imply, as the backend does', async () => {
    const kubernetes = { 'backstage.io/kubernetes-id': 'orders' };
    await renderWithEntity(
      <WhatIfPanel entityRef="component:default/orders" annotations={kubernetes} />,
      { entity: componentEntity('orders', kubernetes), api: fakeApi({}) },
    );
    expect(screen.getByLabelText(`What-if cost on ${PLATFORM_LABELS.kubernetes}`)).toBeInTheDocument();
    expect(screen.queryByText(/needs an assessable component/)).not.toBeInTheDocument();
  });

  it('names the best alternative with its model and range', async () => {
    await renderPanel();
    // From the assessment's JSON (plain data, as the backend sends it): the cheapest feasible one.
    const today = JSON.parse(
      JSON.stringify(realAssessment('payment-status-service', HOT_LAMBDA)),
    ) as Assessment;
    const best = today.alternatives
      .filter(a => a.feasible && a.monthlyCost)
      .sort((a, b) => a.monthlyCost!.expected - b.monthlyCost!.expected)[0];
    expect(screen.getByLabelText('Best alternative cost')).toHaveTextContent(
      formatCost(best.monthlyCost!.expected, 'USD'),
    );
    expect(
      screen.getByText(
        `${PLATFORM_LABELS[best.platform]} (${best.executionModel}), range`,
        { exact: false },
      ),
    ).toBeInTheDocument();
  });

  it('recomputes when memory and duration change', async () => {
    await renderPanel();
    fireEvent.change(screen.getByLabelText('Memory (MB)'), {
      target: { value: '2048' },
    });
    fireEvent.change(screen.getByLabelText('Average duration (ms)'), {
      target: { value: '60' },
    });
    const expected = realAssessment('payment-status-service', {
      ...HOT_LAMBDA,
      [ANNOTATIONS.memoryMb]: '2048',
      [ANNOTATIONS.avgDurationMs]: '60',
    });
    expect(whatIfCost()).toHaveTextContent(
      formatCost(expected.monthlyCost.expected, 'USD'),
    );
  });

  it('prices with the configured discount, as the backend does', async () => {
    await renderPanel({ archTradeoffs: { pricing: { discountPercent: 20 } } });
    const discounted = realAssessment('payment-status-service', HOT_LAMBDA, {
      pricing: { discountPercent: 20 },
    });
    const listPrice = realAssessment('payment-status-service', HOT_LAMBDA);
    expect(discounted.monthlyCost.expected).toBeLessThan(
      listPrice.monthlyCost.expected,
    );
    expect(whatIfCost()).toHaveTextContent(
      formatCost(discounted.monthlyCost.expected, 'USD'),
    );
  });

  it('ignores an invalid number instead of recomputing with it', async () => {
    await renderPanel();
    const before = whatIfCost().textContent;
    fireEvent.change(screen.getByLabelText('Monthly requests'), {
      target: { value: '-5' },
    });
    expect(screen.getByText('Enter a positive number')).toBeInTheDocument();
    expect(whatIfCost().textContent).toBe(before);
  });
});
