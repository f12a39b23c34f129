import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type {
  Decision,
  DecisionRequest,
  SuggestionRecord,
  SuggestionsResponse,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  ArchTradeoffsApi,
  archTradeoffsApiRef,
  SuggestionsQuery,
} from '../../api/ArchTradeoffsApi';
import { formatCost } from '../../lib/format';
import { MigrationPlanner } from './MigrationPlanner';
import { todayInput } from './suggestionStatus';

function record(
  name: string,
  savings: [number, number, number],
  fields: Partial<SuggestionRecord> = {},
): SuggestionRecord {
  const [low, expected, high] = savings;
  return {
    entityRef: `component:default/${name}`,
    owner: 'group:default/checkout-team',
    system: 'system:default/orders',
    currentPlatform: 'aws-fargate',
    currentModel: 'always-on',
    currentMonthlyCost: expected * 2,
    status: 'open',
    decision: null,
    suggestion: {
      id: `s-${name}`,
      rule: 'idle-always-on',
      title: 'Idle most of the day',
      targetModel: 'on-demand',
      targetPlatform: 'aws-lambda',
      monthlySavings: { low, expected, high, currency: 'USD' },
      confidence: 'medium',
      effort: 'low',
      risk: 'low',
      reasons: [
        `${name} runs 2 replicas at 3% utilisation`,
        'Traffic is 40x below break-even',
      ],
    },
    ...fields,
  };
}

const dismissed: Decision = {
  suggestionId: 's-legacy-batch',
  decision: 'dismissed',
  reason: 'Being decommissioned in Q1',
  decidedBy: 'user:default/alice',
  decidedAt: '2026-11-20T09:00:00Z',
};

// Deliberately out of order: the planner ranks them.
const items = [
  record('webhook-relay', [150, 200, 260]),
  record('cart-service', [1100, 1500, 1900], { title: 'Shopping cart' }),
  record('legacy-batch', [500, 700, 900], {
    status: 'dismissed',
    decision: dismissed,
  }),
  record('thumbnailer', [30, 40, 55], { owner: 'group:default/media-team' }),
];

const snapshot: SuggestionsResponse['snapshot'] = {
  id: 3,
  createdAt: new Date(Date.now() - 7200 * 1000).toISOString(),
  partial: false,
  componentCount: 40,
  durationMs: 1200,
};

const guestDecision = (id: string, request: DecisionRequest): Decision => ({
  suggestionId: id,
  ...request,
  decidedBy: 'user:default/guest',
  decidedAt: '2026-11-23T12:00:00Z',
});

const expected = (r: SuggestionRecord) => r.suggestion.monthlySavings.expected;
/** What the backend sums: open suggestions, those that cost more counting as 0. */
const openSavingsOf = (records: SuggestionRecord[]) =>
  records
    .filter(r => r.status === 'open')
    .reduce((n, r) => n + Math.max(0, expected(r)), 0);

/**
 * `GET /v1/suggestions` and decisions as the backend serves them: filtered by status, largest expected
 * saving first, paged, with the total count and open savings of every match; decisions are stored.
 */
function fakeBackend(initial: SuggestionRecord[]) {
  const stored = initial.map(r => ({ ...r }));
  return {
    getSuggestions: jest.fn(
      async (query: SuggestionsQuery = {}): Promise<SuggestionsResponse> => {
        const matches = stored
          .filter(r => !query.status || r.status === query.status)
          .sort((a, b) => expected(b) - expected(a));
        const offset = query.offset ?? 0;
        const end =
          query.limit === undefined ? undefined : offset + query.limit;
        return {
          items: matches.slice(offset, end),
          totalCount: matches.length,
          openSavings: openSavingsOf(matches),
          currency: 'USD',
          snapshot,
        };
      },
    ),
    decide: jest.fn(async (id: string, request: DecisionRequest) => {
      const decision = guestDecision(id, request);
      const i = stored.findIndex(r => r.suggestion.id === id);
      stored[i] = { ...stored[i], status: decision.decision, decision };
      return decision;
    }),
  };
}

