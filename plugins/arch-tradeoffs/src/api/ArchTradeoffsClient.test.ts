import { ArchTradeoffsClient } from './ArchTradeoffsClient';

function client() {
  const fetch = jest.fn(async (_url: string) => new Response(JSON.stringify({ items: [] })));
  const api = new ArchTradeoffsClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/arch-tradeoffs' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { api, fetch };
}

describe('ArchTradeoffsClient', () => {
  it('sends the Inputs filter as input=', async () => {
    const { api, fetch } = client();
    await api.getComponents({ view: 'annotations', input: 'measured', offset: 50, limit: 50 });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/arch-tradeoffs/v1/components?view=annotations&input=measured&offset=50&limit=50',
    );
    await api.getComponentSummaries({ input: 'estimated' });
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backend/api/arch-tradeoffs/v1/components?input=estimated&view=summary&limit=all',
    );
  });

  it('leaves the parameter out when no filter is chosen', async () => {
    const { api, fetch } = client();
    await api.getComponents({ view: 'annotations' });
    expect(fetch.mock.calls[0][0]).toBe('http://backend/api/arch-tradeoffs/v1/components?view=annotations');
  });
});
