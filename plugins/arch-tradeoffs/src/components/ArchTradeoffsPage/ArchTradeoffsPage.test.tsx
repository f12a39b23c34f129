import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATIONS,
  ComponentRecord,
  ComponentsResponse,
  ComponentSummary,
  parseArchAnnotations,
  SnapshotInfo,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { ArchTradeoffsApi, archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { ArchTradeoffsContent, ArchTradeoffsPage } from './ArchTradeoffsPage';

/** Records built with the real parser, as the backend builds them. */
function record(name: string, annotations: Record<string, string>): ComponentRecord {
  const parsed = parseArchAnnotations(annotations);
  return {
    entityRef: `component:default/${name}`,
    namespace: 'default',
    name,
    owner: 'group:default/checkout',
    system: 'system:default/orders',
    assessable: parsed.assessable,
    ...(parsed.settings ? { settings: parsed.settings } : {}),
    stated: parsed.stated,
    measured: parsed.measured,
    assumptions: parsed.assumptions,
    diagnostics: parsed.diagnostics,
  };
}

const items = [
  record('cart-service', { [ANNOTATIONS.platform]: 'aws-fargate' }),
  record('webhook-fn', { [ANNOTATIONS.platform]: 'aws-lambda' }),
  record('design-system', {}),
  record('gift-card-service', {
    [ANNOTATIONS.executionModel]: 'on-demand',
    [ANNOTATIONS.platform]: 'aws-ec2',
  }),
];

const snapshot: SnapshotInfo = {
  id: 1,
  createdAt: new Date(Date.now() - 42 * 60 * 1000).toISOString(),
  partial: false,
  componentCount: 4,
  durationMs: 500,
};

function paged<T>(list: T[], totalCount = list.length): ComponentsResponse<T> {
  return { items: list, totalCount, offset: 0, limit: 100, currency: 'USD', snapshot };
}

const summaries: ComponentSummary[] = items.map(r => ({
  entityRef: r.entityRef,
  name: r.name,
  owner: r.owner,
  system: r.system,
  executionModel: r.settings?.executionModel ?? null,
  platform: r.settings?.platform ?? null,
  monthlyCost: r.settings ? 100 : null,
  bestMonthlyCost: r.settings ? 100 : null,
  diagnosticCount: r.diagnostics.length,
  suggestion: null,
}));

/** Each tab loads its own data; a tab that is not shown must not fetch. */
function fakeApi(overrides: Partial<ArchTradeoffsApi> = {}) {
  return {
    getComponents: jest.fn(async () => paged(items)),
    getComponentSummaries: jest.fn(async () => paged(summaries)),
    getSuggestions: jest.fn(async () => ({
      items: [],
      totalCount: 0,
      openSavings: 0,
      currency: 'USD',
      snapshot,
    })),
    getScorecards: jest.fn(async () => ({
      items: [],
      weights: {
        'input-coverage': 1,
        'cost-efficiency': 1,
        'posture-risks': 1,
        'open-suggestions': 1,
      },
      currency: 'USD',
      snapshot,
    })),
    ...overrides,
  };
}

async function renderPage(
  api: Partial<ArchTradeoffsApi>,
  path = '/',
  page: JSX.Element = <ArchTradeoffsPage />,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[archTradeoffsApiRef, api as ArchTradeoffsApi]]}>{page}</TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [path],
    },
  );
}

