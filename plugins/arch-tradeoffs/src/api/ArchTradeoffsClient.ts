import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ComponentsResponse } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { ArchTradeoffsApi, ComponentsQuery } from './ArchTradeoffsApi';

/**
 * Talks to `/api/arch-tradeoffs` through discovery (so the backend can live anywhere) and the fetch API
 * (so the user's Backstage token goes along).
 * @public
 */
export class ArchTradeoffsClient implements ArchTradeoffsApi {
  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async getComponents(query: ComponentsQuery = {}): Promise<ComponentsResponse> {
    return this.get<ComponentsResponse>('/v1/components', query);
  }

  private async get<T>(path: string, query: object = {}): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('arch-tradeoffs');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query) as [string, unknown][]) {
      if (typeof value === "string" && value !== "") params.set(key, value);
    }
    const search = params.toString();
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
