import { screen, waitFor, within } from '@testing-library/react';
import { formatCost, formatCostRange } from '../../lib/format';
import { EntityArchTradeoffsCard } from './EntityArchTradeoffsCard';
import {
  componentEntity,
  componentResponse,
  fakeApi,
  HOT_LAMBDA,
  MALFORMED,
  notFound,
  renderWithEntity,
} from './__testUtils__/fixtures';

describe('EntityArchTradeoffsCard', () => {
  it('shows the engine’s cost, range, suggestion, break-even and snapshot age', async () => {
    const response = componentResponse('payment-status-service', HOT_LAMBDA);
    const assessment = response.component.assessment!;
    const getComponent = jest.fn(async () => response);
    await renderWithEntity(<EntityArchTradeoffsCard />, {
      entity: componentEntity('payment-status-service', HOT_LAMBDA),
      api: fakeApi({ getComponent }),
    });

    const cost = assessment.monthlyCost;
    expect(
      await screen.findByLabelText('Expected monthly cost'),
    ).toHaveTextContent(formatCost(cost.expected, 'USD'));
    expect(
      screen.getByText(
        `range ${formatCostRange(cost.low, cost.high, 'USD')} a month`,
      ),
    ).toBeInTheDocument();
    expect(getComponent).toHaveBeenCalledWith(
      'component:default/payment-status-service',
    );
    expect(screen.getByText('On-demand')).toBeInTheDocument();
    expect(screen.getByText('AWS Lambda')).toBeInTheDocument();

    // The engine suggests a migration for this hot, I/O-bound function; the card shows it whole.
    const suggestion = assessment.suggestion!;
    expect(suggestion).not.toBeNull();
    const section = screen.getByRole('region', {
      name: 'migration suggestion',
    });
    expect(within(section).getByText(suggestion.title)).toBeInTheDocument();
    expect(
      within(section).getByText(`effort: ${suggestion.effort}`),
    ).toBeInTheDocument();
    expect(
      within(section).getByText(suggestion.reasons[0]),
    ).toBeInTheDocument();
    expect(
      within(section).getByText(
        new RegExp(
          `Saves about ${escape(formatCost(suggestion.monthlySavings.expected, 'USD'))}`,
        ),
      ),
    ).toBeInTheDocument();

    expect(screen.getByText(assessment.breakEven.message)).toBeInTheDocument();
    expect(screen.getByText('Figures from the refresh 12 min ago')).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Annotation problems' }),
    ).not.toBeInTheDocument();
  });

  it('shows the diagnostics of a malformed annotation', async () => {
    const response = componentResponse('loyalty-points-service', MALFORMED);
    await renderWithEntity(<EntityArchTradeoffsCard />, {
      entity: componentEntity('loyalty-points-service', MALFORMED),
      api: fakeApi({ getComponent: async () => response }),
    });
    const problems = await screen.findByRole('region', {
      name: 'Annotation problems',
    });
    expect(within(problems).getByText('monthly-requests')).toBeInTheDocument();
    expect(within(problems).getByText(/"lots"/)).toBeInTheDocument();
    expect(within(problems).getByTitle('error')).toBeInTheDocument();
    // The estimate is still there, on the defaulted volume.
    expect(screen.getByLabelText('Expected monthly cost')).toHaveTextContent(
      formatCost(response.component.assessment!.monthlyCost.expected, 'USD'),
    );
  });

  it('asks for the annotations when the backend finds nothing to assess', async () => {
    const bare = componentResponse('design-system', HOT_LAMBDA);
    const { assessment, settings, ...rest } = bare.component;
    const getComponent = jest.fn(async () => ({
      ...bare,
      component: { ...rest, assessable: false, stated: [], assumptions: [], diagnostics: [], assessment: null },
    }));
    await renderWithEntity(<EntityArchTradeoffsCard />, {
      entity: componentEntity('design-system', {}),
      api: fakeApi({ getComponent }),
    });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/arch-tradeoffs.io\/execution-model/).length,
    ).toBeGreaterThan(0);
    // The backend decides: other plugins' annotations can place a component without ours.
    expect(getComponent).toHaveBeenCalledWith('component:default/design-system');
  });

  it('says a library is not a deployed workload instead of asking for annotations', async () => {
    const response = componentResponse('ui-kit', HOT_LAMBDA);
    const library = {
      ...response,
      component: {
        ...response.component,
        assessable: false,
        notApplicable: 'a library is not deployed, so it has no running cost to weigh',
        assessment: null,
      },
    };
    await renderWithEntity(<EntityArchTradeoffsCard />, {
      entity: componentEntity('ui-kit', {}),
      api: fakeApi({ getComponent: async () => library }),
    });
    expect(await screen.findByText('Not a deployed workload')).toBeInTheDocument();
    expect(screen.getByText(/a library is not deployed/)).toBeInTheDocument();
    expect(screen.queryByText('Missing Annotation')).not.toBeInTheDocument();
  });

  it('says an annotated component not in the snapshot yet appears after the next refresh', async () => {
    await renderWithEntity(<EntityArchTradeoffsCard />, {
      entity: componentEntity('new-service', HOT_LAMBDA),
      api: fakeApi({ getComponent: () => Promise.reject(notFound()) }),
    });
    expect(await screen.findByText('Not in the latest snapshot yet')).toBeInTheDocument();
    expect(screen.getByText(/appears after the next scheduled refresh/)).toBeInTheDocument();
  });

  it('shows other errors in an error panel', async () => {
    await renderWithEntity(<EntityArchTradeoffsCard />, {
      entity: componentEntity('payment-status-service', HOT_LAMBDA),
      api: fakeApi({
        getComponent: () => Promise.reject(new Error('backend is starting up')),
      }),
    });
    expect(
      (await screen.findAllByText(/backend is starting up/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByText('Not in the latest snapshot yet'),
    ).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    let resolve: (value: any) => void = () => {};
    await renderWithEntity(<EntityArchTradeoffsCard />, {
      entity: componentEntity('payment-status-service', HOT_LAMBDA),
      api: fakeApi({ getComponent: () => new Promise(r => (resolve = r)) }),
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    resolve(componentResponse('payment-status-service', HOT_LAMBDA));
    await waitFor(() =>
      expect(screen.queryByTestId('progress')).not.toBeInTheDocument(),
    );
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