/**
 * Renders the planner, with a user-event instance of its own. The render is awaited: renderInTestApp
 * renders inside an async act() that stays open until the first load settles, and a query started
 * before then polls with the act environment off while the load's updates land in that act scope.
 */
async function setup(
  overrides: Partial<ArchTradeoffsApi> = {},
  records = items,
) {
  const api = {
    ...fakeBackend(records),
    downloadCsv: jest.fn(
      async () => new Blob(['component,savings\n'], { type: 'text/csv' }),
    ),
    ...overrides,
  };
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          archTradeoffsApiRef,
          api as Partial<ArchTradeoffsApi> as ArchTradeoffsApi,
        ],
        [alertApiRef, alertApi],
      ]}
    >
      <MigrationPlanner />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { api, alertApi, rendered, user: userEvent.setup() };
}

/** First cell of each body row: the component column, in display order. */
async function componentColumn() {
  await screen.findByText(/^Migration suggestions/);
  // `hidden: true` skips the visibility check, which is most of a query's time on 25 rows.
  return screen
    .getAllByRole('row', { hidden: true })
    .map(row => within(row).queryAllByRole('cell', { hidden: true }))
    .filter(cells => cells.length > 1)
    .map(cells => cells[0].textContent);
}

/** A column header's sort button (its title is also a drag handle, a button too), if sortable. */
const sortLabel = (name: string) =>
  screen
    .queryAllByRole('button', { name })
    .find(b => b.classList.contains('MuiTableSortLabel-root'));

const rowOf = (name: string | RegExp) =>
  screen.getByRole('link', { name }).closest('tr')!;

