import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  ComponentsResponse,
  ComponentSummary,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { ArchTradeoffsApi, archTradeoffsApiRef } from '../../api/ArchTradeoffsApi';
import { OrgMap } from './OrgMap';

function summary(
  name: string,
  fields: Partial<ComponentSummary> & Pick<ComponentSummary, 'owner'>,
): ComponentSummary {
  return {
    entityRef: `component:default/${name}`,
    name,
    executionModel: 'always-on',
    platform: 'kubernetes',
    monthlyCost: 100,
    bestMonthlyCost: 100,
    diagnosticCount: 0,
    suggestion: null,
    ...fields,
  };
}

const items: ComponentSummary[] = [
  summary('cart-service', {
    title: 'Shopping cart',
    owner: 'group:default/checkout-team',
    system: 'system:default/orders',
    domain: 'domain:default/commerce',
    platform: 'aws-fargate',
    monthlyCost: 1200,
    suggestion: {
      id: 's-cart',
      title: 'Idle most of the day',
      targetPlatform: 'aws-lambda',
      savings: 800,
    },
  }),
  summary('payment-gateway', {
    owner: 'group:default/payments-team',
    system: 'system:default/payments',
    domain: 'domain:default/commerce',
    monthlyCost: 3000,
  }),
  summary('webhook-fn', {
    owner: 'group:default/checkout-team',
    system: 'system:default/orders',
    domain: 'domain:default/commerce',
    executionModel: 'on-demand',
    platform: 'aws-lambda',
    monthlyCost: 12.5,
  }),
  summary('report-builder', {
    owner: 'group:default/data-team',
    system: 'system:default/analytics',
    domain: 'domain:default/insights',
    executionModel: 'on-demand',
    platform: 'gcp-cloud-functions',
    monthlyCost: 40,
  }),
  summary('design-system', {
    owner: 'group:default/web-team',
    executionModel: null,
    platform: null,
    monthlyCost: null,
    bestMonthlyCost: null,
  }),
];

const response = (list: ComponentSummary[]): ComponentsResponse<ComponentSummary> => ({
  items: list,
  totalCount: list.length,
  offset: 0,
  limit: list.length,
  currency: 'USD',
  snapshot: {
    id: 7,
    createdAt: new Date(Date.now() - 180 * 1000).toISOString(),
    partial: false,
    componentCount: list.length,
    durationMs: 900,
  },
});

function fakeApi(getComponentSummaries: ArchTradeoffsApi['getComponentSummaries']) {
  return { getComponentSummaries } as Partial<ArchTradeoffsApi> as ArchTradeoffsApi;
}

/** The list view by default: most tests read its headings; the treemap has its own below. */
async function renderMap(api: ArchTradeoffsApi, path = '/?view=list') {
  return renderInTestApp(
    <TestApiProvider apis={[[archTradeoffsApiRef, api]]}>
      <Routes>
        <Route path="/" element={<OrgMap />} />
        <Route path="/catalog/:namespace/:kind/:name" element={<h1>Entity page</h1>} />
      </Routes>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [path],
    },
  );
}

const tileNames = () => screen.getAllByTestId('map-tile').map(t => t.getAttribute('aria-label'));
const headings = (level: number) =>
  screen.getAllByRole('heading', { level }).map(h => h.textContent);

