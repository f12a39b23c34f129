import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  Assessment,
  ComponentRecord,
  ComponentResponse,
  ComponentsResponse,
  ComponentSummary,
  Decision,
  DecisionRequest,
  HistoryResponse,
  ScorecardResponse,
  ScorecardsResponse,
  SuggestionsResponse,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type {
  ArchTradeoffsApi,
  ComponentsQuery,
  CsvExport,
  HistoryQuery,
  SuggestionsQuery,
} from './ArchTradeoffsApi';

type Query = Record<string, string | number | undefined>;

/**
 * Talks to `/api/arch-tradeoffs` through discovery (so the backend can live anywhere) and the fetch API
 * (so the user's Backstage token goes along).
 * @public
 */
export class ArchTradeoffsClient implements ArchTradeoffsApi {
  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getComponents(query: ComponentsQuery = {}) {
    return this.json<ComponentsResponse<ComponentRecord>>('/v1/components', { query: { ...query } });
  }

  getComponentSummaries(query: Omit<ComponentsQuery, 'offset' | 'limit'> = {}) {
    return this.json<ComponentsResponse<ComponentSummary>>('/v1/components', {
      query: { ...query, view: 'summary', limit: 'all' },
    });
  }

  getComponent(entityRef: string) {
    return this.json<ComponentResponse>(`/v1/components/${refPath(entityRef, 'component')}`);
  }

  estimate(annotations: Record<string, string>, entityRef?: string) {
    return this.json<Assessment>('/v1/estimate', {
      method: 'POST',
      body: { annotations, ...(entityRef ? { entityRef } : {}) },
    });
  }

  getScorecards() {
    return this.json<ScorecardsResponse>('/v1/scorecards');
  }

  getScorecard(groupRef: string) {
    const { namespace, name } = parseEntityRef(groupRef, { defaultKind: 'group' });
    return this.json<ScorecardResponse>(
      `/v1/scorecards/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    );
  }

  getSuggestions(query: SuggestionsQuery = {}) {
    return this.json<SuggestionsResponse>('/v1/suggestions', { query: { ...query } });
  }

  decide(suggestionId: string, request: DecisionRequest) {
    return this.json<Decision>(`/v1/suggestions/${encodeURIComponent(suggestionId)}/decision`, {
      method: 'POST',
      body: request,
    });
  }

  getHistory(query: HistoryQuery = {}) {
    return this.json<HistoryResponse>('/v1/history', { query: { ...query } });
  }

  async downloadCsv(kind: CsvExport, query: Record<string, string | undefined> = {}) {
    const response = await this.request(`/v1/${kind}`, { query: { ...query, format: 'csv' } });
    return response.blob();
  }

  private async json<T>(
    path: string,
    init: { query?: Query; method?: string; body?: unknown } = {},
  ): Promise<T> {
    const response = await this.request(path, init);
    return (await response.json()) as T;
  }

  private async request(
    path: string,
    init: { query?: Query; method?: string; body?: unknown },
  ): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('arch-tradeoffs');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      init.body === undefined
        ? { method: init.method ?? 'GET' }
        : {
            method: init.method ?? 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(init.body),
          },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/** `component:default/name` → `default/component/name`, each part URL-encoded. */
function refPath(entityRef: string, defaultKind: string) {
  const { kind, namespace, name } = parseEntityRef(entityRef, { defaultKind });
  return [namespace, kind, name].map(encodeURIComponent).join('/');
}