describe('ArchTradeoffsPage', () => {
  it('opens on the map and loads nothing for the other tabs', async () => {
    const api = fakeApi();
    await renderPage(api);
    expect(screen.getByRole('heading', { name: 'Architecture trade-offs' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Map' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findAllByTestId('map-tile')).toHaveLength(4);
    expect(api.getComponents).not.toHaveBeenCalled();
    expect(api.getSuggestions).not.toHaveBeenCalled();
    expect(api.getScorecards).not.toHaveBeenCalled();
  });

  it('switches tabs: scorecards, planner, components', async () => {
    const api = fakeApi();
    await renderPage(api);
    await screen.findAllByTestId('map-tile');

    await userEvent.click(screen.getByRole('tab', { name: 'Scorecards' }));
    expect(await screen.findByText('No team scorecards yet')).toBeInTheDocument();
    expect(screen.queryByTestId('map-tile')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Migration planner' }));
    expect(await screen.findByText('No migration suggestions')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Components' }));
    expect(await screen.findByText('Components (4)')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Components' })).toHaveAttribute('aria-selected', 'true');
  });

  it('opens the tab named in the URL', async () => {
    const api = fakeApi();
    await renderPage(api, '/?tab=planner');
    expect(screen.getByRole('tab', { name: 'Migration planner' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await screen.findByText('No migration suggestions')).toBeInTheDocument();
    expect(api.getComponentSummaries).not.toHaveBeenCalled();
  });

  it('renders the content without a header for the new frontend system', async () => {
    await renderPage(fakeApi(), '/', <ArchTradeoffsContent />);
    expect(await screen.findAllByTestId('map-tile')).toHaveLength(4);
    expect(screen.queryByRole('heading', { name: 'Architecture trade-offs' })).not.toBeInTheDocument();
  });

  it('lists components with model, platform, owner and diagnostics', async () => {
    const api = fakeApi();
    await renderPage(api, '/?tab=components');
    // Records without assessments: the table shows what the annotations say.
    expect(api.getComponents).toHaveBeenCalledWith({ view: 'annotations' });
    expect(await screen.findByText('Components (4)')).toBeInTheDocument();
    expect(screen.getByText('Figures from the refresh 42 min ago')).toBeInTheDocument();
    const row = (name: string) => screen.getByText(name).closest('tr')!;
    expect(within(row('cart-service')).getByText('Always-on')).toBeInTheDocument();
    expect(within(row('cart-service')).getByText('AWS Fargate')).toBeInTheDocument();
    expect(within(row('webhook-fn')).getByText('On-demand')).toBeInTheDocument();
    expect(within(row('design-system')).getByText('Not annotated')).toBeInTheDocument();
    // The contradiction is shown with the key it concerns.
    const giftCard = within(row('gift-card-service'));
    expect(giftCard.getByText('execution-model')).toBeInTheDocument();
    expect(giftCard.getByText(/contradicts platform aws-ec2/)).toBeInTheDocument();
    expect(giftCard.getByText('Always-on')).toBeInTheDocument();
    // Links lead to the catalog's entity pages.
    expect(screen.getByRole('link', { name: 'cart-service' })).toHaveAttribute(
      'href',
      '/catalog/default/component/cart-service',
    );
  });

  it('asks the backend for measured or estimated components with the Inputs filter', async () => {
    const measuredRecord: ComponentRecord = {
      ...record('checkout-api', { [ANNOTATIONS.platform]: 'kubernetes' }),
      usage: {
        status: 'measured',
        measurement: {
          source: 'prometheus',
          selector: 'job="checkout-api"',
          measuredAt: snapshot.createdAt,
          windowDays: 30,
          from: '2026-10-23T00:00:00Z',
          to: '2026-11-22T00:00:00Z',
          figures: { monthlyRequests: { value: 61_000_000, metric: 'http_requests_total' } },
        },
      },
    };
    const getComponents = jest.fn(async (query: { input?: string } = {}) =>
      paged(query.input === 'measured' ? [measuredRecord] : items),
    );
    await renderPage(fakeApi({ getComponents }), '/?tab=components');
    expect(await screen.findByText('Components (4)')).toBeInTheDocument();
    const row = (name: string) => screen.getByText(name).closest('tr')!;
    expect(within(row('cart-service')).getByText('Estimated')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Inputs'), 'measured');
    expect(await screen.findByText('Components (1)')).toBeInTheDocument();
    expect(getComponents).toHaveBeenLastCalledWith({ view: 'annotations', input: 'measured' });
    expect(within(row('checkout-api')).getByText('Measured')).toBeInTheDocument();

    // The filter that matches nothing says so, and stays to be changed back.
    getComponents.mockImplementation(async () => paged([]));
    await userEvent.selectOptions(screen.getByLabelText('Inputs'), 'estimated');
    expect(await screen.findByText('Every workload has measured traffic')).toBeInTheDocument();
    expect(getComponents).toHaveBeenLastCalledWith({ view: 'annotations', input: 'estimated' });
    expect(screen.getByLabelText('Inputs')).toBeInTheDocument();
  });

  it('reads the Inputs filter from the URL, as the map does', async () => {
    const getComponents = jest.fn(async () => paged(items.slice(0, 1)));
    await renderPage(fakeApi({ getComponents }), '/?tab=components&input=estimated');
    expect(await screen.findByText('Components (1)')).toBeInTheDocument();
    expect(getComponents).toHaveBeenCalledWith({ view: 'annotations', input: 'estimated' });
    expect((screen.getByLabelText('Inputs') as HTMLSelectElement).value).toBe('estimated');
  });

  it('pages through the backend when the catalog is larger than a page', async () => {
    // 120 components behind a backend that serves 100 at most, as GET /v1/components does.
    const many = Array.from({ length: 120 }, (_, i) =>
      record(`service-${String(i).padStart(3, '0')}`, { [ANNOTATIONS.platform]: 'aws-lambda' }),
    );
    const getComponents = jest.fn(async (query: { offset?: number; limit?: number } = {}) => {
      const offset = query.offset ?? 0;
      return paged(many.slice(offset, offset + (query.limit ?? 100)), many.length);
    });
    await renderPage(fakeApi({ getComponents }), '/?tab=components');
    expect(await screen.findByText('Components (120)')).toBeInTheDocument();
    expect(screen.getByText(/120 components, a page at a time/)).toBeInTheDocument();
    expect(await screen.findByText('service-000')).toBeInTheDocument();
    expect(screen.getByText('service-049')).toBeInTheDocument();
    expect(screen.queryByText('service-050')).not.toBeInTheDocument();
    expect(getComponents).toHaveBeenLastCalledWith({ offset: 0, limit: 50, view: 'annotations' });

    await userEvent.click(screen.getAllByRole('button', { name: 'Next Page' })[0]);
    expect(await screen.findByText('service-050')).toBeInTheDocument();
    expect(screen.queryByText('service-000')).not.toBeInTheDocument();
    expect(getComponents).toHaveBeenLastCalledWith({ offset: 50, limit: 50, view: 'annotations' });
  }, 20_000); // two pages of 50 rendered rows: about 3 s alone, more on a busy CI machine

  it('shows the error from the backend', async () => {
    const error = new Error('Request failed with 503 Service Unavailable, catalog is starting');
    await renderPage(
      fakeApi({ getComponents: jest.fn(async () => Promise.reject(error)) }),
      '/?tab=components',
    );
    expect((await screen.findAllByText(/catalog is starting/)).length).toBeGreaterThan(0);
  });

  it('explains what to do when the catalog has no components', async () => {
    await renderPage(fakeApi({ getComponents: jest.fn(async () => paged([])) }), '/?tab=components');
    expect(await screen.findByText('No components in the catalog')).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    let resolve: (v: ComponentsResponse<ComponentRecord>) => void = () => {};
    await renderPage(
      fakeApi({ getComponents: jest.fn(() => new Promise(r => (resolve = r))) }),
      '/?tab=components',
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    resolve(paged(items));
    await waitFor(() => expect(screen.queryByTestId('progress')).not.toBeInTheDocument());
  });
});