describe('OrgMap as a list', () => {
  it('draws a tile per component, grouped by domain and system, with totals and the snapshot age', async () => {
    const getComponentSummaries = jest.fn(async () => response(items));
    await renderMap(fakeApi(getComponentSummaries));

    expect(await screen.findAllByTestId('map-tile')).toHaveLength(5);
    expect(getComponentSummaries).toHaveBeenCalledTimes(1);
    // Domains by cost, the component-less bucket last; systems nested below.
    expect(headings(3)).toEqual(['commerce', 'insights', 'No domain']);
    expect(headings(4)).toEqual(['payments', 'orders', 'analytics', 'No system']);
    const commerce = screen.getByRole('heading', { level: 3, name: 'commerce' }).parentElement!;
    expect(within(commerce).getByText(/3 components · \$4,213/)).toBeInTheDocument();
    expect(screen.getByText(/5 components · \$4,253 \/ month/)).toBeInTheDocument();
    expect(screen.getByText('Figures from the refresh 3 min ago')).toBeInTheDocument();
  });

  it('colours by execution model and sizes by cost', async () => {
    await renderMap(fakeApi(async () => response(items)));
    const tile = async (name: string) => screen.findByRole('link', { name });
    const payment = await tile('payment-gateway');
    const webhook = await tile('webhook-fn');
    const design = await tile('design-system');
    expect(payment).toHaveStyle({ backgroundColor: '#1565c0', width: '64px' });
    expect(webhook).toHaveStyle({ backgroundColor: '#ef6c00' });
    expect(design).toHaveStyle({ backgroundColor: '#9e9e9e', width: '14px' });
    expect(parseInt(webhook.style.width, 10)).toBeLessThan(parseInt(payment.style.width, 10));
    expect(parseInt(webhook.style.width, 10)).toBeGreaterThan(14);
  });

  it('switches the grouping to owning teams', async () => {
    await renderMap(fakeApi(async () => response(items)));
    await screen.findAllByTestId('map-tile');
    await userEvent.click(screen.getByRole('button', { name: 'Team' }));
    await waitFor(() =>
      expect(headings(3)).toEqual(['payments-team', 'checkout-team', 'data-team', 'web-team']),
    );
    expect(screen.queryAllByRole('heading', { level: 4 })).toHaveLength(0);
    const checkout = screen.getByRole('heading', { level: 3, name: 'checkout-team' }).closest('section')!;
    expect(within(checkout).getAllByTestId('map-tile').map(t => t.getAttribute('aria-label'))).toEqual([
      'cart-service',
      'webhook-fn',
    ]);
  });

  it('narrows the tiles with the filters and the search box', async () => {
    await renderMap(fakeApi(async () => response(items)));
    await screen.findAllByTestId('map-tile');

    await userEvent.selectOptions(screen.getByLabelText('Execution model'), 'on-demand');
    // Groups re-rank on what is left: insights ($40) now outweighs commerce ($12.50).
    await waitFor(() => expect(tileNames()).toEqual(['report-builder', 'webhook-fn']));
    expect(screen.getByText(/2 of 5 components/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Execution model'), '');
    await userEvent.selectOptions(screen.getByLabelText('Owner'), 'group:default/checkout-team');
    await waitFor(() => expect(tileNames()).toEqual(['cart-service', 'webhook-fn']));

    await userEvent.click(screen.getByLabelText('Has a suggestion'));
    await waitFor(() => expect(tileNames()).toEqual(['cart-service']));

    await userEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]);
    await waitFor(() => expect(tileNames()).toHaveLength(5));

    // Search matches the title as well as the name.
    await userEvent.type(screen.getByLabelText('Search'), 'cart');
    await waitFor(() => expect(tileNames()).toEqual(['cart-service']));
    await userEvent.clear(screen.getByLabelText('Search'));
    await userEvent.type(screen.getByLabelText('Search'), 'shopping');
    await waitFor(() => expect(tileNames()).toEqual(['cart-service']));
    await userEvent.type(screen.getByLabelText('Search'), 'xyz');
    expect(await screen.findByText('No component matches these filters.')).toBeInTheDocument();
  });

  it('narrows the tiles to measured or estimated traffic; components that are no workload are neither', async () => {
    // cart-service and payment-gateway measured; design-system is no workload, so neither.
    const flags: Record<string, Partial<ComponentSummary>> = {
      'cart-service': { measured: true },
      'payment-gateway': { measured: true },
      'design-system': { notApplicable: true },
    };
    const measured = items.map(c => ({ ...c, ...flags[c.name] }));
    await renderMap(fakeApi(async () => response(measured)));
    await screen.findAllByTestId('map-tile');
    const inputs = screen.getByLabelText('Inputs') as HTMLSelectElement;
    expect([...inputs.options].map(o => o.textContent)).toEqual(['All', 'Measured', 'Estimated']);

    await userEvent.selectOptions(inputs, 'measured');
    await waitFor(() => expect(tileNames()).toEqual(['payment-gateway', 'cart-service']));
    await userEvent.selectOptions(inputs, 'estimated');
    await waitFor(() => expect(tileNames()).toEqual(['report-builder', 'webhook-fn']));
    fireEvent.mouseOver(screen.getByRole('link', { name: 'webhook-fn' }));
    expect(screen.getByRole('tooltip')).not.toHaveTextContent('Traffic measured');
  });

  it('reads the Inputs filter from the URL, and offers it only once something was measured', async () => {
    const measured = items.map(c => (c.name === 'webhook-fn' ? { ...c, measured: true as const } : c));
    const first = await renderMap(fakeApi(async () => response(measured)), '/?view=list&input=measured');
    await waitFor(() => expect(tileNames()).toEqual(['webhook-fn']));
    expect((screen.getByLabelText('Inputs') as HTMLSelectElement).value).toBe('measured');
    fireEvent.mouseOver(screen.getByRole('link', { name: 'webhook-fn' }));
    expect(screen.getByRole('tooltip')).toHaveTextContent('Traffic measured');
    first.unmount();

    await renderMap(fakeApi(async () => response(items)));
    await screen.findAllByTestId('map-tile');
    expect(screen.queryByLabelText('Inputs')).not.toBeInTheDocument();
  });

  it('offers only filter options that occur in the data, and reads filters from the URL', async () => {
    await renderMap(fakeApi(async () => response(items)), '/?view=list&platform=aws-lambda');
    await waitFor(() => expect(tileNames()).toEqual(['webhook-fn']));
    const platform = screen.getByLabelText('Platform') as HTMLSelectElement;
    expect(platform.value).toBe('aws-lambda');
    expect([...platform.options].map(o => o.textContent)).toEqual([
      'All',
      'AWS Fargate',
      'AWS Lambda',
      'Cloud Run functions',
      'Kubernetes (EKS)',
    ]);
  });

  it('links each tile to its catalog page and shows details on hover', async () => {
    await renderMap(fakeApi(async () => response(items)));
    const cart = await screen.findByRole('link', { name: 'cart-service' });
    expect(cart).toHaveAttribute('href', '/catalog/default/component/cart-service');

    fireEvent.mouseOver(cart);
    const details = await screen.findByRole('tooltip');
    expect(details).toHaveTextContent('Shopping cart');
    expect(details).toHaveTextContent('Always-on on AWS Fargate');
    expect(details).toHaveTextContent('$1,200 / month');
    expect(details).toHaveTextContent('move to AWS Lambda, saves about $800 / month');

    fireEvent.mouseOver(screen.getByRole('link', { name: 'design-system' }));
    expect(screen.getByRole('tooltip')).toHaveTextContent('Not assessed');

    await userEvent.click(cart);
    expect(await screen.findByRole('heading', { name: 'Entity page' })).toBeInTheDocument();
  });

  it('draws 5,000 components', async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      summary(`svc-${i}`, {
        owner: `group:default/team-${i % 50}`,
        system: `system:default/sys-${i % 300}`,
        domain: `domain:default/dom-${i % 10}`,
        monthlyCost: i % 5 === 0 ? null : i,
      }),
    );
    const { container } = await renderMap(fakeApi(async () => response(many)));
    expect(await screen.findAllByTestId('map-tile')).toHaveLength(5000);
    // Selectors, not role queries: jsdom's accessibility tree is slow over 5,000 links.
    expect(container.querySelectorAll('h4')).toHaveLength(300);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'svc-4999' } });
    await waitFor(() => expect(tileNames()).toEqual(['svc-4999']));
  }, 30_000);

  it('draws the treemap by default, and switches to the list and back', async () => {
    await renderMap(fakeApi(async () => response(items)), '/');
    expect(await screen.findByTestId('treemap')).toBeInTheDocument();
    expect(tileNames().sort()).toEqual([
      'cart-service',
      'design-system',
      'payment-gateway',
      'report-builder',
      'webhook-fn',
    ]);
    expect(screen.queryAllByRole('heading', { level: 3 })).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'List' }));
    await waitFor(() => expect(headings(3)).toEqual(['commerce', 'insights', 'No domain']));
    expect(screen.queryByTestId('treemap')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Treemap' }));
    expect(await screen.findByTestId('treemap')).toBeInTheDocument();
  });

  it('shows progress, then the error from the backend', async () => {
    let fail: (e: Error) => void = () => {};
    await renderMap(fakeApi(() => new Promise((_, reject) => (fail = reject))));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    fail(new Error('Request failed with 503, catalog is starting'));
    expect((await screen.findAllByText(/catalog is starting/)).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });

  it('explains how to get components onto an empty map', async () => {
    await renderMap(fakeApi(async () => response([])));
    expect(await screen.findByText('No components to map')).toBeInTheDocument();
    expect(screen.getByText(/arch-tradeoffs.io\/execution-model/)).toBeInTheDocument();
  });
});

