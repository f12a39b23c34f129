import { screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATIONS,
  ComponentRecord,
  parseArchAnnotations,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { ArchTradeoffsApi, archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { ArchTradeoffsPage } from './ArchTradeoffsPage';

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

function apiReturning(getComponents: ArchTradeoffsApi['getComponents']): ArchTradeoffsApi {
  return { getComponents };
}

async function renderPage(api: ArchTradeoffsApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[archTradeoffsApiRef, api]]}>
      <ArchTradeoffsPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('ArchTradeoffsPage', () => {
  it('lists components with model, platform, owner and diagnostics', async () => {
    await renderPage(
      apiReturning(async () => ({ items, totalCount: items.length, generatedAt: '2026-11-23T00:00:00Z' })),
    );
    expect(await screen.findByText('Components (4)')).toBeInTheDocument();
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

  it('shows the error from the backend', async () => {
    const error = new Error('Request failed with 503 Service Unavailable, catalog is starting');
    await renderPage(apiReturning(async () => Promise.reject(error)));
    expect((await screen.findAllByText(/catalog is starting/)).length).toBeGreaterThan(0);
  });

  it('explains what to do when the catalog has no components', async () => {
    await renderPage(apiReturning(async () => ({ items: [], totalCount: 0, generatedAt: '2026-11-23T00:00:00Z' })));
    expect(await screen.findByText('No components in the catalog')).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    let resolve: (v: any) => void = () => {};
    await renderPage(apiReturning(() => new Promise(r => (resolve = r))));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    resolve({ items, totalCount: 4, generatedAt: '' });
    await waitFor(() => expect(screen.queryByTestId('progress')).not.toBeInTheDocument());
  });
});