describe('MigrationPlanner', () => {
  it('lists open suggestions, largest saving first, with the open total and snapshot age', async () => {
    const { api } = await setup();
    expect(
      await screen.findByText('Migration suggestions (3)'),
    ).toBeInTheDocument();
    // One request: the first page of open suggestions holds them all.
    expect(jest.mocked(api.getSuggestions).mock.calls).toEqual([
      [{ status: 'open', offset: 0, limit: 100 }],
    ]);
    expect(await componentColumn()).toEqual([
      'Shopping cart',
      'webhook-relay',
      'thumbnailer',
    ]);

    const cart = within(rowOf('Shopping cart'));
    expect(rowOf('Shopping cart').querySelector('a')).toHaveAttribute(
      'href',
      '/catalog/default/component/cart-service',
    );
    expect(cart.getByText('$1,100 – $1,900')).toBeInTheDocument();
    expect(cart.getByText('AWS Fargate → AWS Lambda')).toBeInTheDocument();
    expect(cart.getByText('checkout-team')).toBeInTheDocument();
    expect(cart.getByText('Confidence medium')).toBeInTheDocument();
    expect(cart.getByText('Effort low')).toBeInTheDocument();
    expect(cart.getByText('Risk low')).toBeInTheDocument();
    expect(
      cart.getByText('cart-service runs 2 replicas at 3% utilisation'),
    ).toBeInTheDocument();
    expect(cart.getByText('Open')).toBeInTheDocument();

    expect(
      screen.getByText(/3 open suggestions would save about/),
    ).toHaveTextContent('$1,740 / month');
    expect(
      screen.getByText('Figures from the refresh 2 h ago'),
    ).toBeInTheDocument();
  });

  it('asks the backend for each status and shows who decided what', async () => {
    const { api, user } = await setup();
    await screen.findByText('Migration suggestions (3)');
    await user.selectOptions(screen.getByLabelText('Status'), 'dismissed');
    expect(await componentColumn()).toEqual(['legacy-batch']);
    expect(api.getSuggestions).toHaveBeenLastCalledWith({
      status: 'dismissed',
      offset: 0,
      limit: 100,
    });
    // The header still counts every open suggestion, not the dismissed ones listed.
    expect(
      screen.getByText(/3 open suggestions would save about/),
    ).toHaveTextContent('$1,740 / month');
    expect(
      screen.getByText(
        'Dismissed by user:default/alice: Being decommissioned in Q1',
      ),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'all');
    expect(await componentColumn()).toEqual([
      'Shopping cart',
      'legacy-batch',
      'webhook-relay',
      'thumbnailer',
    ]);
    // "All" sends no status.
    expect(api.getSuggestions).toHaveBeenLastCalledWith({
      offset: 0,
      limit: 100,
    });
  });

  it('accepts a suggestion and shows the decision in its row', async () => {
    const { api, user } = await setup();
    await screen.findByText('Migration suggestions (3)');
    await user.selectOptions(screen.getByLabelText('Status'), 'all');

    await user.click(
      screen.getByRole('button', {
        name: 'Accept suggestion for cart-service',
      }),
    );
    expect(api.decide).toHaveBeenCalledWith('s-cart-service', {
      decision: 'accepted',
    });
    expect(
      await within(rowOf('Shopping cart')).findByText(
        'Accepted by user:default/guest',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Accept suggestion for cart-service',
      }),
    ).toBeDisabled();
    // The open total no longer counts it.
    expect(
      screen.getByText(/2 open suggestions would save about/),
    ).toHaveTextContent('$240 / month');
  });

  it('reports a failed decision and leaves the row open', async () => {
    const { alertApi, user } = await setup({
      decide: jest.fn(async () => {
        throw new Error('You are not allowed to decide suggestions');
      }),
    });
    await screen.findByText('Migration suggestions (3)');
    await user.click(
      screen.getByRole('button', { name: 'Accept suggestion for thumbnailer' }),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith({
        message: expect.stringMatching(/thumbnailer: You are not allowed/),
        severity: 'error',
      }),
    );
    expect(within(rowOf('thumbnailer')).getByText('Open')).toBeInTheDocument();
  });

  it('requires a reason to dismiss', async () => {
    const { api, user } = await setup();
    await screen.findByText('Migration suggestions (3)');
    await user.click(
      screen.getByRole('button', {
        name: 'Dismiss suggestion for webhook-relay',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Dismiss suggestion for webhook-relay'),
    ).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    expect(
      within(dialog).getByText('A reason is required to dismiss a suggestion'),
    ).toBeInTheDocument();
    expect(api.decide).not.toHaveBeenCalled();

    await user.type(
      within(dialog).getByLabelText(/Reason/),
      'Vendor contract until 2027',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    expect(api.decide).toHaveBeenCalledWith('s-webhook-relay', {
      decision: 'dismissed',
      reason: 'Vendor contract until 2027',
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // Dismissed rows leave the "open" view.
    expect(await componentColumn()).toEqual(['Shopping cart', 'thumbnailer']);
  });

  it('snoozes only until a future date', async () => {
    const { api, user } = await setup();
    await screen.findByText('Migration suggestions (3)');
    await user.click(
      screen.getByRole('button', { name: 'Snooze suggestion for thumbnailer' }),
    );
    const dialog = await screen.findByRole('dialog');
    const date = within(dialog).getByLabelText(/Snooze until/);

    fireEvent.change(date, { target: { value: '2020-01-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Snooze' }));
    expect(
      within(dialog).getByText('The date must be in the future'),
    ).toBeInTheDocument();
    fireEvent.change(date, { target: { value: todayInput() } });
    await user.click(within(dialog).getByRole('button', { name: 'Snooze' }));
    expect(
      within(dialog).getByText('The date must be in the future'),
    ).toBeInTheDocument();
    expect(api.decide).not.toHaveBeenCalled();

    const future = new Date();
    future.setFullYear(future.getFullYear() + 1);
    const value = todayInput(future);
    fireEvent.change(date, { target: { value } });
    await user.click(within(dialog).getByRole('button', { name: 'Snooze' }));
    expect(api.decide).toHaveBeenCalledWith('s-thumbnailer', {
      decision: 'snoozed',
      snoozeUntil: new Date(`${value}T00:00:00`).toISOString(),
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await user.selectOptions(screen.getByLabelText('Status'), 'snoozed');
    expect(
      await screen.findByText(
        `Snoozed until ${future.toLocaleDateString()} by user:default/guest`,
      ),
    ).toBeInTheDocument();
  });

  it('exports the plan with the status shown as a CSV download', async () => {
    const createObjectURL = jest.fn(() => 'blob:csv-1');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const downloads: { href: string; download: string }[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
        downloads.push({
          href: this.getAttribute('href')!,
          download: this.download,
        });
      });
    try {
      const { api, user } = await setup();
      await screen.findByText('Migration suggestions (3)');
      await user.click(screen.getByRole('button', { name: /Export CSV/ }));
      await waitFor(() => expect(downloads).toHaveLength(1));
      // The planner opens on the open suggestions, and the file holds those.
      expect(api.downloadCsv).toHaveBeenLastCalledWith('suggestions', {
        status: 'open',
      });
      expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
      expect(downloads[0]).toEqual({
        href: 'blob:csv-1',
        download: 'arch-tradeoffs-suggestions-open.csv',
      });

      await user.selectOptions(screen.getByLabelText('Status'), 'all');
      await user.click(screen.getByRole('button', { name: /Export CSV/ }));
      await waitFor(() => expect(downloads).toHaveLength(2));
      expect(api.downloadCsv).toHaveBeenLastCalledWith('suggestions', {});
      expect(downloads[1].download).toBe('arch-tradeoffs-suggestions.csv');
    } finally {
      click.mockRestore();
    }
  });

  it('explains an empty plan', async () => {
    const { api } = await setup({}, []);
    expect(
      await screen.findByText('No migration suggestions'),
    ).toBeInTheDocument();
    // None open, so it asked whether there are any at all.
    expect(api.getSuggestions).toHaveBeenLastCalledWith({
      offset: 0,
      limit: 1,
    });
  });

  it('opens the planner when every suggestion is decided', async () => {
    const { api, user } = await setup({}, [items[2]]);
    expect(
      await screen.findByText('Migration suggestions (0)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No suggestions with this status'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/0 open suggestions would save about/),
    ).toHaveTextContent(`${formatCost(0, 'USD')} / month`);
    await user.selectOptions(screen.getByLabelText('Status'), 'dismissed');
    expect(await componentColumn()).toEqual(['legacy-batch']);
    expect(api.getSuggestions).toHaveBeenCalledTimes(3);
  });

  it('searches and sorts a result that fits in one page in the browser', async () => {
    const { api, user } = await setup();
    await screen.findByText('Migration suggestions (3)');
    await user.type(screen.getByPlaceholderText('Filter'), 'thumb');
    await waitFor(async () =>
      expect(await componentColumn()).toEqual(['thumbnailer']),
    );
    await user.clear(screen.getByPlaceholderText('Filter'));
    await waitFor(async () => expect(await componentColumn()).toHaveLength(3));
    // The table keeps the sort direction (largest first) when the column changes.
    await user.click(sortLabel('Component')!);
    expect(await componentColumn()).toEqual([
      'webhook-relay',
      'thumbnailer',
      'Shopping cart',
    ]);
    expect(api.getSuggestions).toHaveBeenCalledTimes(1);
  });

  it('keeps the status and shows the error when a status cannot be loaded', async () => {
    const { api, user } = await setup();
    await screen.findByText('Migration suggestions (3)');
    jest
      .mocked(api.getSuggestions)
      .mockRejectedValueOnce(new Error('Request failed with 503, starting up'));
    await user.selectOptions(screen.getByLabelText('Status'), 'accepted');
    expect((await screen.findAllByText(/starting up/)).length).toBeGreaterThan(
      0,
    );
    expect(screen.getByLabelText('Status')).toHaveValue('accepted');
  });

  describe('with more suggestions than the first page', () => {
    // 130 suggestions, ranked as listed; every 13th is dismissed, so 120 are open.
    const many = Array.from({ length: 130 }, (_, i) => {
      const saving = 5000 - i * 10 + 0.25;
      return record(
        `service-${String(i).padStart(3, '0')}`,
        [saving - 5, saving, saving + 5],
        {
          ...(i % 13 === 12
            ? { status: 'dismissed', decision: dismissed }
            : {}),
        },
      );
    });
    const open = many.filter(r => r.status === 'open');
    const names = (records: SuggestionRecord[]) =>
      records.map(r => r.entityRef.split('/')[1]);
    const header = () => screen.getByText(/open suggestions? would save about/);

    it('pages through the backend, with the totals of every match', async () => {
      const { api, user } = await setup({}, many);
      expect(
        await screen.findByText(`Migration suggestions (${open.length})`),
      ).toBeInTheDocument();
      expect(header()).toHaveTextContent(
        `${open.length} open suggestions would save about ${formatCost(openSavingsOf(many), 'USD')} / month`,
      );
      // The table's first page comes from the first request; no search or sorting over one page.
      expect(await componentColumn()).toEqual(names(open.slice(0, 25)));
      expect(jest.mocked(api.getSuggestions).mock.calls).toEqual([
        [{ status: 'open', offset: 0, limit: 100 }],
      ]);
      expect(screen.queryByPlaceholderText('Filter')).not.toBeInTheDocument();
      expect(sortLabel('Saves / month')).toBeUndefined();

      await user.click(screen.getAllByRole('button', { name: 'Next Page' })[0]);
      await waitFor(async () =>
        expect(await componentColumn()).toEqual(names(open.slice(25, 50))),
      );
      expect(api.getSuggestions).toHaveBeenLastCalledWith({
        status: 'open',
        offset: 25,
        limit: 25,
      });

      await user.selectOptions(screen.getByLabelText('Status'), 'all');
      expect(
        await screen.findByText(`Migration suggestions (${many.length})`),
      ).toBeInTheDocument();
      expect(await componentColumn()).toEqual(names(many.slice(0, 25)));
      await user.click(screen.getAllByRole('button', { name: 'Last Page' })[0]);
      await waitFor(async () =>
        expect(await componentColumn()).toEqual(names(many.slice(125))),
      );
      expect(api.getSuggestions).toHaveBeenLastCalledWith({
        offset: 125,
        limit: 25,
      });
    }, 30_000);

    it('re-reads the page after a decision, and the header follows it', async () => {
      const { api, user } = await setup({}, many);
      await screen.findByText(`Migration suggestions (${open.length})`);
      const [first, second] = names(open);
      await user.click(
        screen.getByRole('button', { name: `Accept suggestion for ${first}` }),
      );
      // Accepted, it leaves the open suggestions; the next one moves up to fill the page.
      expect(
        await screen.findByText(`Migration suggestions (${open.length - 1})`),
      ).toBeInTheDocument();
      expect(api.decide).toHaveBeenCalledWith(open[0].suggestion.id, {
        decision: 'accepted',
      });
      expect(api.getSuggestions).toHaveBeenLastCalledWith({
        status: 'open',
        offset: 0,
        limit: 25,
      });
      await waitFor(async () =>
        expect(await componentColumn()).toEqual(names(open.slice(1, 26))),
      );
      expect(header()).toHaveTextContent(
        `${open.length - 1} open suggestions would save about ${formatCost(
          openSavingsOf(open.slice(1)),
          'USD',
        )} / month`,
      );

      // Under "All" a decided row stays where it ranks and shows the decision.
      await user.selectOptions(screen.getByLabelText('Status'), 'all');
      await screen.findByText(`Migration suggestions (${many.length})`);
      await user.click(
        screen.getByRole('button', { name: `Accept suggestion for ${second}` }),
      );
      expect(
        await within(rowOf(second)).findByText(
          'Accepted by user:default/guest',
        ),
      ).toBeInTheDocument();
      expect(await componentColumn()).toEqual(names(many.slice(0, 25)));
      expect(header()).toHaveTextContent(
        `${open.length - 2} open suggestions would save about ${formatCost(
          openSavingsOf(open.slice(2)),
          'USD',
        )} / month`,
      );
    }, 30_000);
  });

  it('shows the error from the backend', async () => {
    await setup({
      getSuggestions: jest.fn(async () => {
        throw new Error('Request failed with 500, database unavailable');
      }),
    });
    expect(
      (await screen.findAllByText(/database unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