describe('OrgMap as a treemap', () => {
  const groupLabels = () =>
    screen.getAllByTestId('map-group').map(g => g.getAttribute('aria-label')!.replace(/^Zoom into ([^:]+):.*$/, '$1'));

  it('nests domains and systems, colours by model and marks suggestions', async () => {
    await renderMap(fakeApi(async () => response(items)), '/');
    await screen.findByTestId('treemap');
    expect(groupLabels()).toEqual(expect.arrayContaining(['commerce', 'payments', 'orders', 'No domain']));
    expect(screen.getAllByTestId('map-group')).toHaveLength(7); // 3 domains, 4 systems
    const rectOf = (ref: string) =>
      document.querySelector(`a[data-ref="component:default/${ref}"] rect`)!;
    expect(rectOf('payment-gateway')).toHaveAttribute('fill', '#1565c0');
    expect(rectOf('webhook-fn')).toHaveAttribute('fill', '#ef6c00');
    expect(rectOf('design-system')).toHaveAttribute('fill', '#9e9e9e');
    const area = (ref: string) =>
      Number(rectOf(ref).getAttribute('width')) * Number(rectOf(ref).getAttribute('height'));
    expect(area('payment-gateway')).toBeGreaterThan(area('cart-service'));
    expect(area('cart-service')).toBeGreaterThan(area('webhook-fn'));
    expect(screen.getAllByTestId('map-suggestion')).toHaveLength(1);
    expect(screen.getByText('All domains')).toBeInTheDocument();
  });

  it('zooms into a group and back up with the breadcrumbs, keeping the zoom in the URL', async () => {
    await renderMap(fakeApi(async () => response(items)), '/');
    await screen.findByTestId('treemap');
    await userEvent.click(screen.getByRole('button', { name: /^Zoom into commerce:/ }));
    await waitFor(() =>
      expect(tileNames().sort()).toEqual(['cart-service', 'payment-gateway', 'webhook-fn']),
    );
    const crumbs = screen.getByRole('navigation', { name: 'Treemap zoom' });
    expect(within(crumbs).getByText('commerce')).toHaveAttribute('aria-current', 'location');

    await userEvent.click(screen.getByRole('button', { name: /^Zoom into orders:/ }));
    await waitFor(() => expect(tileNames().sort()).toEqual(['cart-service', 'webhook-fn']));

    await userEvent.click(within(crumbs).getByRole('button', { name: 'All domains' }));
    await waitFor(() => expect(tileNames()).toHaveLength(5));
  });

  it('opens a zoom from the URL, and filters narrow the treemap', async () => {
    await renderMap(
      fakeApi(async () => response(items)),
      '/?zoom=domain:default/commerce&model=on-demand',
    );
    await waitFor(() => expect(tileNames()).toEqual(['webhook-fn']));
    expect(screen.getByText(/2 of 5 components/)).toBeInTheDocument();
  });

  it('shows details on hover and opens the entity page on click', async () => {
    await renderMap(fakeApi(async () => response(items)), '/');
    await screen.findByTestId('treemap');
    const cart = document.querySelector('a[data-ref="component:default/cart-service"]')!;
    expect(cart).toHaveAttribute('href', '/catalog/default/component/cart-service');
    fireEvent.mouseOver(cart.querySelector('rect')!);
    const details = await screen.findByRole('tooltip');
    expect(details).toHaveTextContent('Shopping cart');
    expect(details).toHaveTextContent('move to AWS Lambda, saves about $800 / month');
    await userEvent.click(cart.querySelector('rect')!);
    expect(await screen.findByRole('heading', { name: 'Entity page' })).toBeInTheDocument();
  });
});
